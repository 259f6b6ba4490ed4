/**
 * Shared set-up for the Office.js layer tests: Microsoft's real Excel client
 * (@microsoft/office-js, each build in turn) talking to the RichApi host of
 * dev/office-host over an in-memory workbook.
 */
import type { SheetGrid } from '../../src/core/grid';
import type { OutCell, OutputSheet } from '../../src/core/sheet-model';
import { CLIENT_BUILDS, RichApiHost, loadClient, attachHost, type ClientBuild, type HostOptions } from '../../dev/office-host';

/** A new workbook holding `grids` (else one empty Sheet1), served to the loaded client. */
export function setup(grids: SheetGrid[] = [], options: HostOptions = {}): RichApiHost {
  const host = new RichApiHost(options);
  host.loadGrids(grids);
  return attachHost(host);
}

/** Runs `body` (describe/it blocks) once on each build of the real client: web, Windows, Mac. */
export function onEachClient(body: (build: ClientBuild) => void): void {
  describe.each(CLIENT_BUILDS.map((b) => [b]))('Excel client %s', (build) => {
    beforeAll(() => loadClient(build));
    body(build);
  });
}

/** A unit-like sheet: an identification block, a figures table, a long note. */
export function unitGrid(name: string, rows = 30, origin: [number, number] = [0, 0]): SheetGrid {
  const cells: SheetGrid['cells'] = [
    ['Mã mẫu', 'TTCCHC-1'],
    ['Đơn vị báo cáo', name],
    ['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', 'Ghi chú'],
  ];
  for (let i = 0; i < rows; i++) cells.push([`A${i}`, `Chỉ tiêu số ${i} của ${name}`, 'tin, bài', i * 3, i % 5 === 0 ? 'Ghi chú dài về việc tuyên truyền cải cách hành chính' : null]);
  return { sheet: name, originRow: origin[0], originCol: origin[1], cells };
}
/** A small output sheet as the layout would give it. */
export function outputSheet(name: string, rows = 5, extra: Partial<OutputSheet> = {}): OutputSheet {
  const body: OutCell[][] = [
    [{ v: `Bảng tổng hợp ${name}`, style: { bold: true, fontSize: 14, align: 'center' } }],
    [{ v: 'Mã', style: { bold: true, border: true, fill: '#DDEBF7' } }, { v: 'Chỉ tiêu', style: { bold: true, border: true, fill: '#DDEBF7' } }, { v: 'Số liệu', style: { bold: true, border: true, fill: '#DDEBF7' } }],
  ];
  for (let i = 0; i < rows; i++) {
    body.push([
      { v: `A${i + 1}`, style: { border: true } },
      { v: `Chỉ tiêu ${i + 1}`, style: { border: true, wrap: true } },
      { v: 1000 + i, style: { border: true, numberFormat: '#,##0' } },
    ]);
  }
  return {
    name,
    role: 'summary',
    rows: body,
    merges: ['A1:C1'],
    columnWidths: [8, 40, 12],
    freeze: { rows: 2, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [1, 2] },
    ...extra,
  };
}

export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
