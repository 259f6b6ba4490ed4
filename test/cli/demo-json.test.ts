/**
 * `npm run demo` kept honest: the example district compiled as
 * scripts/demo.js does gives exactly the JSON recorded in
 * test/fixtures/demo-result.json (figures, reports, findings and their
 * wording). The snapshot was taken from the demo before the writers and
 * rules were consolidated, and updated with the dossier codes D9, D10 and the
 * overdue rate; a change to it must be a deliberate change of behaviour.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

describe('the demo compile', () => {
  it('gives the recorded JSON, figure for figure and finding for finding', async () => {
    const tmp = tempDir('tonghop-demo-');
    try {
      const cap = captureIo();
      const json = path.join(tmp.dir, 'tong-hop.json');
      const code = await main(['compile', EXAMPLES, '--plan', path.join(EXAMPLES, 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'tong-hop.xlsx'), '--json', json], cap.io);
      expect(code).toBe(0);
      const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'demo-result.json'), 'utf8'));
      expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual(expected);
      expect(cap.out()).toContain('Báo cáo được tính: 17/17. Lỗi: 4. Cảnh báo: 12.');
    } finally {
      tmp.cleanup();
    }
  });
});
