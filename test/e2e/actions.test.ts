/**
 * The pane's actions (src/taskpane/actions.ts) on Microsoft's real Excel
 * client (each build: web, Windows, Mac) talking to the RichApi host of
 * dev/office-host, in Node: what each button does to a workbook, quicker
 * and more thorough than through the browser.
 */
import JSZip from 'jszip';
import type { SheetGrid } from '../../src/core/grid';
import type { RichApiHost } from '../../dev/office-host';
import { onEachClient, setup } from '../excel/helpers';
import * as actions from '../../src/taskpane/actions';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { previousWorkbook } from './previous-workbook';
import { reportFileName } from '../../src/report/file-name';

import { COMMUNES, commune } from './three-communes';
import { gridXlsx } from '../helpers/xlsx-files';

let fake: RichApiHost;

function install(grids: SheetGrid[], apiVersion = '1.13'): void {
  fake = setup(grids, { apiVersion });
}

const values = () => fake.sheets().map((s) => ({ name: s.name, values: s.values }));

/** The value right of the cell holding `label` in `sheet`, or undefined. */
function rowOf(sheet: string, first: string): (string | number | boolean | null)[] | undefined {
  return fake.sheet(sheet)?.values.find((r) => r.includes(first));
}

onEachClient(() => {
describe('Tổng hợp', () => {
  beforeEach(() => install(COMMUNES.map(commune)));

  it('writes the summary, Phụ lục, report and findings sheets after the unit sheets, with the summed figures', async () => {
    const o = await actions.compileWorkbook();
    expect(o.counts).toMatchObject({ reports: 3, missing: 0 });
    expect(o.written.length).toBeGreaterThanOrEqual(4);
    const names = fake.sheetNames();
    expect(names.slice(0, 3)).toEqual(['xã Hương Lộc', 'xã Thượng Quảng', 'thị trấn Khe Tre']);
    expect(names.slice(3)).toEqual(o.written);
    const report = o.written.find((n) => n.startsWith('BC '))!;
    expect(rowOf(report, 'A1')).toContain(40);
    // The summary is shown once written.
    expect(fake.selection().sheet).toBe(o.written[0]);
    expect(fake.stats.maxConcurrentRuns).toBe(1);
  });

  it('run twice gives the same sheets, none duplicated, and the same counts', async () => {
    const first = await actions.compileWorkbook();
    const before = values();
    const second = await actions.compileWorkbook();
    expect(values()).toEqual(before);
    expect(second.counts).toEqual(first.counts);
    expect(second.result.findings).toEqual(first.result.findings);
  });

  it('never touches the unit sheets', async () => {
    const before = values().slice(0, 3);
    await actions.compileWorkbook();
    await actions.compileWorkbook();
    expect(values().slice(0, 3)).toEqual(before);
  });
});

describe('a workbook without unit reports', () => {
  it('compiles to nothing counted, without an error, and leaves the sheets there as they were', async () => {
    install([{ sheet: 'Sheet1', originRow: 0, originCol: 0, cells: [['Danh sách cán bộ'], ['Nguyễn Văn A', 45]] }]);
    const o = await actions.compileWorkbook();
    expect(o.result.reports).toEqual([]);
    expect(o.counts).toEqual({ reports: 0, errors: 0, warnings: 0, missing: 0 });
    expect(fake.sheet('Sheet1')!.values).toEqual([['Danh sách cán bộ', null], ['Nguyễn Văn A', 45]]);
    await expect(actions.exportReport(o)).rejects.toThrow(/chưa có gì để xuất/);
  });

  it('writes no sheet at all (no empty Kiểm tra sheet) when nothing was read', async () => {
    install([{ sheet: 'Sheet1', originRow: 0, originCol: 0, cells: [['Danh sách cán bộ']] }]);
    const o = await actions.compileWorkbook();
    expect(o.written).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('the add-in recognises its own earlier output by content, not by name alone', () => {
  const district = (unit: string, code: string, a1: number): SheetGrid =>
    makeUnitGrid(sampleSpec({ unit, unitCode: code, level: 'Huyện', parent: 'UBND tỉnh Thừa Thiên Huế', compiled: true, figures: { ...sampleSpec().figures, A1: a1 }, sheet: `BC ${unit.replace('UBND huyện ', '')}` }));

  it("keeps districts' compiled reports named like outputs (BC …) as children of the province, run after run", async () => {
    install([district('UBND huyện Nam Đông', 'H01', 100), district('UBND huyện Phong Điền', 'H02', 50)]);
    const o = await actions.compileWorkbook();
    expect(o.counts.reports).toBe(2);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['BC Nam Đông', 'BC Phong Điền']));
    const province = o.written.find((n) => n.startsWith('BC '))!;
    expect(province).not.toMatch(/Nam Đông|Phong Điền/);
    expect(rowOf(province, 'A1')).toContain(150);
    const before = values();
    await actions.compileWorkbook();
    expect(values()).toEqual(before);
  });
});

describe('Kiểm tra', () => {
  it('returns findings grouped by unit and changes nothing', async () => {
    const bad = commune({ ...COMMUNES[1], figures: { ...sampleSpec().figures, D5: 9 } });
    install([commune(COMMUNES[0]), bad]);
    const before = values();
    const o = await actions.checkWorkbook();
    expect(values()).toEqual(before);
    expect(o.written).toEqual([]);
    expect(o.counts.errors).toBeGreaterThan(0);
    const err = o.result.findings.find((f) => f.severity === 'error')!;
    expect(err.unit).toBe('UBND xã Thượng Quảng');
    expect(err.sheet).toBe('xã Thượng Quảng');
  });
});

describe('going to a finding and colouring cells', () => {
  beforeEach(() => install([commune(COMMUNES[0]), commune({ ...COMMUNES[1], figures: { ...sampleSpec().figures, D5: 9 } })]));

  it('selects the cell of the finding on its sheet', async () => {
    const o = await actions.checkWorkbook();
    const f = o.result.findings.find((x) => x.cell)!;
    await actions.goToFinding(f);
    expect(fake.selection()).toEqual({ sheet: f.sheet, address: f.cell });
  });

  it('colours the cells of the findings and clears them again', async () => {
    const o = await actions.checkWorkbook();
    const f = o.result.findings.find((x) => x.severity === 'error' && x.cell)!;
    const { saved } = await actions.highlight(o.result.findings);
    expect(fake.cell(f.sheet, f.cell).format.fill).toBeTruthy();
    await expect(actions.clearHighlight(saved)).resolves.toEqual(new Map());
    expect(fake.cell(f.sheet, f.cell).format.fill ?? null).toBeNull();
  });

  /** The cell of the first error, filled by the unit itself with `color` before any colouring of ours. */
  async function errorCellColouredByUnit(color: string) {
    const o = await actions.checkWorkbook();
    const f = o.result.findings.find((x) => x.severity === 'error' && x.cell)!;
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(f.sheet).getRange(f.cell).format.fill.color = color;
      await ctx.sync();
    });
    return { o, f };
  }

  it("gives a cell the unit had coloured its own colour back, even after colouring twice", async () => {
    const { o, f } = await errorCellColouredByUnit('#C6EFCE');
    const first = await actions.highlight(o.result.findings);
    const second = await actions.highlight(o.result.findings, first.saved);
    expect(fake.cell(f.sheet, f.cell).format.fill).not.toBe('#C6EFCE');
    await actions.clearHighlight(second.saved);
    expect(fake.cell(f.sheet, f.cell).format.fill).toBe('#C6EFCE');
  });

  it("gives the unit's own colour back after the pane was closed: the originals are kept in the workbook", async () => {
    const { o, f } = await errorCellColouredByUnit('#C6EFCE');
    await actions.highlight(o.result.findings);
    expect(fake.cell(f.sheet, f.cell).format.fill).not.toBe('#C6EFCE');
    // A new pane: nothing in memory.
    await expect(actions.clearHighlight(new Map())).resolves.toEqual(new Map());
    expect(fake.cell(f.sheet, f.cell).format.fill).toBe('#C6EFCE');
    expect(fake.sheets().filter((s) => s.visibility === 'VeryHidden').map((s) => s.name)).toEqual(['~to mau goc']);
  });
});

describe('Tổng hợp từ tệp', () => {
  it('compiles the files, not the workbook sheets, and names a file it cannot read', async () => {
    install([commune(COMMUNES[2])]);
    const files = [
      { name: 'huong-loc.xlsx', bytes: gridXlsx(commune(COMMUNES[0])) },
      { name: 'thuong-quang.xlsx', bytes: gridXlsx(commune(COMMUNES[1])) },
      { name: 'ghi-chu.xlsx', bytes: new TextEncoder().encode('không phải Excel') },
    ];
    const o = await actions.compileFromFiles(files);
    expect(o.counts.reports).toBe(2);
    expect(o.fileProblems).toHaveLength(1);
    expect(o.fileProblems[0]).toContain('ghi-chu.xlsx');
    expect(o.result.findings.some((f) => f.file === 'ghi-chu.xlsx' && f.severity === 'error')).toBe(true);
    // Not copied in: the workbook has its own sheet and the outputs only.
    expect(fake.sheetNames()).toEqual(['thị trấn Khe Tre', ...o.written]);
    expect(rowOf(o.written.find((n) => n.startsWith('BC '))!, 'A1')).toContain(27);
  });

  it('says which picked file holds no report nor plan (as the command line does), and which is in an old format', async () => {
    install([]);
    const notes: SheetGrid = { sheet: 'Ghi chú', originRow: 0, originCol: 0, cells: [['Danh sách cán bộ'], ['Nguyễn Văn A']] };
    const o = await actions.compileFromFiles([
      { name: 'huong-loc.xls', bytes: gridXlsx(commune(COMMUNES[0]), 'biff8') },
      { name: 'ghi-chu.xlsx', bytes: gridXlsx(notes) },
    ]);
    expect(o.counts.reports).toBe(1);
    expect(o.fileProblems).toEqual([
      expect.stringMatching(/^Tệp "huong-loc\.xls" ở định dạng .*lần sau hãy lưu dưới dạng "Sổ làm việc Excel \(\.xlsx\)"/),
      'Tệp "ghi-chu.xlsx" không có trang báo cáo theo mẫu TTCCHC-1 nào (cần ô "Mã mẫu" ghi "TTCCHC-1" trong 15 dòng đầu) và không có trang Kế hoạch; các trang: "Ghi chú".',
    ]);
    expect(o.result.findings.filter((f) => f.rule === 'file.no-report').map((f) => [f.severity, f.file])).toEqual([['warning', 'ghi-chu.xlsx']]);
  });

  it('refuses an empty pick with a message', async () => {
    install([]);
    await expect(actions.compileFromFiles([])).rejects.toThrow('Chưa chọn tệp nào.');
  });

  it('counts the files read, one by one, for the progress bar, full once all are read (lock files not counted)', async () => {
    install([]);
    const seen: string[] = [];
    await actions.compileFromFiles([
      ...COMMUNES.map((c, i) => ({ name: `don-vi-${i}.xlsx`, bytes: gridXlsx(commune(c)) })),
      { name: '~$don-vi-0.xlsx', bytes: new Uint8Array(165) },
    ], undefined, (done, total) => seen.push(`${done}/${total}`));
    expect(seen).toEqual([...COMMUNES.map((_c, i) => `${i}/${COMMUNES.length}`), `${COMMUNES.length}/${COMMUNES.length}`]);
  });

  it('passes over Excel lock files (~$…) and refuses a .csv or .docx by its name, in the command line\'s words', async () => {
    install([]);
    const report = gridXlsx(commune(COMMUNES[0]));
    const o = await actions.compileFromFiles([
      { name: 'huong-loc.xlsx', bytes: report },
      // Excel's lock file beside an open workbook: never a report, never a problem to report.
      { name: '~$huong-loc.xlsx', bytes: new Uint8Array(165) },
      { name: 'so-lieu.csv', bytes: new TextEncoder().encode('Mã mẫu,TTCCHC-1\nĐơn vị,xã A\n') },
      { name: 'bao-cao.docx', bytes: report },
    ]);
    expect(o.counts.reports).toBe(1);
    expect(o.fileProblems).toEqual([
      expect.stringMatching(/^Tệp "so-lieu\.csv" không phải sổ Excel\. Nhận tệp Excel \.xlsx/),
      expect.stringMatching(/^Tệp "bao-cao\.docx" không phải sổ Excel\./),
    ]);
    expect(o.result.findings.filter((f) => f.rule === 'file.not-xlsx').map((f) => [f.severity, f.file])).toEqual([['error', 'so-lieu.csv'], ['error', 'bao-cao.docx']]);
    await expect(actions.importReports([{ name: '~$huong-loc.xlsx', bytes: report }])).rejects.toThrow('tệp khoá của Excel');
  });
});

describe('Kỳ trước (tuỳ chọn)', () => {
  /** Last year's compiled workbook of the same communes, every figure twice as high. */
  const lastYear = async () => {
    const { bytes } = await previousWorkbook(COMMUNES.map(commune), 2);
    return actions.readPreviousFile({ name: 'tong-hop-2019.xlsx', bytes: new Uint8Array(bytes) });
  };
  /** The rows of the summary's comparison block, from its header on. */
  const comparison = (sheet: string) => {
    const rows = fake.sheet(sheet)!.values;
    const head = rows.findIndex((r) => r.includes('Kỳ trước') && r.includes('Tăng/giảm'));
    return head < 0 ? [] : rows.slice(head);
  };
  async function docxText(bytes: Uint8Array): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  }

  it('reads the figures of last period by unit from its compiled workbook', async () => {
    const pick = await lastYear();
    expect(pick.name).toBe('tong-hop-2019.xlsx');
    expect(pick.previous).toMatchObject({ period: 'Năm', year: 2019 });
    expect(Object.keys(pick.previous.byUnit)).toHaveLength(4); // the district and its three communes
  });

  it('Tổng hợp adds kỳ trước and tăng/giảm on `SS …` beside the summary, and Xuất báo cáo says how much it changed', async () => {
    install(COMMUNES.map(commune));
    const pick = await lastYear();
    const o = await actions.compileWorkbook(pick);
    expect(o.comparedWith).toBe('tong-hop-2019.xlsx');
    expect(comparison(o.written.find((n) => n.startsWith('TH '))!)).toEqual([]);
    const block = comparison(o.written.find((n) => n.startsWith('SS '))!);
    expect(block.length).toBeGreaterThan(1);
    // A1 of the district: 20 + 7 + 13 = 40 now, 80 last year: −50 %.
    const a1 = block.find((r) => r[0] === 'A1')!;
    expect(a1.slice(2, 5)).toEqual([40, 80, -0.5]);
    const { bytes } = await actions.exportReport(o, pick);
    const text = await docxText(bytes);
    expect(text).toContain('giảm 50% so với năm 2019');

    // Without the previous file: no comparison, in the sheet or in the report.
    const plain = await actions.compileWorkbook();
    expect(plain.comparedWith).toBeUndefined();
    expect(plain.written.filter((n) => n.startsWith('SS '))).toEqual([]);
    expect(await docxText((await actions.exportReport(plain)).bytes)).not.toContain('so với năm 2019');
  });

  it('Tổng hợp từ tệp compares with it too', async () => {
    install([]);
    const files = COMMUNES.map((c, i) => ({ name: `xa-${i}.xlsx`, bytes: gridXlsx(commune(c)) }));
    const o = await actions.compileFromFiles(files, await lastYear());
    const a1 = comparison(o.written.find((n) => n.startsWith('SS '))!).find((r) => r[0] === 'A1')!;
    expect(a1.slice(2, 5)).toEqual([40, 80, -0.5]);
  });

  it('a file that is not a workbook, or holds no report, is refused with a message naming it', async () => {
    await expect(actions.readPreviousFile({ name: 'ky-truoc.xlsx', bytes: new TextEncoder().encode('không phải Excel') })).rejects.toThrow(/ky-truoc\.xlsx/);
    const notes: SheetGrid = { sheet: 'Ghi chú', originRow: 0, originCol: 0, cells: [['Danh sách cán bộ'], ['Nguyễn Văn A', 45]] };
    const e = await actions.readPreviousFile({ name: 'ghi-chu.xlsx', bytes: gridXlsx(notes) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(actions.PaneError);
    expect((e as Error).message).toBe('Tệp kỳ trước "ghi-chu.xlsx" không có báo cáo TTCCHC-1 hay bảng tổng hợp nào đọc được: không so sánh với kỳ trước.');
  });
});

describe('Nhập báo cáo', () => {
  it.each(['1.13', '1.4'])('ExcelApi %s: unit sheets come in named after the unit, existing sheets untouched, a bad file named', async (api) => {
    install([commune(COMMUNES[0])], api);
    const before = values();
    const r = await actions.importReports([
      { name: 'thuong-quang.xlsx', bytes: gridXlsx(commune(COMMUNES[1])) },
      { name: 'hong.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    expect(r.added).toHaveLength(1);
    expect(r.added[0]).toMatch(/Thượng Quảng/);
    expect(r.fileProblems.join(' ')).toContain('hong.xlsx');
    expect(values().slice(0, 1)).toEqual(before);
    expect(fake.sheet(r.added[0])!.values.flat()).toContain('UBND xã Thượng Quảng');
  });

  it.each(['1.13', '1.4'])('ExcelApi %s: a report saved as .xls or .ods comes in, with the warning to save as .xlsx next time', async (api) => {
    install([commune(COMMUNES[0])], api);
    const r = await actions.importReports([
      { name: 'thuong-quang.xls', bytes: gridXlsx(commune(COMMUNES[1]), 'biff8') },
      { name: 'khe-tre.ods', bytes: gridXlsx(commune(COMMUNES[2]), 'ods') },
    ]);
    expect(r.added).toHaveLength(2);
    expect(r.fileProblems).toEqual([
      expect.stringMatching(/^Tệp "thuong-quang\.xls" ở định dạng .*lần sau hãy lưu/),
      expect.stringMatching(/^Tệp "khe-tre\.ods" ở định dạng .*lần sau hãy lưu/),
    ]);
    expect(fake.sheet(r.added[0])!.values.flat()).toContain('UBND xã Thượng Quảng');
    expect(fake.sheet(r.added[1])!.values.flat()).toContain('UBND thị trấn Khe Tre');
  });
});

describe('Tạo mẫu', () => {
  const form: actions.TemplateForm = { unit: 'UBND xã Hồng Thủy', level: 'Xã', parent: 'UBND huyện A Lưới', period: 'Quý I', year: 2025 };

  it('adds a blank TTCCHC-1 sheet, and a second one under a free name', async () => {
    install([commune(COMMUNES[0])]);
    const a = await actions.createTemplate(form);
    const b = await actions.createTemplate(form);
    expect(a).not.toBe(b);
    for (const n of [a, b]) {
      const flat = fake.sheet(n)!.values.flat();
      expect(flat).toEqual(expect.arrayContaining(['TTCCHC-1', 'UBND xã Hồng Thủy', 'UBND huyện A Lưới', 'Quý I', 2025]));
    }
    expect(fake.sheet(a)!.validations.length).toBeGreaterThan(0);
  });

  it('explains what is missing in the form', async () => {
    install([]);
    await expect(actions.createTemplate({ ...form, unit: ' ' })).rejects.toThrow('Hãy nhập tên đơn vị báo cáo.');
    await expect(actions.createTemplate({ ...form, parent: '' })).rejects.toThrow('Hãy nhập đơn vị cấp trên.');
    await expect(actions.createTemplate({ ...form, year: 25 })).rejects.toThrow(/bốn chữ số/);
    expect(actions.templateFormProblem({ ...form, level: 'Tỉnh', parent: '' })).toBeNull();
  });
});

describe('the plan sheet', () => {
  const PLAN: SheetGrid = {
    sheet: 'Kế hoạch',
    originRow: 0,
    originCol: 0,
    cells: [
      ['Đơn vị tổng hợp', 'UBND huyện Nam Đông'],
      ['Cấp', 'Huyện'],
      ['Đơn vị cấp trên', 'UBND tỉnh Thừa Thiên Huế'],
      ['Kỳ báo cáo', 'Quý I'],
      ['Năm', 2025],
      [],
      ['Nhiệm vụ'],
      ['STT', 'Nội dung nhiệm vụ', 'Chỉ tiêu', 'Mức tối thiểu', 'Tỷ lệ đạt (%)'],
      [1, 'Đăng tin, bài trên Cổng thông tin điện tử', 'A1', 10, 80],
      [2, 'Tổ chức hội nghị tập huấn CCHC', 'C1', 1, 100],
      [],
      ['Đơn vị'],
      ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Đơn vị cấp trên'],
      ['X001', 'UBND xã Hương Lộc', 'Xã', 'UBND huyện Nam Đông'],
    ],
  };

  it('gives the Tạo mẫu form its parent, period and year, reading the plan sheet and not the unit sheets', async () => {
    install([PLAN, ...COMMUNES.map(commune)]);
    const d = await actions.templateDefaults();
    // And the roster for the unit picker, each unit as its template would name it (core/layout/plan-templates.ts rosterIdentity).
    expect(d).toEqual({
      parent: 'UBND huyện Nam Đông', period: 'Quý I', year: 2025,
      roster: [{ unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Quý I', year: 2025 }],
    });
    const cellsRead = fake.stats.perSync.reduce((n, s) => n + s.cellsRead, 0);
    const planCells = PLAN.cells.length * 5;
    expect(cellsRead).toBeLessThanOrEqual(planCells);
  });

  it("puts the plan's tasks and the unit's code into the blank sheet, and shows it", async () => {
    install([PLAN]);
    const name = await actions.createTemplate({ unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Quý I', year: 2025 });
    const flat = fake.sheet(name)!.values.flat();
    expect(flat).toEqual(expect.arrayContaining(['Đăng tin, bài trên Cổng thông tin điện tử', 'Tổ chức hội nghị tập huấn CCHC', 'X001']));
    expect(fake.selection()?.sheet).toBe(name);
  });

  it('without a plan the form keeps its own defaults', async () => {
    install(COMMUNES.map(commune));
    await expect(actions.templateDefaults()).resolves.toEqual({ roster: [] });
  });
});

describe('Excel errors become Vietnamese messages', () => {
  it('while the user types in a cell, Excel waits for them (delayForCellEdit), then the action completes', async () => {
    install(COMMUNES.map(commune));
    fake.setCellEditMode(true);
    const pending = actions.compileWorkbook();
    // Until the client's first batch reaches the host and waits there, or the action ends without waiting
    // (no fixed sleep: a loaded machine may take longer).
    let settled = false;
    pending.then(() => { settled = true; }, () => { settled = true; });
    while (!settled && fake.waitingForCellEdit === 0) await new Promise((r) => setImmediate(r));
    expect(fake.waitingForCellEdit).toBe(1);
    expect(fake.sheetNames()).toHaveLength(3);
    fake.setCellEditMode(false);
    await expect(pending).resolves.toMatchObject({ counts: { reports: 3 } });
  });

  it('cell-editing mode says to press Enter or Esc where Excel cannot wait (no DelayForCellEdit)', async () => {
    install(COMMUNES.map(commune), '1.4');
    fake.setCellEditMode(true);
    const e = await actions.compileWorkbook().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(actions.PaneError);
    expect((e as Error).message).toMatch(/Enter hoặc Esc/);
    fake.setCellEditMode(false);
    await expect(actions.compileWorkbook()).resolves.toBeDefined();
  });

  it('a failure while writing leaves the previous output as it was', async () => {
    install(COMMUNES.map(commune));
    await actions.compileWorkbook();
    const before = values();
    fake.injectFailure({ match: (op) => op.action === 'delete', code: 'GeneralException' });
    await expect(actions.compileWorkbook()).rejects.toThrow(/Excel gặp lỗi nội bộ/);
    expect(values().filter((s) => !s.name.startsWith('~'))).toEqual(before);
  });
});

describe('Xuất báo cáo', () => {
  it('needs a compile first, then gives a .docx named after the period', async () => {
    await expect(actions.exportReport(null)).rejects.toThrow(/bấm Tổng hợp/);
    install(COMMUNES.map(commune));
    const o = await actions.compileWorkbook();
    const { fileName, bytes } = await actions.exportReport(o);
    expect(fileName).toBe('Bao-cao-CCHC-Nam-2020.docx');
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
  });

  it('the signer chosen in the pane (SignerFields) signs the .docx; empty fields keep the defaults', async () => {
    const docxText = async (bytes: Uint8Array) =>
      (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    install(COMMUNES.map(commune));
    const o = await actions.compileWorkbook();
    const chosen = await docxText((await actions.exportReport(o, undefined, { title: 'Chủ tịch', name: 'Nguyễn Văn An' })).bytes);
    expect(chosen).toContain('CHỦ TỊCHNguyễn Văn An');
    expect(chosen).not.toContain('KT. CHỦ TỊCH');
    const plain = await docxText((await actions.exportReport(o, undefined, {})).bytes);
    expect(plain).toContain('KT. CHỦ TỊCHPHÓ CHỦ TỊCH[Họ và tên]');
  });

  it('file names are plain ASCII', () => {
    expect(reportFileName({ period: 'Quý III', year: 2024 })).toBe('Bao-cao-CCHC-Quy-III-2024.docx');
    expect(reportFileName({ period: '6 tháng', year: 2024 })).toBe('Bao-cao-CCHC-6-thang-2024.docx');
  });
});

describe('Phản hồi and outliers', () => {
  it('needs a compile; then downloads one .zip: a Phiếu phản hồi for the unit with an error, none for the clean one', async () => {
    await expect(actions.exportFeedback(null)).rejects.toThrow(/bấm Tổng hợp/);
    const withError = { ...COMMUNES[1], figures: { ...COMMUNES[1].figures!, B2: -3 } };
    install([commune(COMMUNES[0]), commune(withError)]);
    const o = await actions.compileWorkbook();
    const bad = o.result.findings.find((f) => f.severity === 'error' && /Thượng Quảng/.test(f.unit))!;
    expect(bad).toBeDefined();
    const letters = (await actions.exportFeedback(o))!;
    expect(letters.fileName).toBe('Phan-hoi Năm 2020.zip');
    const zip = await JSZip.loadAsync(letters.bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([...letters.names].sort());
    expect(names).toContain('Phan-hoi X002 xã Thượng Quảng.docx');
    expect(names).not.toContain('Phan-hoi X001 xã Hương Lộc.docx');
    const docx = await JSZip.loadAsync(await zip.file('Phan-hoi X002 xã Thượng Quảng.docx')!.async('uint8array'));
    const text = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân xã Thượng Quảng.');
    expect(text).toContain(bad.cell);
  });

  it('Tổng hợp with Kỳ trước warns of a figure ten times below the same unit\'s last report, quoting both', async () => {
    install(COMMUNES.map(commune));
    const { bytes } = await previousWorkbook(COMMUNES.map(commune), 10);
    const pick = await actions.readPreviousFile({ name: 'tong-hop-2019.xlsx', bytes: new Uint8Array(bytes) });
    const o = await actions.compileWorkbook(pick);
    const outliers = o.result.findings.filter((f) => f.rule === 'figure.outlier');
    expect(outliers.some((f) => /Hương Lộc/.test(f.unit) && f.message.startsWith('A1 = 20, kỳ trước 200'))).toBe(true);
    // Listed on the Kiểm tra sheet the compile wrote.
    const findingsSheet = o.written.map((n) => fake.sheet(n)!).find((s) => s.values.some((r) => r.some((v) => typeof v === 'string' && v.includes('A1 = 20, kỳ trước 200'))));
    expect(findingsSheet).toBeDefined();
    // Without it: none.
    expect((await actions.compileWorkbook()).result.findings.filter((f) => f.rule === 'figure.outlier')).toEqual([]);
  });
});
});
