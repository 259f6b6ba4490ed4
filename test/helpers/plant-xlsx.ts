/**
 * Real-producer fixtures built at test time: a copy of one of our example
 * files (examples/*.xlsx) with features that Excel 2007–365, old Mac Excel,
 * LibreOffice, WPS and xlsx libraries write planted into its XML.
 * Every feature keeps what Excel would show unchanged (same texts, same
 * numbers, same dates), so a planted file must compile to the same figures
 * as the example it came from. Nothing binary is committed.
 */
import * as fs from 'fs';
import * as path from 'path';

// exceljs depends on jszip; the planter only needs to unzip and zip again.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

export const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

export const FEATURES = [
  'sharedFormulas', 'richText', 'inlineStrings', 'xmlSpace', 'errorCells', 'noR', 'noDimension', 'date1904',
  'emptySstIndex', 'emptySi', 'hiddenSheet', 'chartSheet', 'dialogSheet', 'macroSheet', 'legacyRid',
  'strict', 'prefixed', 'nfd', 'row0', 'cdata', 'hugeRange',
] as const;
export type Feature = typeof FEATURES[number];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Cell { col: number; row: number; s?: string; kind: 'sst' | 'num' | 'stub'; v: number }
interface Sheet { path: string; head: string; tail: string; rows: Map<number, Cell[]>; rowAttrs: Map<number, string> }

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Our writer's sheet XML (src/xlsx/write.ts) → cells; only the shapes it writes are parsed. */
function parseSheet(p: string, xml: string): Sheet {
  const start = xml.indexOf('<sheetData>');
  const end = xml.indexOf('</sheetData>');
  const rows = new Map<number, Cell[]>();
  const rowAttrs = new Map<number, string>();
  for (const rm of xml.slice(start, end).matchAll(/<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row = Number(rm[1]) - 1;
    rowAttrs.set(row, rm[2]);
    const cells: Cell[] = [];
    for (const cm of (rm[3] ?? '').matchAll(/<c r="([A-Z]+)(\d+)"((?: s="\d+")?)((?: t="s")?)(?:\/>|><v>([^<]*)<\/v><\/c>)/g)) {
      const s = /\d+/.exec(cm[3])?.[0];
      cells.push({ col: colIndex(cm[1]), row, s, kind: cm[5] === undefined ? 'stub' : cm[4] ? 'sst' : 'num', v: Number(cm[5] ?? 0) });
    }
    rows.set(row, cells);
  }
  return { path: p, head: xml.slice(0, start), tail: xml.slice(end + '</sheetData>'.length), rows, rowAttrs };
}

/** The cell styles (cellXfs index) whose number format is a date. */
function dateStyles(stylesXml: string): Set<string> {
  const custom = new Map<string, string>();
  for (const m of stylesXml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)) custom.set(m[1], m[2]);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const out = new Set<string>();
  [...xfs.matchAll(/<xf\b[^>]*numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    const code = custom.get(m[1]) ?? '';
    if ((id >= 14 && id <= 22) || /[dy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) out.add(String(i));
  });
  return out;
}

/**
 * The example file named `source` (or .xlsx bytes written by src/xlsx/write.ts)
 * with `features` planted, as .xlsx bytes. `seed` picks which cells some
 * features touch (the property test varies it).
 */
export async function plantedWorkbook(source: string | Buffer, features: readonly Feature[], seed = 0): Promise<Buffer> {
  const zip = await JSZip.loadAsync(typeof source === 'string' ? fs.readFileSync(path.join(EXAMPLES, source)) : source);
  const has = new Set<Feature>(features);
  const text = async (p: string): Promise<string> => zip.file(p).async('string');
  let workbook = await text('xl/workbook.xml');
  let rels = await text('xl/_rels/workbook.xml.rels');
  let types = await text('[Content_Types].xml');
  const styles = await text('xl/styles.xml');
  const sstXml = await text('xl/sharedStrings.xml');
  const strings = [...sstXml.matchAll(/<si><t(?: xml:space="preserve")?>([\s\S]*?)<\/t><\/si>/g)].map((m) => m[1]);
  const sheetPaths = [...rels.matchAll(/Target="(worksheets\/[^"]+)"/g)].map((m) => `xl/${m[1]}`);
  const sheets = await Promise.all(sheetPaths.map(async (p) => parseSheet(p, await text(p))));
  const dates = dateStyles(styles);
  const pick = (i: number) => ((i * 7 + seed) % 3) === 0;

  // Shared strings: `<si/>` first shifts every index by one.
  const shift = has.has('emptySi') ? 1 : 0;
  const siXml = strings.map((raw, i) => {
    let t = raw;
    if (has.has('nfd')) t = t.normalize('NFD');
    const body = (s: string) => (has.has('cdata') && !s.includes(']]>') ? `<![CDATA[${s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')}]]>` : s);
    if (has.has('richText') && pick(i) && t.length > 3) {
      const cut = Math.floor(t.length / 2);
      const a = t.slice(0, cut).replace(/&[^;]*$/, ''); // never cut an entity in two
      const b = t.slice(a.length);
      return `<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${body(a)}</t></r><r><t xml:space="preserve">${body(b)}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`;
    }
    return `<si><t xml:space="preserve">${body(t)}</t></si>`;
  });
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length + shift}" uniqueCount="${strings.length + shift}">${shift ? '<si/>' : ''}${siXml.join('')}</sst>`);

  const date1904Shift = has.has('date1904') ? 1462 : 0;
  if (has.has('date1904')) workbook = workbook.replace('<bookViews>', '<workbookPr date1904="1"/><bookViews>');

  sheets.forEach((sheet, si) => {
    const lines: string[] = [];
    if (has.has('row0')) lines.push('<row r="0"><c r="A0"><v>99</v></c></row>');
    let shared = false;
    const rowNums = [...sheet.rows.keys()].sort((a, b) => a - b);
    let prevRow = -1;
    for (const r of rowNums) {
      const cells = sheet.rows.get(r)!;
      let prevCol = -1;
      const out: string[] = [];
      for (const c of cells) {
        const ref = has.has('noR') && c.col === prevCol + 1 ? '' : ` r="${colName(c.col)}${r + 1}"`;
        prevCol = c.col;
        const s = c.s ? ` s="${c.s}"` : '';
        if (c.kind === 'stub') {
          if (has.has('emptySstIndex') && pick(c.col + r)) out.push(`<c${ref}${s} t="s">${(r + c.col) % 2 ? '<v/>' : '<v></v>'}</c>`);
          else if (has.has('errorCells') && c.col === 0 && r < 3) out.push(`<c${ref}${s} t="e"><f>NA()</f><v>#N/A</v></c>`);
          else out.push(`<c${ref}${s}/>`);
          continue;
        }
        if (c.kind === 'sst') {
          const t = strings[c.v];
          if (has.has('inlineStrings') && pick(c.col + r + 1)) {
            const shown = has.has('nfd') ? t.normalize('NFD') : t;
            out.push(`<c${ref}${s} t="inlineStr"><is><t xml:space="preserve">${shown}</t></is></c>`);
          } else if (has.has('xmlSpace') && c.col === 1 && /^UBND /.test(t)) {
            // `=" UBND xã … "`: a text result with spaces, as Excel 2010–365 save it.
            out.push(`<c${ref}${s} t="str"><f>" "&amp;"${t.replace(/"/g, '""')}"&amp;" "</f><v xml:space="preserve"> ${t} </v></c>`);
          } else {
            out.push(`<c${ref}${s} t="s"><v>${c.v + shift}</v></c>`);
          }
          continue;
        }
        const isDate = c.s !== undefined && dates.has(c.s);
        const v = isDate ? c.v - date1904Shift : c.v;
        if (has.has('sharedFormulas') && !isDate && c.col >= 3 && Number.isInteger(v)) {
          // `=D21*1` filled down: the master cell holds the text, the others point at it.
          out.push(shared ? `<c${ref}${s}><f t="shared" si="${si}"/><v>${v}</v></c>`
            : `<c${ref}${s}><f t="shared" ref="${colName(c.col)}${r + 1}:${colName(c.col)}${r + 40}" si="${si}">${colName(c.col)}${r + 1}*1</f><v>${v}</v></c>`);
          shared = true;
        } else {
          out.push(`<c${ref}${s}><v>${v}</v></c>`);
        }
      }
      const rowRef = has.has('noR') && r === prevRow + 1 ? '' : ` r="${r + 1}"`;
      prevRow = r;
      lines.push(`<row${rowRef}${sheet.rowAttrs.get(r)}>${out.join('')}</row>`);
    }
    if (has.has('errorCells')) lines.push(`<row r="${rowNums[rowNums.length - 1] + 3}"><c r="H${rowNums[rowNums.length - 1] + 3}" t="e"><v>#DIV/0!</v></c></row>`);
    if (has.has('hugeRange')) lines.push('<row r="1048576"><c r="XFD1048576" s="1"/></row>');
    let head = sheet.head;
    if (has.has('noDimension')) head = head.replace(/<dimension [^>]*\/>/, '');
    else if (has.has('hugeRange')) head = head.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
    zip.file(sheet.path, `${head}<sheetData>${lines.join('')}</sheetData>${sheet.tail}`);
  });

  // Sheets that are not a unit's report: each one must be left out, never break the file.
  const extra = (tag: string, relType: string, part: string, partXml: string, contentType: string, id: string) => {
    workbook = workbook.replace('</sheets>', `${tag.replace('RID', id)}</sheets>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${relType}" Target="${part.replace(/^xl\//, '')}"/></Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
    zip.file(part, partXml);
  };
  if (has.has('hiddenSheet')) {
    // A hidden list of choices (what templates keep for their drop-downs), placed first.
    workbook = workbook.replace('<sheets>', '<sheets><sheet name="DanhMuc" sheetId="90" state="hidden" r:id="rId90"/>');
    rels = rels.replace('</Relationships>', `<Relationship Id="rId90" Type="${REL}/worksheet" Target="worksheets/sheet90.xml"/></Relationships>`);
    types = types.replace('</Types>', '<Override PartName="/xl/worksheets/sheet90.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file('xl/worksheets/sheet90.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:A3"/><sheetData>${['Xã', 'Phường', 'Thị trấn'].map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`).join('')}</sheetData></worksheet>`);
  }
  if (has.has('chartSheet')) {
    // A chart sheet whose drawing part is missing: a damaged chart, as the field sends them.
    extra('<sheet name="Biểu đồ" sheetId="91" r:id="RID"/>', `${REL}/chartsheet`, 'xl/chartsheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml', 'rId91');
    zip.file('xl/chartsheets/_rels/sheet1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  }
  if (has.has('dialogSheet')) {
    extra('<sheet name="Dialog1" sheetId="92" r:id="RID"/>', `${REL}/dialogsheet`, 'xl/dialogsheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dialogsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><legacyDrawing r:id="rId1"/></dialogsheet>`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml', 'rId92');
  }
  if (has.has('macroSheet')) {
    extra('<sheet name="Macro1" sheetId="93" r:id="RID"/>', 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet', 'xl/macrosheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xm:macrosheet xmlns="${MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>RETURN()</f><v>Mã mẫu</v></c></row></sheetData></xm:macrosheet>`,
      'application/vnd.ms-excel.macrosheet+xml', 'rId93');
  }
  if (has.has('legacyRid')) workbook = workbook.replace('<sheets>', '<sheets><sheet name="Module1" sheetId="94" state="veryHidden" r:id=""/>');

  const parts: Record<string, string> = { 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels, '[Content_Types].xml': types };
  for (const [p, x] of Object.entries(parts)) zip.file(p, x);

  if (has.has('strict') || has.has('prefixed')) {
    const xmlParts = ['xl/workbook.xml', 'xl/sharedStrings.xml', ...sheetPaths, ...(has.has('hiddenSheet') ? ['xl/worksheets/sheet90.xml'] : [])];
    for (const p of [...xmlParts, 'xl/_rels/workbook.xml.rels', '_rels/.rels']) {
      let x = await text(p);
      if (has.has('strict')) {
        x = x.split(MAIN).join('http://purl.oclc.org/ooxml/spreadsheetml/main')
          .split(REL).join('http://purl.oclc.org/ooxml/officeDocument/relationships')
          .replace('<workbook ', '<workbook conformance="strict" ');
      }
      if (has.has('prefixed') && xmlParts.includes(p)) {
        // `<x:worksheet xmlns:x="…main">`: every element of the main namespace prefixed, as .NET writers do.
        x = x.replace(/xmlns="(http:\/\/[^"]*main)"/, 'xmlns:x="$1"')
          .replace(/<(\/?)(?!\?|!|\w+:)(\w+)/g, '<$1x:$2');
      }
      zip.file(p, x);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
