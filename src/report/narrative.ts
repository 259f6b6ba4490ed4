/**
 * The report's prose, as plain blocks (heading / paragraph / list item),
 * written from ReportData in the style of the seeds' district and commune
 * reports. docx-report.ts only lays these blocks out, so the wording can be
 * tested without opening a .docx.
 */
import {
  ASSESSMENT_LABELS, INDICATOR_GROUPS, INDICATORS, RATES, STATUS_LATE, STATUS_MISSING, computeRates,
  type AssessmentKey, type Indicator, type IndicatorGroup, type RateDef,
} from '../core/template';
import { foldLoose } from '../core/text';
import { unitCount } from '../core/rollup';
import { unitKey } from '../core/unit-names';
import { changePhrase } from './compare';
import { formatIsoDateShort, formatNumberVi, formatPercentVi, twoDigits } from './format';
import { areaWord } from './names';
import { periodPhrase, spanPhrase } from '../core/periods';
import { OTHER_FORMS_TITLE, otherFormsPhrase } from '../core/other-forms';
import { fullUnitName, namesAndRest, withoutCommitteePrefix } from '../core/unit-names';
import { subordinateGroups } from './tiers';
import type { ReportChild, ReportData } from './report-data';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; text: string };

/** `Kết quả công tác tuyên truyền cải cách hành chính quý I năm 2024` (the trích yếu). */
export function subjectLine(d: Pick<ReportData, 'period' | 'year'>): string {
  return `Kết quả công tác tuyên truyền cải cách hành chính ${periodPhrase(d.period, d.year)}`;
}

/** How the unit calls itself inside sentences: `UBND huyện Nam Đông`. */
function selfName(d: ReportData): string {
  return d.unit.trim();
}

const sentence = (s: string) => {
  const t = s.trim().replace(/[\s;,:]+$/, '');
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

/** Children other than the issuing unit's own sheet: the units it directs. */
function subordinates(d: ReportData): ReportChild[] {
  return d.children.filter((c) => !c.isSelf);
}

/** `các xã, phường`, `các phòng, ban`: how the seeds name the units under the issuing body (tiers.ts). */
function subordinatesPhrase(d: ReportData): string {
  const parts = subordinateGroups(d.period, d.year, subordinates(d));
  return parts.length ? parts.join('; ') : 'các cơ quan, đơn vị';
}

/** Units named in the body before the rest are only counted: the full list is the units' Phụ lục. */
const MAX_LISTED = 10;

/** `xã A, xã B` or, past `max` names, the first `max - 2` and `và N đơn vị khác` (core/unit-names.ts namesAndRest). */
const firstUnits = (units: string[], max: number): string => namesAndRest(units.map(withoutCommitteePrefix), max - 2, { upTo: max });
const someUnits = (units: string[]) => firstUnits(units, MAX_LISTED);

/**
 * The report's appendices and what each is called: the tasks (when the plan
 * has any) and the units with their reports (when the issuing body directs
 * any). One appendix is «Phụ lục», two are «Phụ lục I» and «Phụ lục II».
 */
export function appendixNames(d: Pick<ReportData, 'tasks' | 'children'>): { tasks?: string; units?: string } {
  const hasTasks = d.tasks.length > 0;
  const hasUnits = d.children.some((c) => !c.isSelf);
  if (hasTasks && hasUnits) return { tasks: 'Phụ lục I', units: 'Phụ lục II' };
  return { ...(hasTasks ? { tasks: 'Phụ lục' } : {}), ...(hasUnits ? { units: 'Phụ lục' } : {}) };
}

function directionBlocks(d: ReportData): Block[] {
  const out: Block[] = [{ kind: 'heading', text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' }];
  const subs = subordinates(d);
  const tasksDone = d.tasks.filter((t) => t.complete === true).length;
  let plan = `Thực hiện kế hoạch tuyên truyền cải cách hành chính năm ${d.year}`;
  if (d.tasks.length) plan += ` với ${twoDigits(d.tasks.length)} nhiệm vụ`;
  plan += `, ${selfName(d)} đã chỉ đạo ${subordinatesPhrase(d)} xây dựng kế hoạch của đơn vị và triển khai thực hiện công tác tuyên truyền cải cách hành chính bằng nhiều hình thức phù hợp với chức năng, nhiệm vụ và điều kiện thực tế`;
  const names = appendixNames(d);
  if (d.tasks.length) plan += `; đến nay đã hoàn thành ${tasksDone}/${d.tasks.length} nhiệm vụ (chi tiết tại ${names.tasks} kèm theo)`;
  out.push({ kind: 'para', text: sentence(plan) });

  // The same count as the summary sheet's «Đã nộp N/M» and the Phụ lục's «N/M đơn vị hoàn thành» (core/rollup.ts unitCount).
  // Counts, not every unit's document: who sent what and when is the units' Phụ lục.
  const units = unitCount(d.children);
  if (subs.length) {
    const { late, missing } = units;
    let s = `Có ${units.sent}/${units.expected} đơn vị gửi báo cáo kết quả thực hiện`;
    if (late.length) s += `, trong đó ${late.length} đơn vị gửi muộn so với thời hạn${d.deadline ? ` (${formatIsoDateShort(d.deadline)})` : ''}: ${someUnits(late)}`;
    if (missing.length) s += `; ${missing.length} đơn vị chưa gửi báo cáo: ${someUnits(missing)}`;
    if (names.units) s += ` (danh sách đơn vị, số và ngày văn bản báo cáo tại ${names.units} kèm theo)`;
    out.push({ kind: 'para', text: sentence(s) });
  }
  return out;
}

/** A child as named in a sentence: `xã Hương Lộc`; the issuing unit's own sheet is `UBND huyện` (its own activities, not the district total). */
function childName(d: ReportData, c: ReportChild): string {
  return c.isSelf ? `UBND ${areaWord(d.unit)}` : withoutCommitteePrefix(c.unit);
}

/** Counted children: those whose figures entered the totals. */
const counted = (d: ReportData) => d.children.filter((c) => c.figures);

/** Top contributors of a summed indicator: `(nhiều nhất: xã Hương Lộc 12 tin, bài; …)`. */
function contributors(d: ReportData, ind: Indicator): string {
  const withValue = d.children
    .filter((c) => c.figures && (c.figures[ind.code] ?? 0) > 0)
    .map((c) => ({ unit: childName(d, c), v: c.figures![ind.code] as number }))
    .sort((a, b) => b.v - a.v);
  if (withValue.length === 0 || d.children.length < 2) return '';
  if (withValue.length === 1) return ` (do ${withValue[0].unit} thực hiện)`;
  const top = withValue.slice(0, 3).map((x) => `${x.unit} ${formatNumberVi(x.v)} ${ind.unit}`);
  return ` (nhiều nhất: ${top.join('; ')})`;
}

/** `Tin, bài…` → `tin, bài…` (inside a list; abbreviations such as `CCHC`, `TTHC` stay). */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s;
}

/** A summed figure that is 0, reported by some unit, with no previous non-zero figure to compare with. */
function isQuietZero(d: ReportData, ind: Indicator): boolean {
  if (ind.rollup !== 'sum' || d.figures[ind.code] !== 0) return false;
  if ((d.emptyCounts[ind.code] ?? 0) >= counted(d).length) return false;
  const prev = d.previous?.ref ? d.previous.figures[ind.code] : null;
  return !prev;
}

function indicatorItem(d: ReportData, ind: Indicator): Block {
  const v = d.figures[ind.code];
  const label = ind.label.replace(/^Trong đó:\s*/i, 'Trong đó, ');
  let s: string;
  const empty = d.emptyCounts[ind.code] ?? 0;
  const nobody = v === null || v === undefined || (v === 0 && empty > 0 && empty >= counted(d).length);
  if (nobody) {
    s = `${label}: chưa có đơn vị báo cáo số liệu`;
  } else if (ind.rollup === 'mean') {
    const n = d.children.filter((c) => c.figures && c.figures[ind.code] !== null && c.figures[ind.code] !== undefined).length;
    s = `${label}: ${formatNumberVi(v, 1)} ${ind.unit}${n > 1 ? ` (bình quân của ${n} đơn vị)` : ''}`;
  } else {
    s = `${label}: ${formatNumberVi(v)} ${ind.unit}${contributors(d, ind)}`;
  }
  const prev = d.previous;
  if (!nobody && prev?.ref) {
    const c = changePhrase(v, prev.figures[ind.code], prev.ref, ind.unit);
    if (c) s += `, ${c}`;
  }
  if (!nobody && empty) s += `; ${empty} đơn vị chưa báo cáo chỉ tiêu này`;
  return { kind: 'item', text: `- ${sentence(s)}` };
}

function rateItem(d: ReportData, r: RateDef): Block | null {
  const rate = d.rates[r.key];
  if (rate === null || rate === undefined) return null;
  const sum = (codes: typeof r.numerator) => codes.reduce((s, c) => s + (d.figures[c] ?? 0), 0);
  const unit = INDICATORS.find((i) => i.code === r.denominator[0])?.unit ?? '';
  let s = `${r.label}: ${formatNumberVi(sum(r.numerator))}/${formatNumberVi(sum(r.denominator))} ${unit}, đạt ${formatPercentVi(rate)}`;
  const prev = d.previous;
  if (prev?.ref) {
    const pr = computeRates(prev.figures)[r.key];
    if (pr !== null) {
      const pts = Math.round((rate - pr) * 1000) / 10;
      s += pts === 0
        ? `, bằng ${prev.ref.label}`
        : `, ${pts > 0 ? 'tăng' : 'giảm'} ${formatNumberVi(Math.abs(pts), 1)} điểm phần trăm so với ${prev.ref.label}`;
    }
  }
  return { kind: 'item', text: `- ${sentence(s)}` };
}

function resultBlocks(d: ReportData): Block[] {
  const out: Block[] = [{ kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' }];
  out.push({
    kind: 'para',
    text: sentence(`Trong ${periodPhrase(d.period, d.year)}${d.span ? ` (${spanPhrase(d.span)})` : ''}, công tác tuyên truyền cải cách hành chính trên địa bàn ${areaWord(d.unit)} được triển khai trên nhiều hình thức, kết quả cụ thể như sau`).replace(/\.$/, ':'),
  });
  const groups = Object.keys(INDICATOR_GROUPS) as IndicatorGroup[];
  groups.forEach((g, i) => {
    out.push({ kind: 'subheading', text: `${i + 1}. ${INDICATOR_GROUPS[g]}` });
    const rates = RATES.filter((r) => INDICATORS.find((x) => x.code === r.denominator[0])?.group === g);
    const inds = INDICATORS.filter((x) => x.group === g);
    // A row of zeros reads badly: outside the dossier figures (where 0 late is a result), zeros
    // with nothing to compare are named together in one line.
    const quiet = rates.length ? [] : inds.filter((ind) => isQuietZero(d, ind));
    for (const ind of inds) if (!quiet.includes(ind)) out.push(indicatorItem(d, ind));
    if (quiet.length) {
      const names = quiet.map((ind, j) => (j === 0 ? ind.label : lowerFirst(ind.label)));
      out.push({ kind: 'item', text: `- ${sentence(`${names.join('; ')}: chưa có kết quả trong kỳ`)}` });
    }
    // Rates sit with the indicators they are computed from.
    for (const r of rates) {
      const b = rateItem(d, r);
      if (b) out.push(b);
    }
  });
  if (d.otherForms?.length) {
    out.push({ kind: 'subheading', text: `${groups.length + 1}. ${OTHER_FORMS_TITLE}` });
    out.push({ kind: 'para', text: sentence(otherFormsPhrase(d.otherForms, formatNumberVi)) });
  }
  return out;
}

/** One assessment text may hold several points (`- a\n- b`): split them into separate points. */
function splitPoints(text: string): string[] {
  return text
    .split(/\r?\n|(?:^|\s)[•·]\s*/)
    .map((p) => p.replace(/^\s*[-+*•·–]\s*/, '').trim())
    .filter((p) => p.length > 0);
}

/** A key's texts, deduplicated by folded text, each attributed to the units that wrote it. */
export function compileAssessments(d: ReportData, key: AssessmentKey): { text: string; units: string[] }[] {
  const byKey = new Map<string, { text: string; units: string[] }>();
  for (const a of d.assessments.filter((x) => x.key === key)) {
    for (const p of splitPoints(a.text)) {
      const k = foldLoose(p);
      if (!k) continue;
      const e = byKey.get(k);
      const units = a.unit ? [a.unit] : [];
      if (!e) byKey.set(k, { text: p, units });
      else if (a.unit && !e.units.includes(a.unit)) e.units.push(a.unit);
    }
  }
  return [...byKey.values()];
}

/** Units that wrote a point: all of them up to MAX_NAMED, else the first ones and how many more. */
const MAX_NAMED = 5;
const attribution = (units: string[]) => firstUnits(units, MAX_NAMED);

/** Each point once, with the units that wrote it in brackets (the issuing unit's own points are not bracketed). */
function assessmentItems(d: ReportData, key: AssessmentKey): Block[] {
  const self = unitKey(d.unit);
  return compileAssessments(d, key).map((a) => {
    const others = a.units.filter((u) => unitKey(u) !== self);
    return {
      kind: 'item' as const,
      text: `- ${sentence(others.length ? `${sentence(a.text).replace(/\.$/, '')} (${attribution(others)})` : a.text)}`,
    };
  });
}

const notDoneTasks = (d: ReportData) => d.tasks.filter((t) => t.complete === false);

/** `nhiệm vụ 4: Niêm yết … (16/17 đơn vị hoàn thành, yêu cầu 100%)`: the Phụ lục's result, so the body says why it is not done. */
function notDoneTask(t: ReportData['tasks'][number]): string {
  const result = t.result.trim().replace(/\s*\((yêu cầu [^)]*)\)$/, ', $1');
  return `nhiệm vụ ${t.stt}: ${t.name.trim().replace(/[.;]+$/, '')}${result ? ` (${result})` : ''}`;
}

function assessmentBlocks(d: ReportData): Block[] {
  const out: Block[] = [{ kind: 'heading', text: 'III. ĐÁNH GIÁ CHUNG' }];
  const label = (k: AssessmentKey) => ASSESSMENT_LABELS.find((a) => a.key === k)!.label;

  out.push({ kind: 'subheading', text: `1. Ưu điểm` });
  const done = d.tasks.filter((t) => t.complete === true).length;
  if (d.tasks.length) out.push({ kind: 'item', text: `- Hoàn thành ${done}/${d.tasks.length} nhiệm vụ theo kế hoạch tuyên truyền cải cách hành chính năm ${d.year}.` });
  for (const r of RATES) {
    const v = d.rates[r.key];
    if (v !== null && v !== undefined && v >= 0.9) out.push({ kind: 'item', text: `- ${r.label} đạt ${formatPercentVi(v)}.` });
  }
  out.push(...assessmentItems(d, 'strengths'));
  if (out.length === 2) {
    out.push({ kind: 'para', text: `Các đơn vị chưa nêu ${label('strengths').toLocaleLowerCase('vi-VN')} trong báo cáo.` });
  }

  out.push({ kind: 'subheading', text: `2. Hạn chế, khó khăn` });
  const before = out.length;
  const nd = notDoneTasks(d);
  if (nd.length) out.push({ kind: 'item', text: sentence(`- Còn ${nd.length} nhiệm vụ chưa hoàn thành: ${nd.map(notDoneTask).join('; ')}`) });
  const subs = subordinates(d);
  const late = subs.filter((c) => c.status === STATUS_LATE).map((c) => c.unit);
  const missing = subs.filter((c) => c.status === STATUS_MISSING).map((c) => c.unit);
  if (late.length || missing.length) {
    const parts: string[] = [];
    if (missing.length) parts.push(`chưa gửi báo cáo: ${someUnits(missing)}`);
    if (late.length) parts.push(`gửi báo cáo muộn: ${someUnits(late)}`);
    out.push({ kind: 'item', text: sentence(`- Một số đơn vị chưa thực hiện nghiêm chế độ báo cáo (${parts.join('; ')})`) });
  }
  out.push(...assessmentItems(d, 'weaknesses'));
  if (out.length === before) out.push({ kind: 'para', text: 'Các đơn vị chưa nêu hạn chế, khó khăn trong báo cáo.' });
  return out;
}

function proposalBlocks(d: ReportData): Block[] {
  const out: Block[] = [{ kind: 'heading', text: 'IV. KIẾN NGHỊ, ĐỀ XUẤT' }];
  const items = assessmentItems(d, 'proposals');
  out.push(...(items.length ? items : [{ kind: 'para' as const, text: 'Các đơn vị không có kiến nghị, đề xuất.' }]));
  return out;
}

function nextPeriodPhrase(d: ReportData): string {
  return d.period === 'Năm' ? `năm ${d.year + 1}` : 'kỳ tới';
}

function nextStepBlocks(d: ReportData): Block[] {
  const out: Block[] = [{ kind: 'heading', text: `V. PHƯƠNG HƯỚNG, NHIỆM VỤ ${nextPeriodPhrase(d).toLocaleUpperCase('vi-VN')}` }];
  const nd = notDoneTasks(d);
  if (nd.length) out.push({ kind: 'item', text: sentence(`- Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành: ${nd.map((t) => t.name.trim().replace(/[.;]+$/, '')).join('; ')}`) });
  out.push(...assessmentItems(d, 'nextSteps'));
  out.push({
    kind: 'item',
    text: d.period === 'Năm'
      ? `- Xây dựng và ban hành kế hoạch tuyên truyền cải cách hành chính năm ${d.year + 1}; đa dạng hóa các hình thức tuyên truyền trên địa bàn ${areaWord(d.unit)}.`
      : `- Tiếp tục triển khai kế hoạch tuyên truyền cải cách hành chính năm ${d.year}; đa dạng hóa các hình thức tuyên truyền trên địa bàn ${areaWord(d.unit)}.`,
  });
  return out;
}

/** The whole body, from the opening sentence to the closing `./.`. */
export function narrativeBlocks(d: ReportData): Block[] {
  const opening: Block = {
    kind: 'para',
    text: `Trên cơ sở báo cáo của các cơ quan, đơn vị, ${selfName(d)} báo cáo kết quả công tác tuyên truyền cải cách hành chính ${periodPhrase(d.period, d.year)}, cụ thể như sau:`,
  };
  const closing: Block = {
    kind: 'para',
    text: `Trên đây là báo cáo kết quả công tác tuyên truyền cải cách hành chính ${periodPhrase(d.period, d.year)} của ${selfName(d)}${d.parentBody ? `, kính báo cáo ${fullUnitName(d.parentBody)} theo dõi, chỉ đạo` : ''}./.`,
  };
  return [opening, ...directionBlocks(d), ...resultBlocks(d), ...assessmentBlocks(d), ...proposalBlocks(d), ...nextStepBlocks(d), closing];
}
