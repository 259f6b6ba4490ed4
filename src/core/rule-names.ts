/**
 * What each rule of a finding is called in Vietnamese: the one home of the
 * rule ids (`group.what`, core/findings.ts Finding.rule) as users read them,
 * in the findings sheet's `Quy tắc` column (layout/findings-sheet.ts) and
 * back again (layout/read-back.ts ruleOfName). The consistency rules' names
 * come from their table (consistency-rules.ts), the K rows' from other-forms.ts. A finding's rule is a RuleId,
 * so a rule without a name does not compile.
 */
import { CONSISTENCY_RULES, consistencyRuleName, type ConsistencyRuleId } from './consistency-rules';
import { OTHER_FORM_RULES } from './other-forms';

type OtherFormRuleId = (typeof OTHER_FORM_RULES)[keyof typeof OTHER_FORM_RULES]['rule'];

const OTHER_NAMES = {
  'approval.changed': 'Số liệu đổi sau khi duyệt',
  'approval.foreign': 'Ghi nhận duyệt ngoài sổ tổng hợp',
  'approval.future': 'Ghi nhận duyệt sau ngày tổng hợp',
  'approval.not-approved': 'Chưa duyệt, không tính',
  'approval.sheet-gone': 'Trang đã duyệt không còn',
  'compile.all-other-period': 'Mọi báo cáo thuộc kỳ khác',
  'compile.ambiguous-unit': 'Tên đơn vị khớp nhiều đơn vị',
  'compile.code-name-mismatch': 'Mã đơn vị không khớp tên',
  'compile.code-shared': 'Hai đơn vị trùng mã',
  'compile.compiled-superseded': 'Báo cáo tổng hợp cũ không tính',
  'compile.cumulative-differs': 'Báo cáo lũy kế khác các kỳ',
  'compile.cumulative-gap': 'Thiếu kỳ để lũy kế',
  'compile.late': 'Nộp muộn',
  'compile.not-in-roster': 'Đơn vị ngoài danh sách kế hoạch',
  'compile.other-period': 'Báo cáo kỳ khác',
  'compile.out-of-scope': 'Đơn vị ngoài phạm vi tổng hợp',
  'compile.own-in-compiled': 'Số liệu của chính đơn vị',
  'compile.parent-mismatch': 'Đơn vị cấp trên không khớp',
  'compile.parent-unknown': 'Chưa biết đơn vị cấp trên',
  'compile.period-mixed': 'Lẫn nhiều kỳ báo cáo',
  'compile.period-options': 'Chưa rõ kỳ báo cáo',
  'compile.plan-duplicate': 'Nhiều kế hoạch',
  'compile.sent-date': 'Ngày gửi không thể đúng',
  'compile.superseded': 'Bản gửi trước, không tính',
  'figure.comma-thousands': 'Dấu phẩy trong số',
  'figure.duplicate-code': 'Trùng mã chỉ tiêu',
  'figure.empty': 'Chỉ tiêu để trống',
  'figure.error-value': 'Ô báo lỗi công thức',
  'figure.formula-text': 'Công thức ghi thành chữ',
  'figure.hours-range': 'Số giờ ngoài 0–24',
  'figure.missing-code': 'Thiếu chỉ tiêu',
  'figure.negative': 'Số âm',
  'figure.no-cached-value': 'Công thức chưa tính',
  'figure.no-table': 'Không có bảng số liệu',
  'figure.not-a-number': 'Không phải số',
  'figure.not-integer': 'Không phải số nguyên',
  'figure.outlier': 'Số liệu khác thường',
  'figure.text-number': 'Số ghi kèm chữ',
  'figure.too-large': 'Số quá lớn',
  'figure.unknown-code': 'Mã chỉ tiêu lạ',
  'file.corrupt': 'Tệp bị hỏng',
  'file.empty': 'Tệp rỗng',
  'file.encrypted': 'Tệp có mật khẩu',
  'file.missing': 'Không thấy tệp',
  'file.no-report': 'Tệp không có báo cáo',
  'file.not-regular': 'Không phải tệp thường',
  'file.not-xlsx': 'Không phải tệp Excel',
  'file.old-format': 'Tệp có mật khẩu hoặc định dạng cũ',
  'file.other-format': 'Tệp định dạng khác',
  'file.symlink': 'Lối tắt, không đọc',
  'file.too-large': 'Tệp quá lớn',
  'file.unreadable': 'Không đọc được tệp',
  'id.date': 'Ngày ghi sai',
  'id.level': 'Cấp ghi sai',
  'id.missing': 'Thiếu thông tin đơn vị',
  'id.no-diacritics': 'Số, ngày văn bản viết không dấu',
  'id.period': 'Kỳ báo cáo ghi sai',
  'id.year': 'Năm ghi sai',
  'input.empty-folder': 'Thư mục trống',
  'plan.deadline': 'Kế hoạch: hạn nộp',
  'plan.from': 'Kế hoạch: từ ngày',
  'plan.level': 'Kế hoạch: cấp',
  'plan.no-tasks': 'Kế hoạch không có nhiệm vụ',
  'plan.not-found': 'Không thấy kế hoạch',
  'plan.period': 'Kế hoạch: kỳ báo cáo',
  'plan.roster-level': 'Kế hoạch: cấp của đơn vị',
  'plan.span': 'Kế hoạch: khoảng thời gian số liệu',
  'plan.task-duplicate': 'Kế hoạch: trùng nhiệm vụ',
  'plan.task-indicator': 'Kế hoạch: chỉ tiêu của nhiệm vụ',
  'plan.task-minimum': 'Kế hoạch: mức tối thiểu',
  'plan.task-stt': 'Kế hoạch: số thứ tự nhiệm vụ',
  'plan.task-threshold': 'Kế hoạch: tỷ lệ hoàn thành',
  'plan.to': 'Kế hoạch: đến ngày',
  'plan.year': 'Kế hoạch: năm',
  'other.unknown': 'Quy tắc khác',
  'previous.empty': 'Kỳ trước không có số liệu',
  'previous.unreadable': 'Không đọc được kỳ trước',
  'read.internal': 'Lỗi chương trình khi đọc',
  'sheet.unreadable': 'Không đọc được trang',
  'task.below-minimum': 'Chưa đạt mức tối thiểu',
  'task.mark-invalid': 'Dấu đánh sai',
  'task.marks': 'Đánh dấu nhiệm vụ',
  'task.missing': 'Thiếu nhiệm vụ',
  'task.name-differs': 'Tên nhiệm vụ khác kế hoạch',
  'task.no-reason': 'Chưa ghi lý do',
  'task.no-result': 'Chưa ghi kết quả',
  'task.no-table': 'Không có bảng nhiệm vụ',
  'task.not-in-plan': 'Nhiệm vụ ngoài kế hoạch',
  'template.unsupported': 'Mẫu báo cáo khác phiên bản',
  'tthc.column-missing': 'Biểu một cửa thiếu cột',
  'tthc.differs': 'Khác số liệu Hệ thống một cửa',
  'tthc.no-header': 'Không phải biểu một cửa',
  'tthc.no-rows': 'Biểu một cửa không có số liệu',
  'tthc.no-unit': 'Biểu một cửa không ghi đơn vị',
  'tthc.not-a-number': 'Biểu một cửa có ô không phải số',
  'tthc.not-in-roster': 'Đơn vị một cửa ngoài danh sách',
  'tthc.total-mismatch': 'Dòng tổng biểu một cửa lệch',
} as const satisfies Readonly<Record<string, string>>;

/**
 * Every rule id a finding can carry: the consistency rules' (their table), the K rows' (other-forms.ts) and the others' (above).
 * Findings take a RuleId (core/findings.ts), so the compiler checks that every rule written has a name.
 */
export type RuleId = ConsistencyRuleId | OtherFormRuleId | keyof typeof OTHER_NAMES;

const NAMES: Readonly<Record<RuleId, string>> = {
  ...(Object.fromEntries(CONSISTENCY_RULES.map((r) => [r.rule, consistencyRuleName(r)])) as Record<ConsistencyRuleId, string>),
  ...(Object.fromEntries(Object.values(OTHER_FORM_RULES).map((r) => [r.rule, r.title])) as Record<OtherFormRuleId, string>),
  ...OTHER_NAMES,
};

/** Group names, for a rule id this table does not know yet. */
const GROUPS: Readonly<Record<string, string>> = {
  approval: 'Duyệt', compile: 'Tổng hợp', contest: 'Cuộc thi', dossier: 'Hồ sơ', figure: 'Số liệu', file: 'Tệp',
  id: 'Thông tin đơn vị', input: 'Đầu vào', other: 'Khác', plan: 'Kế hoạch', previous: 'Kỳ trước', read: 'Đọc', sheet: 'Trang',
  task: 'Nhiệm vụ', template: 'Mẫu', training: 'Hội nghị', tthc: 'Hệ thống một cửa',
};

/** The rule ids that have a name (for the completeness test). */
export const NAMED_RULES: readonly RuleId[] = Object.keys(NAMES) as RuleId[];

/** A rule's Vietnamese name; an id unknown here gets its group's name, never the English id. */
export function ruleName(rule: string): string {
  return (NAMES as Readonly<Record<string, string>>)[rule] ?? GROUPS[rule.split('.')[0]] ?? 'Khác';
}

/** Names earlier versions wrote in findings sheets, still read back to their ids. */
const FORMER_NAMES: Readonly<Record<string, RuleId>> = {
  'Cân đối hồ sơ D4+D5+D6 = D1+D2': 'dossier.balance',
  'Hồ sơ trực tuyến vượt tiếp nhận (D3 ≤ D2)': 'dossier.online',
  'TTHC niêm yết vượt tổng số (D8 ≤ D7)': 'dossier.posted',
  'Có người dự thi, không có cuộc thi': 'contest.participants',
  'Có người dự, không có hội nghị': 'training.participants',
};

const BY_NAME = new Map<string, RuleId>([
  ...(Object.entries(FORMER_NAMES) as [string, RuleId][]),
  ...(Object.entries(NAMES) as [RuleId, string][]).map(([id, name]): [string, RuleId] => [name, id]),
]);

/** Whether a text is a rule id this version knows. */
export function isRuleId(text: string): text is RuleId {
  return Object.prototype.hasOwnProperty.call(NAMES, text);
}

/**
 * The rule id of a name ruleName gave (reading a findings sheet back); an id itself (old sheets)
 * stays as it is; a name or id this version does not know is `other.unknown`.
 */
export function ruleOfName(text: string): RuleId {
  const t = text.trim();
  return BY_NAME.get(t) ?? (isRuleId(t) ? t : 'other.unknown');
}
