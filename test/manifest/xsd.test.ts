/**
 * The manifest against Microsoft's XSD schemas (../shared/spec/manifest-xsd
 * beside the repository, as CI clones it), with Debian's xmllint
 * (libxml2-utils, installed by .ci/run): the source manifest, and the one
 * the build writes for a production host. An invalid manifest is ignored
 * silently by Excel for Mac, so this is the only warning anyone gets.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const XSD = path.join(ROOT, '..', 'shared', 'spec', 'manifest-xsd', 'OfficeAppManifestV1_1.xsd');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as { rewriteManifest: (xml: string, host?: string) => string; checkAddinHost: (host: string) => string };
const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function validate(xml: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const file = path.join(dir, 'manifest.xml');
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.error) throw new Error(`xmllint không chạy được (cài gói Debian libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe("manifest.xml against Microsoft's XSD schemas", () => {
  it('the schemas are where CI puts them', () => {
    expect(fs.existsSync(XSD)).toBe(true);
  });

  it('the source manifest validates', () => {
    const r = validate(source);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it('the manifest the build writes for a production host validates', () => {
    const r = validate(webpackConfig.rewriteManifest(source, 'https://cchc.example.vn:8443'));
    expect(r.ok).toBe(true);
  });

  it('a manifest Office would refuse does not validate (the check can fail)', () => {
    const r = validate(source.replace(/<Id>[^<]*<\/Id>/, '<Id>không-phải-guid</Id>'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/Id/);
  });
});

describe('ADDIN_HOST', () => {
  it.each([
    ['http://cchc.example.vn', /phải dùng https/],
    ['https://cchc.example.vn/addin', /không có đường dẫn/],
    ['https://cchc.example.vn/?a=1', /không có đường dẫn/],
    ['cchc.example.vn', /không phải địa chỉ hợp lệ/],
  ])('refuses %s', (host, message) => {
    expect(() => webpackConfig.checkAddinHost(host)).toThrow(message);
    expect(() => webpackConfig.rewriteManifest(source, host)).toThrow(message);
  });

  it('accepts an https origin, with a port or a trailing slash', () => {
    expect(webpackConfig.checkAddinHost('https://cchc.example.vn/')).toBe('https://cchc.example.vn');
    expect(webpackConfig.checkAddinHost('https://cchc.example.vn:8443')).toBe('https://cchc.example.vn:8443');
  });

  it('the build refuses a wrong ADDIN_HOST before building anything', () => {
    const r = spawnSync(process.execPath, ['-e', "require('./webpack.config.js')({}, { mode: 'production' })"], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADDIN_HOST: 'http://cchc.example.vn' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/phải dùng https/);
  });
});
