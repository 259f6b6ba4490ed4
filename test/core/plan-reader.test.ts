/** The plan sheet `Kế hoạch` (docs/spec/TEMPLATE.md §6). */
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { readPlan } from '../../src/core/plan-reader';
import { readSheet } from '../../src/core/reader';

function planGrid(cells: CellValue[][], sheet = 'Kế hoạch', origin = { row: 0, col: 0 }): SheetGrid {
  return { sheet, originRow: origin.row, originCol: origin.col, cells };
}

const CANONICAL: CellValue[][] = [
  ['KẾ HOẠCH TỔNG HỢP BÁO CÁO CÔNG TÁC TUYÊN TRUYỀN CCHC'],
  ['Đơn vị tổng hợp', 'UBND huyện Vĩnh Linh'],
  ['Cấp', 'Huyện'],
  ['Đơn vị cấp trên', 'UBND tỉnh Quảng Trị'],
  ['Kỳ báo cáo', 'Năm'],
  ['Năm', 2024],
  ['Hạn nộp', '20/10/2024'],
  [],
  ['Nhiệm vụ'],
  ['STT', 'Nội dung nhiệm vụ', 'Chỉ tiêu', 'Mức tối thiểu', 'Tỷ lệ đạt (%)'],
  [1, 'Đăng tin, bài trên Cổng thông tin điện tử', 'A1', 12, 80],
  [2, 'Tổ chức hội nghị tập huấn', 'c1', 1, null],
  [3, 'Niêm yết công khai TTHC', null, null, '90%'],
  [],
  ['Đơn vị'],
  ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Đơn vị cấp trên'],
  ['X01', 'UBND xã Vĩnh Giang', 'Xã', 'UBND huyện Vĩnh Linh'],
  ['X02', 'UBND thị trấn Hồ Xá', 'Thị trấn', 'UBND huyện Vĩnh Linh'],
  [null, 'Phòng Nội vụ', 'Phòng, ban', 'UBND huyện Vĩnh Linh'],
  ['H00', 'UBND huyện Vĩnh Linh', 'Huyện', 'UBND tỉnh Quảng Trị'],
];

describe('readPlan', () => {
  test('identification, tasks and roster', () => {
    const { plan, findings } = readPlan(planGrid(CANONICAL));
    expect(findings).toEqual([]);
    expect(plan).toMatchObject({
      source: { sheet: 'Kế hoạch' },
      compilingUnit: 'UBND huyện Vĩnh Linh',
      level: 'Huyện',
      parent: 'UBND tỉnh Quảng Trị',
      period: 'Năm',
      year: 2024,
      deadline: '2024-10-20',
    });
    expect(plan.tasks).toEqual([
      { stt: 1, name: 'Đăng tin, bài trên Cổng thông tin điện tử', indicator: 'A1', minimum: 12, threshold: 0.8 },
      { stt: 2, name: 'Tổ chức hội nghị tập huấn', indicator: 'C1', minimum: 1, threshold: 1 },
      { stt: 3, name: 'Niêm yết công khai TTHC', threshold: 0.9 },
    ]);
    expect(plan.roster).toEqual([
      { code: 'X01', name: 'UBND xã Vĩnh Giang', level: 'Xã', parent: 'UBND huyện Vĩnh Linh' },
      { code: 'X02', name: 'UBND thị trấn Hồ Xá', level: 'Xã', parent: 'UBND huyện Vĩnh Linh' },
      { name: 'Phòng Nội vụ', level: 'Phòng, ban', parent: 'UBND huyện Vĩnh Linh' },
      { code: 'H00', name: 'UBND huyện Vĩnh Linh', level: 'Huyện', parent: 'UBND tỉnh Quảng Trị' },
    ]);
  });

  test('readSheet recognises the plan by its name, or by its label and task table', () => {
    expect(readSheet(planGrid(CANONICAL)).kind).toBe('plan');
    expect(readSheet(planGrid(CANONICAL, 'KE HOACH')).kind).toBe('plan');
    expect(readSheet(planGrid(CANONICAL, 'Sheet3')).kind).toBe('plan');
    // A sheet named otherwise with neither the label nor the table is skipped.
    expect(readSheet(planGrid([['Ghi chú', 'abc']], 'Sheet4')).kind).toBe('skipped');
    // So is a sheet named `Kế hoạch` that holds only the text of the plan document.
    const text = [['KẾ HOẠCH'], ['Tuyên truyền cải cách hành chính năm 2022'], ['I. MỤC ĐÍCH, YÊU CẦU'], ['1. Mục đích']];
    expect(readSheet(planGrid(text, 'Kế hoạch')).kind).toBe('skipped');
    // A `Kế hoạch` sheet with only the roster is a plan (tasks then come from the reports).
    expect(readSheet(planGrid([['Đơn vị'], ...CANONICAL.slice(15)], 'Kế hoạch')).kind).toBe('plan');
  });

  test('a deadline as an Excel date serial, and no deadline (the compile uses the default)', () => {
    const withSerial = CANONICAL.map((r) => (r[0] === 'Hạn nộp' ? ['Hạn nộp', 45585] : r));
    expect(readPlan(planGrid(withSerial)).plan.deadline).toBe('2024-10-20');
    const without = CANONICAL.filter((r) => r[0] !== 'Hạn nộp');
    expect(readPlan(planGrid(without)).plan.deadline).toBeUndefined();
  });

  test('labels and headers without diacritics, in upper case, shifted right, used range at C3', () => {
    const messy = CANONICAL.map((r) => [null, ...r]);
    messy[1][1] = 'DON VI TONG HOP:';
    messy[9] = [null, 'stt', 'NOI DUNG NHIEM VU', 'CHI TIEU', 'MUC TOI THIEU', 'TY LE DAT (%)'];
    messy[15] = [null, 'MA DON VI', 'TEN DON VI', 'CAP', 'DON VI CAP TREN'];
    const { plan, findings } = readPlan(planGrid(messy, 'Kế hoạch', { row: 2, col: 2 }));
    expect(findings).toEqual([]);
    expect(plan.compilingUnit).toBe('UBND huyện Vĩnh Linh');
    expect(plan.tasks.map((t) => t.stt)).toEqual([1, 2, 3]);
    expect(plan.roster).toHaveLength(4);
  });

  test('bad values are errors naming the real cell', () => {
    const bad = CANONICAL.map((r) => [...r]);
    bad[6] = ['Hạn nộp', 'sớm'];
    bad[10] = [1, 'Việc một', 'Z9', 'nhiều', 150];
    bad[11] = ['hai', 'Việc hai'];
    bad[12] = [1, 'Việc trùng STT'];
    const { plan, findings } = readPlan(planGrid(bad, 'Kế hoạch', { row: 2, col: 2 }));
    const byRule = Object.fromEntries(findings.map((f) => [f.rule, f.cell]));
    expect(byRule).toEqual({
      'plan.deadline': 'D9',
      'plan.task-indicator': 'E13',
      'plan.task-minimum': 'F13',
      'plan.task-threshold': 'G13',
      'plan.task-stt': 'C14',
      'plan.task-duplicate': 'C15',
    });
    expect(findings.every((f) => f.severity === 'error' && f.sheet === 'Kế hoạch')).toBe(true);
    expect(findings.find((f) => f.rule === 'plan.task-duplicate')!.message).toContain("'Kế hoạch'!C15");
    // The task with bad optional columns is kept with the defaults.
    expect(plan.tasks).toEqual([{ stt: 1, name: 'Việc một', threshold: 1 }]);
  });

  test.each([
    [100, 1], [80, 0.8], [0.8, 0.8], [1, 1], ['80', 0.8], ['80%', 0.8], ['66,7 %', 0.667], [0, 0],
  ])('Tỷ lệ đạt %p → threshold %p', (v, t) => {
    const cells = CANONICAL.map((r) => [...r]);
    cells[10][4] = v;
    expect(readPlan(planGrid(cells)).plan.tasks[0].threshold).toBeCloseTo(t, 6);
  });

  test('a plan with no task table: a warning, tasks empty', () => {
    const { plan, findings } = readPlan(planGrid(CANONICAL.slice(0, 8)));
    expect(plan.tasks).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['plan.no-tasks', 'warning']]);
  });

  test('the roster may come before the tasks', () => {
    const swapped = [...CANONICAL.slice(0, 8), ...CANONICAL.slice(14), [], ...CANONICAL.slice(8, 13)];
    const { plan, findings } = readPlan(planGrid(swapped));
    expect(findings).toEqual([]);
    expect(plan.tasks).toHaveLength(3);
    expect(plan.roster).toHaveLength(4);
  });
});

describe('readPlan: the span of the figures (Từ ngày / Đến ngày)', () => {
  const withSpan = (from: CellValue, to: CellValue, deadline?: CellValue) => {
    const rows = CANONICAL.map((r) => [...r]);
    const at = rows.findIndex((r) => r[0] === 'Hạn nộp');
    rows.splice(at, 1, ['Từ ngày', from], ['Đến ngày', to], ...(deadline === undefined ? [] : [['Hạn nộp', deadline]]));
    return readPlan(planGrid(rows));
  };

  test('the span is read; without Hạn nộp the compile takes two working days after Đến ngày', () => {
    const { plan, findings } = withSpan('15/12/2025', '14/03/2026');
    expect(findings).toEqual([]);
    expect(plan).toMatchObject({ from: '2025-12-15', to: '2026-03-14' });
    expect(plan.deadline).toBeUndefined();
  });

  test('a span that ends before it starts is an error naming both dates, and the default span is used', () => {
    const { plan, findings } = withSpan('14/03/2026', '15/12/2025', '20/03/2026');
    expect(findings.map((f) => f.rule)).toEqual(['plan.span']);
    expect(findings[0].message).toContain('14/03/2026');
    expect(plan.from).toBeUndefined();
    expect(plan.deadline).toBe('2026-03-20');
  });

  test('an unreadable date is an error on its cell', () => {
    const { findings } = withSpan('mười lăm', '14/03/2026');
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['plan.from', 'B7']]);
  });
});
