/**
 * Every button that changes the workbook, with Excel refusing one of its
 * requests part-way (GeneralException: the commands before the failing one
 * applied, dev/office-host RequestFailure) or as too large, at EVERY request
 * the button sends, on Microsoft's real client (web build): the workbook is
 * left as it was before, or as a run without failure leaves it, and the pane
 * says which (an error only when nothing was done).
 */
import type { RichApiHost } from '../../dev/office-host';
import { loadClient } from '../../dev/office-host';
import * as actions from '../../src/taskpane/actions';
import { reviewReport } from '../../src/taskpane/approval-actions';
import { APPROVED, RETURNED } from '../../src/core/approval';
import { COMMUNES, commune } from '../e2e/three-communes';
import { setup } from './helpers';
import { gridXlsx } from '../helpers/xlsx-files';

/** Everything a user could see of the workbook: sheets in order, cells with their formats, charts, protection… (not the ids Excel gives). */
function workbookState(host: RichApiHost): string {
  const sheets = host.state.sheets.map((s) => {
    const cells = [...s.cells.entries()].filter(([, c]) => c.value !== '' || c.formula || c.hyperlink || Object.keys(c.format ?? {}).length || (c.numberFormat && c.numberFormat !== 'General'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const { id: _id, ...shown } = host.office.sheets().find((x) => x.name === s.name)!;
    return { ...shown, charts: shown.charts.map(({ name: _n, ...c }) => c), cells };
  });
  return JSON.stringify(sheets, sortedKeys);
}

/** JSON.stringify replacer: objects with their keys in order, so that the order properties were set in does not count. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const VIETNAMESE = /[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳýỵỷỹđ]/;

/** What differs between two workbookState()s, short enough to read in a failed test: sheet names and the parts that differ. */
function differences(a: string, b: string): string[] {
  if (a === b) return [];
  const sa = JSON.parse(a) as Record<string, unknown>[];
  const sb = JSON.parse(b) as Record<string, unknown>[];
  const names = (s: Record<string, unknown>[]) => s.map((x) => `${String(x.name)} (${String(x.visibility)})`).join(', ');
  if (names(sa) !== names(sb)) return [`sheets: ${names(sa)} ≠ ${names(sb)}`];
  const short = (v: unknown) => (JSON.stringify(v) ?? '').slice(0, 300);
  return sa.flatMap((x, i) => Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(sb[i][k]))
    .map((k) => {
      if (k !== 'cells') return `${String(x.name)}: ${k} ${short(x[k])} ≠ ${short(sb[i][k])}`;
      const ca = new Map(x.cells as [number, unknown][]);
      const cb = new Map(sb[i].cells as [number, unknown][]);
      const at = [...new Set([...ca.keys(), ...cb.keys()])].find((c) => JSON.stringify(ca.get(c)) !== JSON.stringify(cb.get(c)));
      return `${String(x.name)}: cell ${at} ${short(ca.get(at!))} ≠ ${short(cb.get(at!))}`;
    }));
}

interface Outcome {
  ok: boolean;
  message?: string;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return { ok: true };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/**
 * Runs `act` on a fresh workbook from `make` once without failure (counting its requests), then once
 * per request with that request refused with `code`: each time the workbook is as before (and the pane
 * says it failed) or as the clean run left it (and the pane says it succeeded).
 */
async function everyRequestRefused(make: () => RichApiHost | Promise<RichApiHost>, act: () => Promise<unknown>, code = 'GeneralException'): Promise<{ requests: number; failed: number[]; completed: number[] }> {
  const clean = await make();
  const before = workbookState(clean);
  clean.resetStats();
  expect(await outcomeOf(act)).toEqual({ ok: true });
  const after = workbookState(clean);
  expect(after).not.toBe(before);
  const requests = clean.stats.perSync.length;
  const failed: number[] = [];
  const completed: number[] = [];
  for (let i = 0; i < requests; i++) {
    const host = await make();
    expect(workbookState(host)).toBe(before);
    host.resetStats();
    host.failRequest({ request: i, code });
    const o = await outcomeOf(act);
    const now = workbookState(host);
    if (o.ok) {
      expect({ request: i, ok: true, differs: differences(now, after) }).toEqual({ request: i, ok: true, differs: [] });
      completed.push(i);
    } else {
      expect({ request: i, message: o.message, differs: differences(now, before) })
        .toEqual({ request: i, message: expect.stringMatching(VIETNAMESE), differs: [] });
      failed.push(i);
    }
  }
  return { requests, failed, completed };
}

beforeAll(() => {
  loadClient('web');
  // One clock for every run (the approval records carry the time); timers stay real for the client.
  jest.useFakeTimers({ now: new Date('2025-03-03T09:00:00'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
});
afterAll(() => jest.useRealTimers());

const communes = () => setup(COMMUNES.map(commune));
/** The communes, compiled once: the next Tổng hợp replaces its own earlier output. */
const compiled = async () => {
  const h = setup(COMMUNES.slice(0, 2).map(commune));
  await actions.compileWorkbook();
  h.loadGrids([commune(COMMUNES[2])]);
  return h;
};
const form: actions.TemplateForm = { unit: 'UBND xã Hồng Thủy', level: 'Xã', parent: 'UBND huyện A Lưới', period: 'Quý I', year: 2025 };
const sheetOf = (i: number) => ({ unit: String(COMMUNES[i].unit), unitCode: String(COMMUNES[i].unitCode), sheet: commune(COMMUNES[i]).sheet });

describe.each(['GeneralException', 'RequestPayloadSizeLimitExceeded'])('a request refused with %s, at every request', (code) => {
  it('Tổng hợp, first run', async () => {
    await everyRequestRefused(communes, () => actions.compileWorkbook(), code);
  });

  it('Tổng hợp over its own earlier output', async () => {
    await everyRequestRefused(compiled, () => actions.compileWorkbook(), code);
  });

  it('Tô màu', async () => {
    const bad = () => setup([commune(COMMUNES[0]), commune({ ...COMMUNES[1], figures: { A1: 3, D5: 9 } })]);
    const findings = async () => (await actions.checkWorkbook()).result.findings;
    let f: Awaited<ReturnType<typeof findings>> = [];
    await everyRequestRefused(async () => {
      const h = bad();
      f = await findings();
      return h;
    }, () => actions.highlight(f), code);
  });

  it('Duyệt, the first (the record sheet made)', async () => {
    await everyRequestRefused(communes, () => reviewReport(sheetOf(0), APPROVED), code);
  });

  it('Duyệt, a later one', async () => {
    await everyRequestRefused(async () => {
      const h = communes();
      await reviewReport(sheetOf(1), APPROVED);
      return h;
    }, () => reviewReport(sheetOf(0), APPROVED), code);
  });

  it('Trả lại an approved report', async () => {
    await everyRequestRefused(async () => {
      const h = communes();
      await reviewReport(sheetOf(0), APPROVED);
      return h;
    }, () => reviewReport(sheetOf(0), RETURNED, 'Thiếu số liệu quý'), code);
  });

  it('Tạo mẫu', async () => {
    await everyRequestRefused(communes, () => actions.createTemplate(form), code);
  });

  it('Nhập báo cáo', async () => {
    const files = [1, 2].map((i) => ({ name: `xa-${i}.xlsx`, bytes: gridXlsx(commune(COMMUNES[i])) }));
    await everyRequestRefused(() => setup([commune(COMMUNES[0])]), () => actions.importReports(files), code);
  });
});

/**
 * Excel refusing every request from one on (the web client offline for a
 * while): the action says it failed, the unit sheets are as they were, and
 * any sheet it could not take away again is named in what the pane says.
 */
async function lastingFailureFrom(make: () => RichApiHost | Promise<RichApiHost>, act: () => Promise<unknown>, units: string[]): Promise<void> {
  const clean = await make();
  clean.resetStats();
  await act();
  const requests = clean.stats.perSync.length;
  for (let i = 0; i < requests; i++) {
    const host = await make();
    const before = new Map(host.sheets().map((s) => [s.name, JSON.stringify(s.values)]));
    host.resetStats();
    host.failRequest({ request: i, code: 'GeneralException', lasting: true });
    const o = await outcomeOf(act);
    const unitsNow = units.map((u) => JSON.stringify(host.sheet(u)?.values));
    expect(unitsNow).toEqual(units.map((u) => before.get(u)));
    const unnamed = host.sheetNames().filter((n) => !before.has(n) && !(o.message ?? '').includes(`«${n}»`));
    if (o.ok) continue; // the work was in place before Excel stopped answering (showing it, the clean-up)
    expect({ request: i, message: o.message, unnamed }).toEqual({ request: i, message: expect.stringMatching(VIETNAMESE), unnamed: [] });
  }
}

describe('Excel refusing every request from one on', () => {
  const units = COMMUNES.map((c) => commune(c).sheet);

  it('Tổng hợp: the unit sheets untouched; a temporary sheet left is named', async () => {
    await lastingFailureFrom(communes, () => actions.compileWorkbook(), units);
  });

  it('Tổng hợp over its own earlier output: the same', async () => {
    await lastingFailureFrom(compiled, () => actions.compileWorkbook(), units);
  });

  it('Tạo mẫu: the same', async () => {
    await lastingFailureFrom(communes, () => actions.createTemplate(form), units);
  });

  it('Nhập báo cáo: the sheets there before untouched; what may have come in is said (the files named, or the sheets)', async () => {
    const files = [1, 2].map((i) => ({ name: `xa-${i}.xlsx`, bytes: gridXlsx(commune(COMMUNES[i])) }));
    const make = () => setup([commune(COMMUNES[0])]);
    const clean = make();
    clean.resetStats();
    await actions.importReports(files);
    for (let i = 0; i < clean.stats.perSync.length; i++) {
      const host = make();
      const before = host.sheets().map((s) => ({ name: s.name, values: s.values }));
      host.resetStats();
      host.failRequest({ request: i, code: 'GeneralException', lasting: true });
      const o = await outcomeOf(() => actions.importReports(files));
      const now = host.sheets();
      expect(now.slice(0, before.length).map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
      if (o.ok || now.length === before.length) continue;
      const cameIn = now.slice(before.length).map((s) => s.name);
      const said = cameIn.every((n) => o.message!.includes(`«${n}»`)) || /«xa-1\.xlsx»|«xa-2\.xlsx»/.test(o.message!);
      expect({ request: i, message: o.message, said }).toEqual({ request: i, message: expect.stringMatching(VIETNAMESE), said: true });
    }
  });
});

describe('the host refuses what Excel refuses (so that the tests above can see it)', () => {
  it('deleting a very hidden sheet: InvalidOperation, the sheet stays; hidden first, it goes', async () => {
    const host = setup([commune(COMMUNES[0])]);
    host.addSheet('Kho', [['x']]);
    host.state.find('Kho')!.visibility = 'VeryHidden';
    const refused = await outcomeOf(() => host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Kho').delete();
      await ctx.sync();
    }));
    expect(refused.ok).toBe(false);
    expect(host.sheetNames()).toContain('Kho');
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Kho');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(host.sheetNames()).not.toContain('Kho');
  });

  it('a GeneralException part-way: the commands before the failing one stay applied, the later ones never run', async () => {
    const host = setup([commune(COMMUNES[0])]);
    host.resetStats();
    host.failRequest({ request: 0, code: 'GeneralException' });
    const o = await outcomeOf(() => host.run(async (ctx) => {
      for (let i = 1; i <= 6; i++) ctx.workbook.worksheets.add(`Trang ${i}`);
      await ctx.sync();
    }));
    expect(o.ok).toBe(false);
    const added = host.sheetNames().filter((n) => n.startsWith('Trang '));
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(6);
    expect(added).toEqual(['Trang 1', 'Trang 2', 'Trang 3', 'Trang 4', 'Trang 5', 'Trang 6'].slice(0, added.length));
  });
});
