/** A hand-built CompileResult: the Nam Đông district, quý IV… no: năm 2024, five units. */
import type { ChildRow, CompileResult, ParentSummary, Plan, SheetRead, TaskSummary, UnitReport } from '../../src/core/model';
import { compileReads } from '../../src/core/compile';
import { DEFAULT_PLAN_TASKS } from '../../src/core/default-plan';
import { computeRates, emptyFigures, INDICATOR_CODES, type Figures, type IndicatorCode } from '../../src/core/template';
import { sumFigures } from '../../src/report/report-data';

export function figures(values: Partial<Record<IndicatorCode, number>>): Figures {
  const f = emptyFigures();
  for (const [k, v] of Object.entries(values)) f[k as IndicatorCode] = v as number;
  return f;
}

function child(unit: string, level: ChildRow['level'], status: ChildRow['status'], f: Figures | null, opts: Partial<ChildRow> = {}): ChildRow {
  return { unit, level, status, figures: f, rates: f ? computeRates(f) : null, isSelf: false, tasks: {}, ...opts };
}

export const TASK_NAMES = [
  'Xây dựng Kế hoạch tuyên truyền CCHC năm 2024',
  'Lồng ghép tuyên truyền CCHC qua lớp bồi dưỡng nghiệp vụ',
  'Cập nhật các tin, bài về tình hình thực hiện công tác cải cách hành chính',
  'Tuyên truyền kết quả Chỉ số CCHC, Chỉ số hài lòng',
  'Duy trì các chuyên trang, chuyên mục tuyên truyền về CCHC',
  'Tuyên truyền về hoạt động kiểm soát TTHC, cơ chế một cửa',
  'Tổ chức các cuộc thi tìm hiểu CCHC năm 2024',
  'Tổng kết công tác thực hiện tuyên truyền CCHC nhà nước năm 2024',
];

export function namDongResult(): CompileResult {
  const self = child('UBND huyện Nam Đông', 'Huyện', 'Đã nộp', figures({ A1: 15, A2: 6, A4: 7, A6: 3, B1: 2, B2: 10, C1: 2, C2: 150, D1: 0, D2: 400, D3: 120, D4: 398, D5: 2, D6: 0, D7: 180, D8: 180 }), { isSelf: true });
  const huongLoc = child('UBND xã Hương Lộc', 'Xã', 'Đã nộp', figures({ A1: 12, A2: 10, A6: 2, B1: 2, D1: 0, D2: 331, D3: 40, D4: 331, D5: 0, D6: 0, D7: 120, D8: 120 }), { sentDate: '2024-10-15' });
  const thuongQuang = child('UBND xã Thượng Quảng', 'Xã', 'Đã nộp', figures({ A1: 4, A2: 8, A6: 2.5, B2: 5, D1: 0, D2: 200, D3: 10, D4: 200, D5: 0, D6: 0, D7: 110, D8: 108 }), { sentDate: '2024-10-18' });
  const kheTre = child('UBND thị trấn Khe Tre', 'Xã', 'Nộp muộn', figures({ A1: 2, A2: 3, B3: 500, D1: 0, D2: 100, D3: 5, D4: 100, D5: 0, D6: 0 }), { sentDate: '2024-10-28' });
  const huongSon = child('UBND xã Hương Sơn', 'Xã', 'Chưa nộp', null);
  const children = [self, huongLoc, thuongQuang, kheTre, huongSon];
  const total = sumFigures(children.filter((c) => c.figures).map((c) => c.figures!));
  const emptyCounts = Object.fromEntries(INDICATOR_CODES.map((c) => [c, children.filter((x) => x.figures && x.figures[c] === null).length])) as Record<IndicatorCode, number>;
  const tasks: TaskSummary[] = TASK_NAMES.map((name, i) => {
    const stt = i + 1;
    const notDone = stt === 7 ? ['UBND xã Thượng Quảng'] : [];
    const done = 4 - notDone.length;
    return {
      stt, name, done, expected: 5, threshold: 1,
      complete: stt !== 7,
      notDone, notReported: ['UBND xã Hương Sơn'],
      result: `${done}/5 đơn vị hoàn thành`,
      note: [notDone.length ? `Chưa hoàn thành: ${notDone.join(', ')}` : '', 'Chưa báo cáo: UBND xã Hương Sơn'].filter(Boolean).join('; '),
    };
  });
  const summary: ParentSummary = {
    unit: 'UBND huyện Nam Đông', level: 'Huyện', parent: 'UBND tỉnh Thừa Thiên Huế', depth: 0,
    figures: total, emptyCounts, rates: computeRates(total), children, tasks,
    assessments: [
      { unit: 'UBND xã Hương Lộc', key: 'strengths', text: 'Được sự quan tâm chỉ đạo của Đảng ủy, chính quyền địa phương.' },
      { unit: 'UBND xã Thượng Quảng', key: 'strengths', text: 'được sự quan tâm chỉ đạo của Đảng uỷ, chính quyền địa phương' },
      { unit: 'UBND xã Hương Lộc', key: 'weaknesses', text: '- Nguồn kinh phí phục vụ công tác tuyên truyền chưa được quan tâm.\n- Trang thiết bị chưa đáp ứng yêu cầu.' },
      { unit: 'UBND thị trấn Khe Tre', key: 'weaknesses', text: 'Nguồn kinh phí phục vụ công tác tuyên truyền chưa được quan tâm' },
      { unit: 'UBND xã Hương Lộc', key: 'proposals', text: 'Thường xuyên mở các lớp tập huấn kỹ năng tuyên truyền CCHC.' },
      { unit: 'UBND xã Thượng Quảng', key: 'nextSteps', text: 'Đẩy mạnh tuyên truyền dịch vụ công trực tuyến.' },
    ],
    documents: [
      { unit: 'UBND xã Hương Lộc', docRef: '45/BC-UBND ngày 15/10/2024' },
      { unit: 'UBND xã Thượng Quảng', docRef: '30/BC-UBND ngày 18/10/2024' },
    ],
    deadline: '2024-10-20',
  };
  return {
    period: 'Năm', year: 2024,
    reports: [],
    summaries: [summary],
    findings: [
      { severity: 'error', unit: 'UBND thị trấn Khe Tre', sheet: 'Khe Tre', cell: 'D31', rule: 'dossier.balance', message: 'Hồ sơ: D4 + D5 + D6 (100) khác D1 + D2 (101).' },
      { severity: 'warning', unit: 'UBND xã Thượng Quảng', sheet: 'Thượng Quảng', cell: 'D14', rule: 'figure.text-number', message: 'Ô ghi "hơn 20": đọc là 20.' },
    ],
    skipped: [],
    ownOutputs: [],
    ownOutputFiles: [],
  };
}

/**
 * A generated two-tier province for the report at scale: `n` communes on its
 * plan's roster (a đặc khu among them), quý I năm 2026, the default tasks.
 * Every 25th commune has not reported, every 12th was late; about one in
 * three has not done task 4, so its note names dozens of units.
 */
export function provinceResult(n: number): CompileResult {
  const province = 'UBND tỉnh Quảng Trị';
  const names = Array.from({ length: n }, (_, i) => (i === 5 ? 'UBND đặc khu Cồn Cỏ' : `UBND xã Số ${i + 1}`));
  const plan: Plan = {
    source: { file: 'ke-hoach.xlsx', sheet: 'Kế hoạch' },
    compilingUnit: province, level: 'Tỉnh', period: 'Quý I', year: 2026, deadline: '2026-03-17',
    tasks: DEFAULT_PLAN_TASKS.map((t) => ({ ...t })),
    roster: names.map((name, i) => ({ code: String(19000 + i), name, level: 'Xã' as const, parent: province })),
  };
  const reads: SheetRead[] = [{ kind: 'plan', plan, findings: [] }];
  names.forEach((unit, i) => {
    if (i % 25 === 24) return;
    const f = emptyFigures();
    for (const c of INDICATOR_CODES) f[c] = 0;
    Object.assign(f, { A1: (i % 9) + 3, A2: (i % 5) + 2, A4: i % 4, A6: 2, B3: (i % 7) * 50, C1: i % 2, C2: (i % 2) * 40, D1: 0, D2: 120 + i, D3: 60, D4: 120 + i, D5: 0, D6: 0, D7: 150, D8: 150 });
    const report: UnitReport = {
      source: { file: `${19000 + i}.xlsx`, sheet: 'Báo cáo' },
      unit, unitCode: String(19000 + i), level: 'Xã', parent: province, period: 'Quý I', year: 2026,
      compiled: false, identificationOk: true, figures: f, figureCells: {}, idCells: {},
      docRef: `${10 + (i % 80)}/BC-UBND ngày ${i % 12 === 11 ? '19' : '16'}/03/2026`,
      sentDate: i % 12 === 11 ? '2026-03-19' : '2026-03-16',
      tasks: plan.tasks.map((t) => ({ stt: t.stt, name: t.name, result: 'Đã thực hiện', note: '', done: !(t.stt === 4 && i % 3 === 0), cell: `A${30 + t.stt}` })),
      assessment: { weaknesses: 'Kinh phí cho công tác tuyên truyền còn hạn chế.', proposals: i % 10 === 0 ? 'Đề nghị tỉnh tổ chức tập huấn kỹ năng tuyên truyền.' : '' },
    };
    reads.push({ kind: 'report', report, findings: [] });
  });
  return compileReads(reads, {});
}
