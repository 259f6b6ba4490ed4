/** Opening a produced .docx the way Word would: unzip it and read its XML parts. */
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  /** header part name (`word/header1.xml`) → XML */
  headers: Record<string, string>;
  /** relationship id → header part name, from document.xml.rels */
  rels: Record<string, string>;
  styles: string;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))) headers[name] = await read(name);
  const relsXml = await read('word/_rels/document.xml.rels');
  const rels: Record<string, string> = {};
  for (const m of relsXml.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) rels[m[1]] = `word/${m[2]}`;
  for (const m of relsXml.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) rels[m[2]] = `word/${m[1]}`;
  return { document: await read('word/document.xml'), headers, rels, styles: await read('word/styles.xml') };
}

/** The paragraphs of a part, each as its raw XML and its visible text. */
export function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({ xml: m[0], text: textOf(m[0]) }));
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The paragraph whose text is exactly `text` (trimmed), or the first that contains it. */
export function findParagraph(xml: string, text: string): { xml: string; text: string } | undefined {
  const ps = paragraphs(xml);
  return ps.find((p) => p.text.trim() === text) ?? ps.find((p) => p.text.includes(text));
}

/** Attribute value inside the first match of an element, e.g. attr(xml, 'w:pgSz', 'w:w'). */
export function attr(xml: string, element: string, name: string): string | undefined {
  const m = new RegExp(`<${element}\\b[^>]*?\\b${name}="([^"]*)"`).exec(xml);
  return m?.[1];
}

/** Sections' properties (`<w:sectPr>`), in document order. */
export function sections(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}
