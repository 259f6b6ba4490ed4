/**
 * manifest.xml checked against the rules of Microsoft's add-in manifest
 * schema 1.1 (TaskPaneApp) and VersionOverrides 1.0, since the XSD itself is
 * not available offline: an invalid manifest is ignored silently by Excel
 * on Mac and refused by the Office store, so these are worth a test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { child, childrenNamed, localName, parseXml, walk, XmlElement } from './mini-xml';

const ROOT = path.join(__dirname, '..', '..');
const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(source);

/** Top-level elements of a TaskPaneApp, in the order the schema's sequence fixes. */
const SCHEMA_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'AllowSnapshot', 'Dictionary', 'ExtendedOverrides', 'VersionOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

const valueOf = (name: string): string => {
  const el = child(manifest, name);
  if (!el) throw new Error(`thiếu <${name}>`);
  return el.attrs.DefaultValue ?? el.text.trim();
};

const resources = (kind: string): XmlElement[] => {
  const vo = child(manifest, 'VersionOverrides')!;
  const res = child(vo, 'Resources')!;
  return child(res, kind)?.children ?? [];
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** `https://localhost:3000/assets/icon-32.png` → the file in this repository. */
const localFile = (url: string): string => path.join(ROOT, new URL(url).pathname);

describe('the little XML parser refuses what is not well-formed', () => {
  it.each([
    ['<a><b></a></b>'],
    ['<a x=1/>'],
    ['<a x="1" x="2"/>'],
    ['<a>&nbsp;</a>'],
    ['<a>'],
    ['<a/><b/>'],
    ['<a>Tom & Jerry</a>'],
  ])('%s', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  it('reads attributes, entities and nesting', () => {
    const el = parseXml('<?xml version="1.0"?><!-- c --><a k="x &amp; y"><b:c>t&#xE0;</b:c></a>');
    expect(el.attrs.k).toBe('x & y');
    expect(localName(el.children[0])).toBe('c');
    expect(el.children[0].text).toBe('tà');
  });
});

describe('manifest.xml', () => {
  it('is an add-in only manifest of schema 1.1 for a task pane', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
  });

  it('has its top-level elements in schema order, the required ones present, none unknown or repeated', () => {
    const names = manifest.children.map(localName);
    for (const n of names) expect(SCHEMA_ORDER).toContain(n);
    expect(new Set(names).size).toBe(names.length);
    const positions = names.map((n) => SCHEMA_ORDER.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const r of REQUIRED) expect(names).toContain(r);
  });

  it('has a GUID id, a four-part version and the Vietnamese locale and names', () => {
    expect(valueOf('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(valueOf('Version')).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(valueOf('DefaultLocale')).toBe('vi-VN');
    expect(valueOf('DisplayName')).toBe('Tổng hợp CCHC');
    expect(valueOf('DisplayName').length).toBeLessThanOrEqual(125);
    expect(valueOf('ProviderName').length).toBeGreaterThan(0);
    const description = valueOf('Description');
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description).toMatch(/báo cáo/);
  });

  it('asks for Excel workbooks, read/write access, and the ExcelApi version the Excel layer needs', () => {
    const hosts = childrenNamed(child(manifest, 'Hosts')!, 'Host');
    expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(valueOf('Permissions')).toBe('ReadWriteDocument');
    const sets = child(child(manifest, 'Requirements')!, 'Sets')!;
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    const excelApi = childrenNamed(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
    expect(excelApi).toBeDefined();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MANIFEST_EXCEL_API } = require('../../src/excel/api-sets') as { MANIFEST_EXCEL_API: string | number };
    expect(excelApi!.attrs.MinVersion).toBe(String(MANIFEST_EXCEL_API));
  });

  it('uses HTTPS for every URL and lists the add-in host among the app domains', () => {
    const urls: string[] = [];
    for (const el of walk(manifest)) {
      const n = localName(el);
      if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(n) && el.attrs.DefaultValue) urls.push(el.attrs.DefaultValue);
      if ((n === 'Url' || n === 'Image') && el.attrs.DefaultValue) urls.push(el.attrs.DefaultValue);
      if (n === 'AppDomain') urls.push(el.text.trim());
    }
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(new URL(u).protocol).toBe('https:');
    const domains = childrenNamed(child(manifest, 'AppDomains')!, 'AppDomain').map((d) => d.text.trim());
    expect(domains).toContain(new URL(valueOf('SupportUrl')).origin);
  });

  it('opens the task pane page, and the ribbon button opens the same page', () => {
    const start = child(child(manifest, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue;
    expect(start).toBe('https://localhost:3000/taskpane.html');
    const action = [...walk(manifest)].find((e) => localName(e) === 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const resid = child(action, 'SourceLocation')!.attrs.resid;
    const url = resources('Urls').find((u) => u.attrs.id === resid)!;
    expect(url.attrs.DefaultValue).toBe(start);
  });

  it('icons are real PNGs of the sizes the manifest claims (32/64 for the add-in, 16/32/80 for the ribbon)', () => {
    expect(pngSize(localFile(valueOf('IconUrl')))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(valueOf('HighResolutionIconUrl')))).toEqual({ width: 64, height: 64 });
    const images = new Map(resources('Images').map((i) => [i.attrs.id, i.attrs.DefaultValue]));
    const sizes = new Set<string>();
    for (const el of walk(manifest)) {
      if (localName(el) !== 'Image' || !el.attrs.size) continue;
      const url = images.get(el.attrs.resid);
      expect(url).toBeDefined();
      const n = Number(el.attrs.size);
      expect(pngSize(localFile(url!))).toEqual({ width: n, height: n });
      sizes.add(el.attrs.size);
    }
    expect([...sizes].sort()).toEqual(['16', '32', '80']);
  });

  it('puts a "Tổng hợp" button in a group of the Home tab', () => {
    const vo = child(manifest, 'VersionOverrides')!;
    expect(vo.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = child(child(vo, 'Hosts')!, 'Host')!;
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const tab = [...walk(vo)].find((e) => localName(e) === 'OfficeTab')!;
    expect(tab.attrs.id).toBe('TabHome');
    const control = [...walk(tab)].find((e) => localName(e) === 'Control')!;
    expect(control.attrs['xsi:type']).toBe('Button');
    const label = resources('ShortStrings').find((s) => s.attrs.id === child(control, 'Label')!.attrs.resid)!;
    expect(label.attrs.DefaultValue).toBe('Tổng hợp');
  });

  it('keeps resource strings within the schema limits and every resid resolves to one resource', () => {
    const all = ['Images', 'Urls', 'ShortStrings', 'LongStrings'].flatMap(resources);
    const ids = all.map((r) => r.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    for (const s of resources('ShortStrings')) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const s of resources('LongStrings')) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    const referenced = [...walk(manifest)].filter((e) => e.attrs.resid).map((e) => e.attrs.resid);
    expect(referenced.length).toBeGreaterThan(10);
    for (const r of referenced) {
      expect(r.length).toBeLessThanOrEqual(32);
      expect(ids).toContain(r);
    }
    // Control and group ids must be unique in the manifest.
    const controlIds = [...walk(manifest)].filter((e) => ['Group', 'Control'].includes(localName(e))).map((e) => e.attrs.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it('webpack rewrites every localhost URL to the production host', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rewriteManifest } = require('../../webpack.config.js') as { rewriteManifest: (xml: string, host: string) => string };
    const out = rewriteManifest(source, 'https://cchc.example.vn');
    expect(out).not.toMatch(/localhost/);
    const rewritten = parseXml(out);
    expect(child(child(rewritten, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://cchc.example.vn/taskpane.html');
    expect(childrenNamed(child(rewritten, 'AppDomains')!, 'AppDomain')[0].text.trim()).toBe('https://cchc.example.vn');
  });
});
