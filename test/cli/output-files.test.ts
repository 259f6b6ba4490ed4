/**
 * The guard and the all-or-none writer of src/cli/output-files.ts, on real
 * files, symbolic and hard links in a temporary folder.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { guardOutputs, OutputError, writeAllOrNone } from '../../src/cli/output-files';
import { systemErrorReason } from '../../src/xlsx/system-errors';
import { hasControlCharacters, terminalSafe } from '../../src/cli/terminal-text';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-out-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const p = (n: string) => path.join(dir, n);

describe('guardOutputs', () => {
  it('refuses an output that is an input, by name, through a symbolic link or through a hard link', () => {
    fs.writeFileSync(p('xa.xlsx'), 'report');
    fs.symlinkSync(p('xa.xlsx'), p('link.xlsx'));
    fs.linkSync(p('xa.xlsx'), p('hard.xlsx'));
    const inputs = [{ path: p('xa.xlsx'), role: 'tệp báo cáo đầu vào' }];
    for (const out of ['xa.xlsx', 'link.xlsx', 'hard.xlsx']) {
      expect(() => guardOutputs([p(out)], inputs)).toThrow(OutputError);
    }
    expect(() => guardOutputs([p('link.xlsx')], inputs)).toThrow(/tệp báo cáo đầu vào .*qua một liên kết.*chọn tên khác/);
    expect(() => guardOutputs([p('hard.xlsx')], inputs)).toThrow(/cùng một tệp dưới tên khác/);
    expect(() => guardOutputs([p('new.xlsx')], inputs)).not.toThrow();
    expect(hash(p('xa.xlsx'))).toBe(crypto.createHash('sha256').update('report').digest('hex'));
  });

  it("allows replacing the compiler's own earlier output, and refuses two outputs of one run that are the same file", () => {
    fs.writeFileSync(p('tong-hop.xlsx'), 'old');
    expect(() => guardOutputs([p('tong-hop.xlsx')], [{ path: p('tong-hop.xlsx'), role: 'tệp đầu vào', replaceable: true }])).not.toThrow();
    expect(() => guardOutputs([p('a.json'), path.join(dir, '.', 'a.json')], [])).toThrow(/trùng nhau/);
    fs.writeFileSync(p('b.xlsx'), 'x');
    fs.symlinkSync(p('b.xlsx'), p('b-link.xlsx'));
    expect(() => guardOutputs([p('b.xlsx'), p('b-link.xlsx')], [])).toThrow(/trùng nhau/);
  });

  it('refuses a folder and a pipe as an output', () => {
    fs.mkdirSync(p('thu-muc'));
    expect(() => guardOutputs([p('thu-muc')], [])).toThrow(/thư mục/);
    execFileSync('mkfifo', [p('ong.xlsx')]);
    expect(() => guardOutputs([p('ong.xlsx')], [])).toThrow(/không phải tệp thường/);
  });
});

describe('writeAllOrNone', () => {
  it('writes every output, leaving no temporary file behind', () => {
    writeAllOrNone([{ path: p('a.xlsx'), data: new Uint8Array([1, 2, 3]) }, { path: p('sub/b.json'), data: '{}' }]);
    expect([...fs.readFileSync(p('a.xlsx'))]).toEqual([1, 2, 3]);
    expect(fs.readFileSync(p('sub/b.json'), 'utf8')).toBe('{}');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'sub']);
  });

  it('keeps every old output intact when the run fails between writing and renaming', () => {
    fs.writeFileSync(p('a.xlsx'), 'old a');
    fs.writeFileSync(p('b.docx'), 'old b');
    const before = [hash(p('a.xlsx')), hash(p('b.docx'))];
    expect(() =>
      writeAllOrNone([{ path: p('a.xlsx'), data: 'new a' }, { path: p('b.docx'), data: 'new b' }], {
        afterTempsWritten: () => {
          throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    expect([hash(p('a.xlsx')), hash(p('b.docx'))]).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.docx']);
  });

  it('puts the first output back when a later one cannot be renamed into place (all or none)', () => {
    fs.writeFileSync(p('a.xlsx'), 'old a');
    fs.mkdirSync(p('b.docx')); // a folder where the second output should go: the rename fails
    fs.writeFileSync(p('b.docx/keep'), 'x');
    expect(() => writeAllOrNone([{ path: p('a.xlsx'), data: 'new a' }, { path: p('b.docx'), data: 'new b' }])).toThrow(
      /Không ghi được tệp ".*b\.docx".*Không tệp kết quả nào được thay/,
    );
    expect(fs.readFileSync(p('a.xlsx'), 'utf8')).toBe('old a');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.docx']);
  });

  it('writes through a symbolic link to its target, so the link keeps working', () => {
    fs.mkdirSync(p('real'));
    fs.writeFileSync(p('real/out.xlsx'), 'old');
    fs.symlinkSync(p('real/out.xlsx'), p('out.xlsx'));
    writeAllOrNone([{ path: p('out.xlsx'), data: 'new' }]);
    expect(fs.lstatSync(p('out.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(p('real/out.xlsx'), 'utf8')).toBe('new');
  });
});

describe('system errors in Vietnamese, named truthfully', () => {
  it.each([
    ['ENOSPC', /ổ đĩa đã đầy/],
    ['EACCES', /không có quyền/],
    ['EROFS', /chỉ cho phép đọc/],
    ['ENAMETOOLONG', /quá dài/],
  ])('%s', (code, re) => {
    expect(systemErrorReason(Object.assign(new Error(code), { code }), p('x.xlsx'))).toMatch(re);
  });

  it('names the folder that is really missing, not the one that exists', () => {
    const target = p('khong-co/con/x.xlsx');
    expect(systemErrorReason(Object.assign(new Error(), { code: 'ENOENT' }), target)).toBe(`thư mục "${p('khong-co')}" không tồn tại`);
    fs.writeFileSync(p('tep'), '');
    expect(systemErrorReason(Object.assign(new Error(), { code: 'ENOTDIR' }), p('tep/x.xlsx'))).toMatch(/là một tệp, không phải thư mục/);
  });
});

describe('terminalSafe', () => {
  it('shows control sequences as visible escapes: no cursor moves, colours or titles reach the terminal', () => {
    const hostile = 'UBND xã \u001b[1A\u001b[2KAn\u001b]0;pwned\u0007 Phú\u009b2J';
    const safe = terminalSafe(hostile);
    expect(hasControlCharacters(safe)).toBe(false);
    expect(safe).toBe('UBND xã \\x1B[1A\\x1B[2KAn\\x1B]0;pwned\\x07 Phú\\x9B2J');
    expect(terminalSafe('dòng 1\ndòng 2\tcột')).toBe('dòng 1\ndòng 2 cột');
  });
});
