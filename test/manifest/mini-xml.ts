/**
 * A small, strict XML parser for the manifest test (Microsoft's XSD is not
 * available offline and the manifest needs no more than elements,
 * attributes, text and comments). Throws on anything not well-formed:
 * unclosed or mismatched tags, unquoted or repeated attributes, stray `<` or
 * `&`, text outside the root.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, line: number): string {
  return s.replace(/&([^;\s]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new Error(`dòng ${line}: '&' không thuộc tham chiếu thực thể`);
    if (ent in ENTITIES) return ENTITIES[ent];
    const num = /^#(x[0-9a-fA-F]+|\d+)$/.exec(ent);
    if (num) return String.fromCodePoint(num[1][0] === 'x' ? parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`dòng ${line}: thực thể không biết &${ent};`);
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  const fail = (msg: string): never => {
    throw new Error(`dòng ${lineAt(i)}: ${msg}`);
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('thiếu tên');
    i = NAME.lastIndex;
    return m![0];
  };
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };

  if (src.charCodeAt(0) === 0xfeff) i = 1;
  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('khai báo XML không đóng');
    i = end + 2;
  }

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < src.length) {
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) fail('chú thích không đóng');
      if (src.slice(i + 4, end).includes('--')) fail("'--' trong chú thích");
      i = end + 3;
    } else if (src.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (src[i] !== '>') fail(`thẻ đóng </${name}> không đúng`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`thẻ đóng </${name}> không khớp <${open?.name ?? ''}>`);
    } else if (src[i] === '<') {
      if (root && stack.length === 0) fail('có hơn một phần tử gốc');
      const line = lineAt(i);
      i++;
      const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '', line };
      for (;;) {
        const before = i;
        skipSpace();
        if (src.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (src[i] === '>') {
          i++;
          stack.push(el);
          break;
        }
        if (i === before) fail(`cần khoảng trắng giữa các thuộc tính của <${el.name}>`);
        const attr = readName();
        skipSpace();
        if (src[i] !== '=') fail(`thuộc tính ${attr} thiếu '='`);
        i++;
        skipSpace();
        const q = src[i];
        if (q !== '"' && q !== "'") fail(`giá trị của ${attr} không có dấu nháy`);
        const end = src.indexOf(q, i + 1);
        if (end < 0) fail(`giá trị của ${attr} không đóng`);
        const raw = src.slice(i + 1, end);
        if (raw.includes('<')) fail(`'<' trong giá trị của ${attr}`);
        if (attr in el.attrs) fail(`thuộc tính ${attr} lặp lại`);
        el.attrs[attr] = decode(raw, line);
        i = end + 1;
      }
      const parent = stack[stack.length - (stack[stack.length - 1] === el ? 2 : 1)];
      if (parent) parent.children.push(el);
      else root = el;
    } else {
      const next = src.indexOf('<', i);
      const text = src.slice(i, next < 0 ? src.length : next);
      if (stack.length === 0) {
        if (text.trim()) fail('văn bản nằm ngoài phần tử gốc');
      } else {
        stack[stack.length - 1].text += decode(text, lineAt(i));
      }
      i = next < 0 ? src.length : next;
    }
  }
  if (stack.length) fail(`thẻ <${stack[stack.length - 1].name}> không đóng`);
  if (!root) fail('không có phần tử gốc');
  return root!;
}

/** Local name without the namespace prefix (`bt:Image` → `Image`). */
export const localName = (el: XmlElement): string => el.name.slice(el.name.indexOf(':') + 1);

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => localName(c) === name);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(el, name)[0];
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
