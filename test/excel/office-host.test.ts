/**
 * The RichApi host (dev/office-host) must behave like Excel where our code
 * could go wrong (shared/spec/OFFICE-JS-NOTES.md, fact by fact), seen
 * through Microsoft's real client, each build. Facts about the client
 * itself (PropertyNotLoaded before a sync, isNullObject…) are the real
 * client's; these tests check the host answers them as Excel would.
 */
import * as XLSX from '@e965/xlsx';
import { RichApiHost, attachHost, type HostOptions } from '../../dev/office-host';
import { FORMULA_VALUE, SIZE_MISMATCH_MESSAGE } from '../../dev/fake-excel';
import { onEachClient } from './helpers';

type OfficeError = { name: string; code: string; message: string };
/** An empty workbook (no sheet yet) served to the loaded client. */
const createHost = (options: HostOptions = {}): RichApiHost => attachHost(new RichApiHost(options));

const NOT_LOADED_VALUES =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

async function rejection(p: Promise<unknown>): Promise<OfficeError> {
  try {
    await p;
  } catch (e) {
    return e as OfficeError;
  }
  throw new Error('expected a rejection');
}

function threw(fn: () => unknown): OfficeError {
  try {
    fn();
  } catch (e) {
    return e as OfficeError;
  }
  throw new Error('expected a throw');
}

onEachClient(() => {
describe('reading before loading', () => {
  it('throws PropertyNotLoaded with Microsoft\'s message when values were never loaded', async () => {
    const fake = createHost();
    fake.addSheet('Data', [['a', 1]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
      const e = threw(() => r.values);
      expect(e.name).toBe('RichApi.Error');
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.message).toBe(NOT_LOADED_VALUES);
    });
  });

  it('throws too when loaded but not yet synced, and gives the values after sync', async () => {
    const fake = createHost();
    fake.addSheet('Data', [['a', 1]]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:C1');
      r.load('values');
      expect(threw(() => r.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(r.values).toEqual([['a', 1, '']]);
    });
  });

  it('changes the workbook only when sync runs', async () => {
    const fake = createHost();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
      expect(fake.sheet('Data')!.values).toEqual([]);
      await ctx.sync();
      expect(fake.sheet('Data')!.values).toEqual([['x']]);
    });
  });
});

describe('errors surface at sync', () => {
  it('refuses a values array of the wrong size with InvalidArgument and Excel\'s message', async () => {
    const fake = createHost();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe('InvalidArgument');
      expect(e.message).toBe(SIZE_MISMATCH_MESSAGE);
    });
  });

  it('gives ItemNotFound for getItem of a missing sheet, and keeps earlier operations of the batch', async () => {
    const fake = createHost();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['before']];
      ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
      ctx.workbook.worksheets.getItem('Data').getRange('A2').values = [['after']];
      expect((await rejection(ctx.sync())).code).toBe('ItemNotFound');
    });
    expect(fake.sheet('Data')!.values).toEqual([['before']]);
  });

  it('answers getItemOrNullObject with isNullObject, readable only after sync', async () => {
    const fake = createHost();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('data');
      expect(threw(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      there.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe('Data');
    });
  });

  it('gives a null used range for a blank sheet, and A1 from getUsedRange', async () => {
    const fake = createHost();
    fake.addSheet('Blank');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blank');
      const n = ws.getUsedRangeOrNullObject(true);
      const u = ws.getUsedRange(true).load('address');
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
      expect(u.address).toBe('Blank!A1');
    });
  });
});

describe('sheet names', () => {
  it.each([
    ['a/b'], ['a\\b'], ['a?'], ['a*'], ['a:b'], ['[a]'], ["'quoted"], ["quoted'"], ['History'], ['history'], [''], ['x'.repeat(32)],
  ])('refuses %j with InvalidArgument', async (name) => {
    const fake = createHost();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add(name);
      expect((await rejection(ctx.sync())).code).toBe('InvalidArgument');
    });
    expect(fake.sheetNames()).toEqual(['Data']);
  });

  it('accepts 31 characters and Vietnamese, and compares names ignoring case', async () => {
    const fake = createHost();
    fake.addSheet('Tổng hợp');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      await ctx.sync();
      ctx.workbook.worksheets.add('TỔNG HỢP');
      expect((await rejection(ctx.sync())).code).toBe('ItemAlreadyExists');
      const ws = ctx.workbook.worksheets.getItem('x'.repeat(31));
      ws.name = 'tổng hợp';
      expect((await rejection(ctx.sync())).code).toBe('ItemAlreadyExists');
    });
    expect(fake.sheetNames()).toEqual(['Tổng hợp', 'x'.repeat(31)]);
  });
});

describe('values written as Excel stores them', () => {
  it('turns =, + and - strings into formulas on a General cell, keeps them text under @', async () => {
    const fake = createHost();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:D1').values = [['=SUM(A1)', '-abc', '-5', '0123']];
      const t = ws.getRange('A2:D2');
      t.numberFormat = [['@', '@', '@', '@']];
      t.values = [['=SUM(A1)', '-abc', '-5', '0123']];
      await ctx.sync();
    });
    const s = fake.sheet('S')!;
    expect(s.formulas[0]).toEqual(['=SUM(A1)', '=-abc', null, null]);
    expect(s.values[0]).toEqual([FORMULA_VALUE, FORMULA_VALUE, -5, 123]);
    expect(s.formulas[1]).toEqual([null, null, null, null]);
    expect(s.values[1]).toEqual(['=SUM(A1)', '-abc', '-5', '0123']);
  });

  it('leaves a cell unchanged for null in the array', async () => {
    const fake = createHost();
    fake.addSheet('S', [['keep', 'old']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']] as unknown as string[][];
      await ctx.sync();
    });
    expect(fake.sheet('S')!.values).toEqual([['keep', 'new']]);
  });

  it('gives null values for whole columns and rows', async () => {
    const fake = createHost();
    fake.addSheet('S', [[1]]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const col = ws.getRange('A:A').load('values');
      const row = ws.getRange('1:1').load('values');
      await ctx.sync();
      expect(col.values).toBeNull();
      expect(row.values).toBeNull();
    });
  });

  it('derives ranges with getCell, getOffsetRange and getResizedRange, and reads formats back', async () => {
    const fake = createHost();
    fake.addSheet('S', [[1, 2, 3], [4, 5, 6]]);
    await fake.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem('S').getRange('B1');
      const cell = base.getCell(1, 1).load('address,values');
      const off = base.getOffsetRange(1, -1).load('values');
      const big = base.getResizedRange(1, 1).load('address,rowCount,columnCount');
      big.format.font.bold = true;
      big.format.fill.color = '#ffc000';
      const font = big.format.font.load('bold');
      const fill = ctx.workbook.worksheets.getItem('S').getRange('A1:C1').format.fill.load('color');
      await ctx.sync();
      expect(cell.address).toBe('S!C2');
      expect(cell.values).toEqual([[6]]);
      expect(off.values).toEqual([[4]]);
      expect([big.address, big.rowCount, big.columnCount]).toEqual(['S!B1:C2', 2, 2]);
      expect(font.bold).toBe(true);
      expect(fill.color).toBeNull(); // mixed fills read as null
    });
    expect(fake.cell('S', 'C2').format).toEqual({ bold: true, fill: '#FFC000' });
  });

  it('refuses a malformed or over-long address', async () => {
    const fake = createHost();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:' + 'B'.repeat(8200)).load('values');
      expect((await rejection(ctx.sync())).code).toBe('InvalidArgument');
    });
  });
});

describe('limits and counters', () => {
  it('counts syncs and request/response bytes; refuses a request over the limit', async () => {
    const fake = createHost({ requestLimit: 10_000 });
    fake.addSheet('S');
    const big = Array.from({ length: 100 }, (_, i) => [`dòng ${i} ${'x'.repeat(100)}`]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A100').values = big;
      expect((await rejection(ctx.sync())).code).toBe('RequestPayloadSizeLimitExceeded');
    });
    expect(fake.sheet('S')!.values).toEqual([]);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.failedSyncs).toBe(1);
    expect(fake.stats.perSync[0].requestBytes).toBeGreaterThan(10_000);
  });

  it('refuses a response over the limit, and too many cells read at once', async () => {
    const fake = createHost({ responseLimit: 5_000, cellReadLimit: 1_000 });
    fake.addSheet('S', Array.from({ length: 200 }, (_, i) => [`giá trị ${i} ${'y'.repeat(30)}`]));
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:A200').load('values');
      expect((await rejection(ctx.sync())).code).toBe('ResponsePayloadSizeLimitExceeded');
      ctx.workbook.worksheets.getItem('S').getRange('A1:E300').load('values');
      expect((await rejection(ctx.sync())).code).toBe('InvalidArgument');
      const ok = ctx.workbook.worksheets.getItem('S').getRange('A1:A10').load('values');
      await ctx.sync();
      expect(ok.values[9][0]).toMatch(/^giá trị 9/);
    });
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(5_000);
  });
});

describe('requirement sets', () => {
  it('answers Office.context.requirements from its ExcelApi version and refuses newer members with ApiNotFound', async () => {
    const fake = createHost({ apiVersion: '1.4' });
    fake.addSheet('S', [[1]]);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.4')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(false);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').freezePanes.freezeRows(1);
      expect((await rejection(ctx.sync())).code).toBe('ApiNotFound');
      ctx.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      expect((await rejection(ctx.sync())).code).toBe('ApiNotFound');
      ctx.workbook.insertWorksheetsFromBase64('AAAA');
      expect((await rejection(ctx.sync())).code).toBe('ApiNotFound');
    });
  });

  it('runs what is still queued when Excel.run ends, and cleans up the references the client kept', async () => {
    const fake = createHost();
    fake.addSheet('S', [['x']]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['cuối']];
    });
    expect(fake.cell('S', 'A1').value).toBe('cuối');
    // The client kept the range (a _ReferenceId) and asked for it to be removed at the end: one more round trip.
    expect(fake.stats.perSync.map((r) => r.cleanup)).toEqual([false, true]);
  });
});

describe('insertWorksheetsFromBase64', () => {
  function xlsxBase64(sheets: Record<string, unknown[][]>): string {
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    return XLSX.write(wb, { type: 'base64', bookType: 'xlsx' });
  }

  it('inserts only the sheets asked for, at the end, renaming a taken name, and returns their ids', async () => {
    const fake = createHost();
    fake.addSheet('Hương Lộc');
    const b64 = xlsxBase64({ 'Hương Lộc': [['Đơn vị báo cáo', 'Xã Hương Lộc'], ['A1', 12]], Khác: [['bỏ qua']] });
    const ids = await fake.run(async (ctx) => {
      const res = ctx.workbook.insertWorksheetsFromBase64(b64, { sheetNamesToInsert: ['Hương Lộc'] });
      // The real client says ValueNotLoaded here (the stand-in said PropertyNotLoaded).
      expect(threw(() => res.value).code).toBe('ValueNotLoaded');
      await ctx.sync();
      return res.value;
    });
    expect(fake.sheetNames()).toEqual(['Hương Lộc', 'Hương Lộc (2)']);
    expect(ids).toEqual([fake.sheet('Hương Lộc (2)')!.id]);
    expect(fake.sheet('Hương Lộc (2)')!.values).toEqual([['Đơn vị báo cáo', 'Xã Hương Lộc'], ['A1', 12]]);
  });

  it('loadXlsx replaces the workbook with the files\' sheets, names made unique', () => {
    const fake = createHost();
    fake.addSheet('Cũ');
    fake.loadXlsx([xlsxBase64({ 'Báo cáo': [['a', 1]] }), xlsxBase64({ 'Báo cáo': [[null, 'b']], Khác: [[2]] })]);
    expect(fake.sheetNames()).toEqual(['Báo cáo', 'Báo cáo (2)', 'Khác']);
    expect(fake.sheet('Báo cáo (2)')!.values).toEqual([[null, 'b']]);
    expect(fake.selection()).toEqual({ sheet: 'Báo cáo', address: undefined });
  });

  it('can be made to refuse a file as Excel on the web does (UnsupportedFeature)', async () => {
    const fake = createHost({ insertFromBase64Failure: 'UnsupportedFeature' });
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(xlsxBase64({ A: [[1]] }));
      expect((await rejection(ctx.sync())).code).toBe('UnsupportedFeature');
    });
    expect(fake.sheetNames()).toEqual(['S']);
  });
});
});
