/**
 * The compile as the pane runs it off the main thread (src/taskpane/compile-job.ts,
 * compile-worker.ts, compile-client.ts), in Node: the same result as the core
 * gives, plain data that crosses to a worker and back unchanged, the units
 * counted, and the same result on the main thread when the worker fails.
 * The browser side (a real Worker, the page kept answering) is
 * test/e2e/compile-worker.e2e.test.ts.
 */
import type { SheetGrid } from '../../src/core/grid';
import { compileGrids } from '../../src/core/compile';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { readWorkbook } from '../../src/xlsx/read';
import { runCompileJob, type CompileJob, type CompileJobResult } from '../../src/taskpane/compile-job';
import { runCompile, setWorkerStart, type FromWorker, type ToWorker } from '../../src/taskpane/compile-client';
import { serveCompileJobs } from '../../src/taskpane/compile-worker';
import { BusyStore, SAY_EVERY_MS, progressText } from '../../src/taskpane/busy-store';
import { inSteps } from '../../src/taskpane/picked-files';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { gridXlsx } from '../helpers/xlsx-files';

const unit = (i: number): SheetGrid =>
  ({ ...makeUnitGrid(sampleSpec({ unit: `UBND xã Số ${i}`, unitCode: `X${String(i).padStart(3, '0')}`, figures: { ...sampleSpec().figures, A1: i } })), sheet: `Xã ${i}` });

const UNITS = Array.from({ length: 12 }, (_, i) => unit(i + 1));
/** The workbook after a first Tổng hợp: the unit sheets and the compiler's own output sheets beside them. */
const compiledOnce = (): SheetGrid[] => [...UNITS, ...layoutOutputs(compileGrids(UNITS, { openWorkbook: true }), { taken: UNITS.map((g) => g.sheet) }).map((s) => outputSheetToGrid(s))];

const reader = async () => readWorkbook;

describe('the compile job', () => {
  it('gives what the core gives: the same result and output sheets, replacing the earlier output', async () => {
    const grids = compiledOnce();
    const names = grids.map((g) => g.sheet);
    const out = await runCompileJob({ grids, options: { openWorkbook: true }, names }, { readWorkbook: reader });
    const core = compileGrids(grids, { openWorkbook: true });
    expect(out.result).toEqual(core);
    expect(out.own.length).toBeGreaterThan(0);
    expect(names.filter((n) => out.own.includes(n.toLowerCase()))).toEqual(names.slice(UNITS.length));
    expect(out.sheets).toEqual(layoutOutputs(core, { taken: UNITS.map((g) => g.sheet) }));
  });

  it('is plain data: structured-cloned to a worker and back, it is the same (no Map, Set or class instance lost)', async () => {
    const grids = compiledOnce();
    const job: CompileJob = { grids, options: { openWorkbook: true }, names: grids.map((g) => g.sheet) };
    expect(structuredClone(job)).toStrictEqual(job);
    const out = await runCompileJob(job, { readWorkbook: reader });
    expect(out.result.findings.length).toBeGreaterThan(0);
    expect(structuredClone(out)).toStrictEqual(out);
  });

  it('counts the unit sheets read, not the plan nor the earlier output, up to all of them', async () => {
    const seen: string[] = [];
    await runCompileJob({ grids: compiledOnce(), options: { openWorkbook: true } }, { readWorkbook: reader, progress: (d, t, what) => seen.push(`${d}/${t} ${what}`) });
    expect(seen).toEqual(UNITS.map((_g, i) => `${i + 1}/${UNITS.length} đơn vị`));
  });

  it('lays nothing out for Kiểm tra (no names) nor when nothing was read', async () => {
    expect((await runCompileJob({ grids: UNITS }, { readWorkbook: reader })).sheets).toEqual([]);
    expect((await runCompileJob({ grids: [], names: [] }, { readWorkbook: reader })).sheets).toEqual([]);
  });

  it('reads picked files, says the ones it cannot read, and counts them', async () => {
    const seen: string[] = [];
    const files = [...UNITS.slice(0, 3).map((g, i) => ({ name: `xa-${i + 1}.xlsx`, bytes: gridXlsx(g) })), { name: 'so-lieu.csv', bytes: new Uint8Array(3) }];
    const out = await runCompileJob({ files, names: [] }, { readWorkbook: reader, progress: (d, t, what) => seen.push(`${d}/${t} ${what}`) });
    expect(out.result.reports.filter((r) => r.counted)).toHaveLength(3);
    expect(out.problems.map((p) => [p.rule, p.file])).toEqual([['file.not-xlsx', 'so-lieu.csv']]);
    expect(out.sheets.length).toBeGreaterThan(0);
    expect(seen).toEqual(['0/4 tệp', '1/4 tệp', '2/4 tệp', '3/4 tệp', '4/4 tệp']);
  });
});

/**
 * A worker in the same process: what the page posts is structured-cloned to
 * serveCompileJobs (compile-worker.ts) and its answers back, one event loop
 * turn later each, as between threads.
 */
function inProcessWorker(): { worker: Worker; posted: FromWorker[] } {
  const page = new EventTarget();
  const inside = new EventTarget();
  const posted: FromWorker[] = [];
  serveCompileJobs({
    postMessage: (m) => {
      posted.push(m);
      setTimeout(() => page.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) })), 0);
    },
    addEventListener: (type, listener) => inside.addEventListener(type, listener as EventListener),
  });
  const worker = Object.assign(page, {
    postMessage: (m: ToWorker) => setTimeout(() => inside.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) })), 0),
    terminate: () => undefined,
  });
  return { worker: worker as unknown as Worker, posted };
}

/** A worker whose script never loads (a 404, a refused Blob URL): an `error` event and nothing else. */
function brokenWorker(): Worker {
  const w = new EventTarget();
  return Object.assign(w, {
    postMessage: () => setTimeout(() => w.dispatchEvent(new Event('error', { cancelable: true })), 0),
    terminate: () => undefined,
  }) as unknown as Worker;
}

describe('the compile client', () => {
  afterEach(() => setWorkerStart(null));
  const job = (): CompileJob => ({ grids: UNITS, options: { openWorkbook: true }, names: UNITS.map((g) => g.sheet) });
  const noReader = () => Promise.reject(new Error('the worker reads, not the page'));

  it('runs the job in the worker: progress, then the result, the same as on the main thread', async () => {
    const { worker, posted } = inProcessWorker();
    setWorkerStart(() => worker);
    const seen: number[] = [];
    const out = await runCompile(job(), noReader, (done) => seen.push(done));
    expect(posted.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
    expect(posted[posted.length - 1].type).toBe('done');
    expect(seen[seen.length - 1]).toBe(UNITS.length);
    const local = await runCompileJob(job(), { readWorkbook: reader });
    expect(out).toEqual(local);
  });

  it('says a failure of the compile itself, without running it again on the main thread', async () => {
    const { worker } = inProcessWorker();
    setWorkerStart(() => worker);
    // A job the core cannot take (a sheet that is no grid): its own error comes back, from the worker.
    await expect(runCompile({ grids: [null as unknown as SheetGrid] }, noReader)).rejects.toThrow();
    // The worker is kept: the next compile runs there.
    await expect(runCompile(job(), noReader)).resolves.toMatchObject({ own: [] });
  });

  it('falls back to the main thread when the worker does not start, still counting, with the same result', async () => {
    setWorkerStart(brokenWorker);
    const seen: number[] = [];
    const out: CompileJobResult = await runCompile(job(), reader, (done) => seen.push(done));
    expect(out).toEqual(await runCompileJob(job(), { readWorkbook: reader }));
    expect(seen[seen.length - 1]).toBe(UNITS.length);
  });

  it('falls back when the page cannot start a worker at all (a browser that refuses it)', async () => {
    setWorkerStart(() => {
      throw new Error('SecurityError');
    });
    const out = await runCompile(job(), reader);
    expect(out.result.reports.filter((r) => r.counted)).toHaveLength(UNITS.length);
  });
});

describe('the progress the pane shows and says', () => {
  it('moves in steps of 0.5 % on 1,000 units (the bar draws the latest once a frame), from the first to the last', () => {
    const seen: number[] = [];
    const step = inSteps((done) => seen.push(done));
    for (let i = 0; i <= 1000; i++) step(i, 1000, 'đơn vị');
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1000);
    expect(seen.length).toBe(201);
    expect(seen.slice(0, 3)).toEqual([0, 5, 10]);
  });

  it('reads «Đang tổng hợp: 412/1.000 đơn vị»', () => {
    expect(progressText({ label: 'Tổng hợp', done: 412, total: 1000, counted: 'đơn vị' })).toBe('Đang tổng hợp: 412/1.000 đơn vị');
    expect(progressText({ label: 'Tổng hợp từ tệp', done: 3, total: 140, counted: 'tệp' })).toBe('Đang tổng hợp từ tệp: 3/140 tệp');
    expect(progressText({ label: 'Tổng hợp' })).toBe('Đang tổng hợp…');
  });

  /** A store whose frames come when the test says (`draw()`), on the test's clock. */
  function storeAtFrames() {
    const clock = { now: 0 };
    let frame: (() => void) | null = null;
    const store = new BusyStore(
      () => clock.now,
      (f) => {
        frame = f;
        return () => (frame = null);
      },
    );
    const draw = () => {
      const f = frame;
      frame = null;
      f?.();
    };
    return { store, clock, draw };
  }

  it('says the count at once, then no oftener than every few seconds, while the bar follows every frame', async () => {
    const { store, clock, draw } = storeAtFrames();
    const shown: { done?: number; spoken?: string }[] = [];
    store.subscribeProgress((p) => shown.push({ done: p?.done, spoken: p?.spoken }));
    let finish!: () => void;
    const running = store.run('Tổng hợp', () => new Promise<void>((resolve) => (finish = resolve)));
    store.progress(1, 1000, 'đơn vị');
    draw();
    clock.now += 1000;
    store.progress(200, 1000, 'đơn vị');
    draw();
    clock.now += SAY_EVERY_MS;
    store.progress(412, 1000, 'đơn vị');
    draw();
    expect(shown.slice(1)).toEqual([
      { done: 1, spoken: 'Đang tổng hợp: 1/1.000 đơn vị' },
      { done: 200, spoken: 'Đang tổng hợp: 1/1.000 đơn vị' },
      { done: 412, spoken: 'Đang tổng hợp: 412/1.000 đơn vị' },
    ]);
    finish();
    await running;
    expect(store.get()).toEqual({ busy: false, label: '' });
    expect(store.getProgress()).toBeNull();
  });

  it('draws the latest count once a frame, and tells the pane only of the start and the end', async () => {
    const { store, draw } = storeAtFrames();
    const pane: boolean[] = [];
    const bar: (string | null)[] = [];
    store.subscribe((s) => pane.push(s.busy));
    store.subscribeProgress((p) => bar.push(p && progressText(p)));
    let finish!: () => void;
    const running = store.run('Tổng hợp', () => new Promise<void>((resolve) => (finish = resolve)));
    const before = store.get();
    for (let done = 0; done <= 30; done += 5) store.progress(done, 1000, 'đơn vị');
    draw();
    for (let done = 35; done <= 60; done += 5) store.progress(done, 1000, 'đơn vị');
    draw();
    draw(); // a frame with no new count redraws nothing
    store.progress(65, 1000, 'đơn vị'); // heard after the last frame: the end comes first
    expect(store.get()).toBe(before);
    finish();
    await running;
    draw();
    expect(bar).toEqual(['Đang tổng hợp…', 'Đang tổng hợp: 30/1.000 đơn vị', 'Đang tổng hợp: 60/1.000 đơn vị', null]);
    expect(pane).toEqual([true, false]);
  });

});
