/**
 * The browser harness: the real task pane on Microsoft's real Excel client
 * (excel-web-16.00.js from @microsoft/office-js, loaded by harness.html)
 * talking to the RichApi host of dev/office-host in this page, over an
 * in-memory workbook, beside a plain view of the workbook's sheets. The
 * client is connected BEFORE the pane mounts. Tests (and people) drive it
 * through `window.harness`.
 */
import { RichApiHost, connectClient, attachHost } from '../office-host/browser';
import { mountPane } from '../../src/taskpane/mount';
import { paneBusy } from '../../src/taskpane/busy-store';
import { renderWorkbook, type SheetView } from './workbook-view';
import { key, parseAddress } from '../fake-excel/state';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';

// ExcelApi 1.13: Nhập báo cáo can let Excel insert sheets from base64, as recent Excel does;
// `?excelApi=1.1` stands for an older Excel (Excel 2016 bought outright: test/app/excel-too-old.test.ts).
const apiVersion = new URLSearchParams(globalThis.location?.search ?? '').get('excelApi') ?? '1.13';
const fake = attachHost(new RichApiHost({ apiVersion })).loadGrids([]);
connectClient(globalThis, 'web');

type Selection = { sheet: string; address: string } | null;

/** Active sheet and selected address; A1 when the sheet is active but nothing was selected yet. */
function selectionNow(): Selection {
  const s = fake.selection();
  return s.sheet ? { sheet: s.sheet, address: s.address ?? 'A1' } : null;
}

export interface HarnessSnapshot {
  sheets: { name: string; values: unknown[][] }[];
  syncs: number;
  /** Most Excel.run batches that ran at once (the pane must keep this at 1). */
  maxConcurrentRuns: number;
  /** Active sheet and selected cell/range address (`D14`), as the stand-in holds them. */
  selection: { sheet: string; address: string } | null;
}

export interface Harness {
  /** Replaces the workbook with the sheets of these .xlsx files (base64), in order. */
  load(base64Files: string[]): Promise<void>;
  snapshot(): HarnessSnapshot;
  selection(): { sheet: string; address: string } | null;
  /** Resolves once the pane has no action running and React has painted the result. */
  whenIdle(): Promise<void>;
  /** The next sync fails with this Office error code (e.g. `GeneralException`), to see the pane's message. */
  failNextSync(code: string): void;
  /** One cell as the stand-in holds it (value, number format, fill…). */
  cell(sheet: string, address: string): ReturnType<typeof fake.cell>;
  /** Mounts the pane's error boundary around a component that throws, in a new box: what a user sees instead of a blank pane. */
  mountBrokenPane(message: string): HTMLElement;
  /** Names of the example files loaded at start. */
  examples: string[];
  /** A person editing a cell in Excel: the sheet unprotected first (Review › Unprotect Sheet), then the value typed. */
  editCell(sheet: string, address: string, value: string | number): void;
  /** The sheet is protected (Review › Protect Sheet). */
  isProtected(sheet: string): boolean;
}

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

let shownSheet: string | null = null;
let lastSyncs = -1;
let lastActive: string | null = null;

function sheetsNow(): SheetView[] {
  return fake.sheets().map((s) => {
    const cells = fake.state.find(s.name)?.cells;
    return {
      name: s.name,
      values: s.values,
      numberFormats: s.numberFormats,
      merges: s.merges,
      columnWidths: s.columnWidths,
      formatAt: (r: number, c: number) => cells?.get(key(r, c))?.format,
    };
  });
}

function refresh(force = false): void {
  const syncs = fake.stats.syncs;
  if (!force && syncs === lastSyncs) return;
  lastSyncs = syncs;
  const sel = selectionNow();
  // Follow the workbook's active sheet when the pane changes it (a finding clicked, a link opened).
  if (sel && sel.sheet !== lastActive) shownSheet = sel.sheet;
  lastActive = sel?.sheet ?? null;
  const sheets = sheetsNow();
  if (!shownSheet || !sheets.some((s) => s.name === shownSheet)) shownSheet = sel?.sheet ?? sheets[0]?.name ?? null;
  renderWorkbook(document.getElementById('grid')!, document.getElementById('tabs')!, sheets, shownSheet, sel, (name) => {
    shownSheet = name;
    refresh(true);
  });
  status(`${sheets.length} trang · ${syncs} lần đồng bộ`);
}

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function load(base64Files: string[]): Promise<void> {
  await paneBusy.whenIdle();
  fake.loadXlsx(base64Files);
  shownSheet = null;
  refresh(true);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function loadExamples(): Promise<string[]> {
  try {
    const res = await fetch('examples/index.json', { cache: 'no-store' });
    if (!res.ok) return [];
    const names = (await res.json()) as string[];
    const files = await Promise.all(
      names.map(async (n) => toBase64(new Uint8Array(await (await fetch(`examples/${encodeURIComponent(n)}`)).arrayBuffer()))),
    );
    if (files.length) await load(files);
    return names;
  } catch (e) {
    console.error('Không tải được các tệp ví dụ', e);
    return [];
  }
}

const harness: Harness = {
  load,
  snapshot: () => ({ sheets: sheetsNow().map(({ name, values }) => ({ name, values })), syncs: fake.stats.syncs, maxConcurrentRuns: fake.stats.maxConcurrentRuns, selection: selectionNow() }),
  selection: selectionNow,
  whenIdle: async () => {
    await paneBusy.whenIdle();
    await nextPaint();
    refresh();
  },
  cell: (sheet, address) => fake.cell(sheet, address),
  failNextSync: (code) => fake.injectFailure({ match: () => true, code }),
  mountBrokenPane: (message) => {
    const box = document.body.appendChild(document.createElement('div'));
    box.setAttribute('aria-label', 'Ngăn lỗi thử');
    const Broken = (): React.ReactElement => {
      throw new Error(message);
    };
    createRoot(box).render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </FluentProvider>,
    );
    return box;
  },
  examples: [],
  editCell: (sheet, address, value) => {
    const s = fake.state.find(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.protected = false;
    delete s.protectionPassword;
    const r = parseAddress(address);
    const k = key(r.r1, r.c1);
    s.cells.set(k, { ...(s.cells.get(k) ?? {}), value });
    refresh(true);
  },
  isProtected: (sheet) => !!fake.state.find(sheet)?.protected,
};
(globalThis as unknown as { harness: Harness }).harness = harness;

async function start(): Promise<void> {
  harness.examples = await loadExamples();
  refresh(true);
  if (!harness.examples.length) status('Sổ làm việc trống: chưa có tệp ví dụ trong examples/');
  mountPane(document.getElementById('pane')!);
  paneBusy.subscribe((s) => {
    if (!s.busy) refresh();
  });
  setInterval(() => refresh(), 500);
  const input = document.getElementById('load-files') as HTMLInputElement;
  input.addEventListener('change', async () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (!files.length) return;
    try {
      await load(await Promise.all(files.map(async (f) => toBase64(new Uint8Array(await f.arrayBuffer())))));
    } catch (e) {
      status(`Không mở được tệp: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  document.body.dataset.ready = 'true';
}

void start();
