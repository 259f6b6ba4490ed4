/**
 * Both readers read what Excel shows (fast-read.ts, read.ts): fixtures made
 * here from one of our examples by planting the XML other programs write —
 * relationships with a namespace prefix (Python's ElementTree), a value left
 * under a merged area (LibreOffice), a formula whose text result is empty
 * (`=IF(…;"";…)` as Excel saves it), a number cell holding `1,5`, a shared
 * string mixing a plain run and rich runs, an empty boolean cell. The fast
 * reader and SheetJS (the pane's import path) must give the same grids.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetGrid } from '../../src/core/grid';
import { readXlsxFast } from '../../src/xlsx/fast-read';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { EXAMPLES } from '../helpers/plant-xlsx';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

const SOURCE = fs.readFileSync(path.join(EXAMPLES, 'xa-huong-loc.xlsx'));
const NAME = 'xa-huong-loc.xlsx';

async function plant(edit: (parts: Map<string, string>) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SOURCE);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name).async('string'));
  edit(parts);
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Both readers; the fast one must not have handed the file over (null). */
function both(bytes: Buffer): { fast: SheetGrid[]; sheetjs: SheetGrid[] } {
  const fast = readXlsxFast(bytes, NAME);
  expect(fast).not.toBeNull();
  return { fast: fast!, sheetjs: readXlsxBuffer(bytes, NAME) };
}

const original = readXlsxBuffer(SOURCE, NAME);
const SHEET = 'xl/worksheets/sheet1.xml';
const cellAt = (g: SheetGrid, ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return g.cells[Number(m[2]) - 1 - g.originRow]?.[col - g.originCol] ?? null;
};
/** The first number cell of the sheet as our writer spells it: `<c r="D14" s="3"><v>20</v></c>`. */
const firstNumber = (xml: string) => /<c r="([A-Z]+)(\d+)"((?: s="\d+")?)><v>([\d.]+)<\/v><\/c>/.exec(xml)!;

describe('the readers read what Excel shows', () => {
  it('relationships written with a namespace prefix: the unit is read, by both readers, as without', async () => {
    const bytes = await plant((parts) => {
      for (const name of ['_rels/.rels', 'xl/_rels/workbook.xml.rels']) {
        parts.set(name, parts.get(name)!
          .replace('<Relationships xmlns=', '<ns0:Relationships xmlns:ns0=')
          .replace(/<Relationship /g, '<ns0:Relationship ').replace('</Relationships>', '</ns0:Relationships>'));
      }
    });
    const { fast, sheetjs } = both(bytes);
    expect(fast).toEqual(original);
    expect(sheetjs).toEqual(original);
  });

  it('a value under a merged area, not its top-left cell, is not read', async () => {
    let ref = '';
    const bytes = await plant((parts) => {
      let xml = parts.get(SHEET)!;
      const m = firstNumber(xml);
      const next = String.fromCharCode(m[1].charCodeAt(m[1].length - 1) + 1);
      ref = `${m[1]}${m[2]}`;
      xml = xml.replace(m[0], `${m[0]}<c r="${next}${m[2]}"><v>7</v></c>`);
      // The next cell must have been free for this test to mean anything.
      expect(original[0].cells[Number(m[2]) - 1 - original[0].originRow]?.[next.charCodeAt(0) - 65 - original[0].originCol] ?? null).toBeNull();
      const merge = `<mergeCell ref="${ref}:${next}${m[2]}"/>`;
      xml = xml.includes('<mergeCells') ? xml.replace(/<mergeCells count="(\d+)">/, (_t, n: string) => `<mergeCells count="${Number(n) + 1}">${merge}`)
        : xml.replace('</sheetData>', `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
      parts.set(SHEET, xml);
    });
    const { fast, sheetjs } = both(bytes);
    expect(fast).toEqual(original);
    expect(sheetjs).toEqual(original);
    expect(cellAt(fast[0], ref)).toEqual(cellAt(original[0], ref));
  });

  it('a formula whose text result is empty (<v></v> or <v/>) is an empty cell, not a formula never calculated', async () => {
    const bytes = await plant((parts) => {
      const xml = parts.get(SHEET)!;
      const m = firstNumber(xml);
      parts.set(SHEET, xml.replace(m[0],
        `${m[0]}<c r="Y${m[2]}" t="str"><f>IF(1=1,"","x")</f><v></v></c><c r="Z${m[2]}" t="str"><f>IF(1=1,"","x")</f><v/></c>`));
    });
    const { fast, sheetjs } = both(bytes);
    expect(fast).toEqual(original);
    expect(sheetjs).toEqual(original);
  });

  it('a number cell holding «1,5» is the error #VALUE! in both readers, never 1', async () => {
    let ref = '';
    const bytes = await plant((parts) => {
      const xml = parts.get(SHEET)!;
      const m = firstNumber(xml);
      ref = `${m[1]}${m[2]}`;
      parts.set(SHEET, xml.replace(m[0], `<c r="${ref}"${m[3]}><v>1,5</v></c>`));
    });
    const { fast, sheetjs } = both(bytes);
    expect(cellAt(fast[0], ref)).toEqual({ error: '#VALUE!' });
    expect(sheetjs).toEqual(fast);
  });

  it('a shared string mixing a plain run and rich runs, and an empty boolean cell, read the same by both', async () => {
    const bytes = await plant((parts) => {
      const sst = parts.get('xl/sharedStrings.xml')!;
      const si = /<si><t(?: xml:space="preserve")?>([^<]+)<\/t><\/si>/.exec(sst)!;
      parts.set('xl/sharedStrings.xml', sst.replace(si[0], '<si><t xml:space="preserve">Hương </t><r><rPr><b/></rPr><t>Lộc</t></r><r><t> mới</t></r></si>'));
      const xml = parts.get(SHEET)!;
      const m = firstNumber(xml);
      parts.set(SHEET, xml.replace(m[0], `${m[0]}<c r="Y${m[2]}" t="b"/><c r="Z${m[2]}" t="b"><v></v></c>`));
    });
    const { fast, sheetjs } = both(bytes);
    expect(sheetjs).toEqual(fast);
    expect(fast.flatMap((g) => g.cells.flat()).filter((v) => v === 'Hương Lộc mới')).not.toHaveLength(0);
    expect(fast.flatMap((g) => g.cells.flat()).filter((v) => typeof v === 'boolean')).toEqual([]);
  });
});
