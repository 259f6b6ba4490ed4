/**
 * Xuất báo cáo reaches Mac users: in Excel for Mac the pane opens save.html
 * in the user's browser with the file in the fragment (Microsoft's advice
 * for the WKWebView, https://github.com/OfficeDev/office-js/issues/3662), and that page gives the
 * same bytes to the browser as a download under the same name.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { DOCX_MIME, downloadBytes, saveUrl } from '../../src/taskpane/download';

const SAVE_HTML = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'save.html'), 'utf8');
const saveScript = /<script id="save-from-fragment">([\s\S]*?)<\/script>/.exec(SAVE_HTML)![1];
const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256)); // more than one btoa chunk

/** Runs save.html's script at `url`; returns what it handed to the browser. */
function openSavePage(url: string) {
  const el = () => ({ textContent: '', href: '', download: '', style: { display: '' }, clicked: 0, click() { this.clicked++; } });
  const status = el();
  const link = el();
  const blobs: { parts: Uint8Array[]; type: string }[] = [];
  vm.runInNewContext(saveScript, {
    location: { hash: new URL(url).hash },
    document: { getElementById: (id: string) => (id === 'status' ? status : id === 'save' ? link : null) },
    atob: (s: string) => Buffer.from(s, 'base64').toString('latin1'),
    Uint8Array,
    Blob: function Blob(this: unknown, parts: Uint8Array[], o: { type: string }) { blobs.push({ parts, type: o.type }); },
    URL: { createObjectURL: () => 'blob:save' },
  });
  return { status, link, blobs };
}

describe('Xuất báo cáo on Excel for Mac', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
  });

  it('opens save.html in the browser with the file, and that page downloads the same bytes under the same name', () => {
    const opened: string[] = [];
    (globalThis as Record<string, unknown>).Office = {
      PlatformType: { Mac: 'Mac', PC: 'PC', OfficeOnline: 'OfficeOnline' },
      context: {
        platform: 'Mac',
        requirements: { isSetSupported: (name: string) => name === 'OpenBrowserWindowApi' },
        ui: { openBrowserWindow: (url: string) => opened.push(url) },
      },
    };
    Object.defineProperty(globalThis, 'location', { value: { href: 'https://cchc.example.vn/taskpane.html' }, configurable: true });
    try {
      expect(downloadBytes('Bao-cao-CCHC-Quy-I-2025.docx', bytes)).toBe('browser');
    } finally {
      delete (globalThis as Record<string, unknown>).location;
    }
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith('https://cchc.example.vn/save.html#')).toBe(true);
    const page = openSavePage(opened[0]);
    expect(page.link.download).toBe('Bao-cao-CCHC-Quy-I-2025.docx');
    expect(page.link.clicked).toBe(1);
    expect(page.blobs[0].type).toBe(DOCX_MIME);
    expect(Buffer.from(page.blobs[0].parts[0])).toEqual(Buffer.from(bytes));
    expect(page.status.textContent).toContain('Bao-cao-CCHC-Quy-I-2025.docx');
  });

  it('keeps a Vietnamese file name intact', () => {
    const page = openSavePage(saveUrl('Báo cáo Quý I.docx', bytes.subarray(0, 10), DOCX_MIME, 'https://h.vn/taskpane.html'));
    expect(page.link.download).toBe('Báo cáo Quý I.docx');
  });

  it('without a file the page says what to do', () => {
    const page = openSavePage('https://h.vn/save.html');
    expect(page.status.textContent).toMatch(/Xuất báo cáo/);
    expect(page.link.clicked).toBe(0);
  });

  it('the save page script is ES5 (Safari of any age runs it)', () => {
    expect(() => acorn.parse(saveScript, { ecmaVersion: 5 })).not.toThrow();
  });
});
