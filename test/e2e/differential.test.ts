/**
 * Differential: one list of pane actions run on each build of Microsoft's
 * real Excel client (web, Windows, Mac) against the office-host, the
 * workbook captured after every step. The three must agree step by step,
 * and each step must leave what a user would check (the outputs there, the
 * unit sheets untouched, the colours on and off again).
 */
import type { SheetGrid } from '../../src/core/grid';
import { CLIENT_BUILDS, loadClient, unloadClient, type ClientBuild, type RichApiHost } from '../../dev/office-host';
import * as actions from '../../src/taskpane/actions';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { setup } from '../excel/helpers';
import { gridXlsx } from '../helpers/xlsx-files';

const communes: SheetGrid[] = [
  makeUnitGrid(sampleSpec({ unit: 'UBND xã Hương Lộc', unitCode: 'X001' })),
  makeUnitGrid(sampleSpec({ unit: 'UBND xã Thượng Quảng', unitCode: 'X002', figures: { ...sampleSpec().figures, D5: 9 } })),
];

/** What the workbook holds: every sheet's values, number formats, merges, protection, and the fill of every used cell. */
function capture(host: RichApiHost) {
  return host.sheets().map((s) => ({
    name: s.name,
    values: s.values,
    numberFormats: s.numberFormats,
    merges: [...s.merges].sort(),
    protected: s.protected,
    fills: s.values.map((row, r) => row.map((_, c) => host.state.find(s.name)!.cells.get(r * 16384 + c)?.format?.fill ?? null)),
  }));
}

type Step = { name: string; run: (ctx: { findings: actions.CompileOutcome | null; saved: actions.SavedFills }) => Promise<void> };

const STEPS: Step[] = [
  { name: 'Tổng hợp', run: async (s) => void (s.findings = await actions.compileWorkbook()) },
  { name: 'Kiểm tra', run: async (s) => void (s.findings = await actions.checkWorkbook()) },
  { name: 'Tô màu ô lỗi', run: async (s) => void (s.saved = (await actions.highlight(s.findings!.result.findings)).saved) },
  { name: 'Đi tới ô', run: async (s) => actions.goToFinding(s.findings!.result.findings.find((f) => f.cell)!) },
  { name: 'Xoá tô màu', run: async (s) => void (s.saved = await actions.clearHighlight(s.saved)) },
  { name: 'Tổng hợp lại', run: async (s) => void (s.findings = await actions.compileWorkbook()) },
  { name: 'Tạo mẫu', run: async () => void (await actions.createTemplate({ unit: 'UBND xã Hồng Thủy', level: 'Xã', parent: 'UBND huyện A Lưới', period: 'Quý I', year: 2025 })) },
  { name: 'Nhập báo cáo', run: async () => void (await actions.importReports([{ name: 'khe-tre.xlsx', bytes: gridXlsx(makeUnitGrid(sampleSpec({ unit: 'UBND thị trấn Khe Tre', unitCode: 'X003' }))) }])) },
];

async function runAll(build: ClientBuild) {
  loadClient(build);
  const host = setup(communes);
  const state: Parameters<Step['run']>[0] = { findings: null, saved: new Map() };
  const after: { step: string; workbook: ReturnType<typeof capture>; selection: ReturnType<RichApiHost['selection']> }[] = [];
  for (const step of STEPS) {
    await step.run(state);
    after.push({ step: step.name, workbook: capture(host), selection: host.selection() });
  }
  return { after, stats: host.stats };
}

describe('the same actions on the three builds of the real client', () => {
  const runs = new Map<ClientBuild, Awaited<ReturnType<typeof runAll>>>();
  beforeAll(async () => {
    for (const b of CLIENT_BUILDS) runs.set(b, await runAll(b));
    unloadClient();
  });

  it.each(STEPS.map((s, i) => [s.name, i] as const))('after %s the workbook is the same on web, win32 and mac', (_name, i) => {
    const web = runs.get('web')!.after[i];
    for (const b of CLIENT_BUILDS) expect(runs.get(b)!.after[i]).toEqual(web);
  });

  it('each step did what the user asked', () => {
    const steps = runs.get('web')!.after;
    const at = (name: string) => steps.find((s) => s.step === name)!;
    const unitNames = communes.map((g) => g.sheet);
    const units = (w: ReturnType<typeof capture>) => w.filter((s) => unitNames.includes(s.name)).map((s) => s.values);
    const compiled = at('Tổng hợp').workbook;
    expect(compiled.length).toBeGreaterThan(communes.length);
    // The unit sheets' values never change, whatever runs.
    for (const s of steps) expect(units(s.workbook)).toEqual(units(compiled));
    const coloured = (w: ReturnType<typeof capture>) => w.flatMap((s) => s.fills.flat()).filter((f) => f === '#F4A6C6' || f === '#FBE29F').length;
    expect(coloured(at('Tô màu ô lỗi').workbook)).toBeGreaterThan(0);
    expect(coloured(at('Xoá tô màu').workbook)).toBe(0);
    expect(at('Đi tới ô').selection.address).toBeTruthy();
    expect(at('Tổng hợp lại').workbook.map((s) => s.name).filter((n) => n !== '~to mau goc')).toEqual(compiled.map((s) => s.name));
    // The record of own fills (a very hidden sheet) came with the first colouring, and stays.
    expect(at('Tô màu ô lỗi').workbook.length).toBe(compiled.length + 1);
    expect(at('Tạo mẫu').workbook.length).toBe(compiled.length + 2);
    expect(at('Nhập báo cáo').workbook.some((s) => s.values.flat().includes('UBND thị trấn Khe Tre'))).toBe(true);
  });

  it('sends the same bytes from every build (the budget holds on each)', () => {
    const bytes = (b: ClientBuild) => runs.get(b)!.stats.perSync.map((r) => r.requestBytes);
    expect(bytes('win32')).toEqual(bytes('web'));
    expect(bytes('mac')).toEqual(bytes('web'));
  });
});
