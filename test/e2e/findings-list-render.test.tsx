/**
 * The findings list as React renders it (react-dom/server, no browser): what
 * a screen-reader or keyboard user meets at 300 findings. The keyboard walk
 * itself is checked in Chromium (taskpane.e2e.test.ts).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Finding } from '../../src/core/findings';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { ResultSummary } from '../../src/taskpane/components/ResultSummary';
import { TemplateForm } from '../../src/taskpane/components/TemplateForm';
import { PlanForm } from '../../src/taskpane/components/PlanForm';
import { TthcCompare } from '../../src/taskpane/components/TthcCompare';
import type { TthcComparison } from '../../src/taskpane/tthc-actions';
import type { CompileOutcome } from '../../src/taskpane/actions';
import { STATUS_LATE, STATUS_MISSING, STATUS_ON_TIME } from '../../src/core/template';

/** 120 units: each misses Ngày gửi (same words), has one own error, and every third one a warning. */
function bigList(): Finding[] {
  const out: Finding[] = [];
  for (let i = 1; i <= 120; i++) {
    const unit = `UBND xã Số ${i}`, sheet = `xã Số ${i}`;
    out.push({ severity: 'warning', unit, sheet, cell: 'C8', rule: 'id.date', message: `'${sheet}'!C8: Chưa ghi ngày gửi (dd/mm/yyyy).` });
    out.push({ severity: 'error', unit, sheet, cell: 'D14', rule: 'figure.negative', message: `'${sheet}'!D14: Số âm (${-i}).` });
    if (i % 3 === 0) out.push({ severity: 'warning', unit, sheet, cell: 'D20', rule: 'figure.outlier', message: `'${sheet}'!D20: Số ${i * 100} lớn bất thường.` });
  }
  out.push({ severity: 'error', unit: 'hong.xlsx', file: 'hong.xlsx', sheet: '', cell: '', rule: 'file.unreadable', message: 'Tệp "hong.xlsx" bị hỏng.' });
  return out;
}

const render = (findings: Finding[], filter?: 'all' | 'error' | 'warning') =>
  renderToStaticMarkup(<FindingsList findings={findings} busy={false} onSelect={() => undefined} filter={filter} />);

describe('FindingsList at 300 findings', () => {
  const findings = bigList();

  it('starts with every group closed under a heading that gives its counts', () => {
    const html = render(findings);
    const headings = html.match(/<h3[^>]*>/g) ?? [];
    expect(headings.length).toBe(1 + 120 + 1); // the folded Ngày gửi line, 120 units, the damaged file
    expect(html).not.toMatch(/aria-expanded="true"/);
    expect(html).toContain('1 lỗi, 1 cảnh báo');
    // Closed groups: none of the 281 findings is a button yet.
    expect((html.match(/title="Đến ô/g) ?? []).length).toBe(0);
  });

  it('says the message repeated in 120 units once, «… và 118 đơn vị khác»', () => {
    const html = render(findings);
    expect((html.match(/Chưa ghi ngày gửi/g) ?? []).length).toBe(1);
    expect(html).toContain('UBND xã Số 1, UBND xã Số 2 và 118 đơn vị khác');
  });

  it('tells how to move in it by keyboard (the Tab walk itself: taskpane-scale.e2e.test.ts)', () => {
    expect(render(findings)).toContain('Dùng phím mũi tên lên, xuống');
  });

  it('shows errors only when the Lỗi tile filters them', () => {
    const html = render(findings, 'error');
    expect(html).not.toContain('Chưa ghi ngày gửi');
    expect(html).not.toContain('cảnh báo</span>');
    expect(render(findings.filter((f) => f.severity === 'warning'), 'error')).toContain('Không có lỗi nào.');
  });
});

describe('FindingsList on a small workbook', () => {
  const findings: Finding[] = [
    { severity: 'error', unit: 'UBND xã A', sheet: 'xã A', cell: 'D14', rule: 'figure.negative', message: "'xã A'!D14: Số âm." },
    { severity: 'error', unit: 'hong.xlsx', file: 'hong.xlsx', sheet: '', cell: '', rule: 'file.unreadable', message: 'Tệp "hong.xlsx" bị hỏng.' },
  ];

  it('shows its few groups open, a finding with a cell as a button to it', () => {
    const html = render(findings);
    expect(html).not.toMatch(/aria-expanded="false"/);
    expect(html).toContain('title="Đến ô &#x27;xã A&#x27;!D14"');
  });

  it('shows a finding without a cell as plain text, not as a disabled button, and says it has no cell', () => {
    const html = render(findings);
    expect(html).toContain('bị hỏng');
    expect(html).not.toMatch(/disabled/);
    expect(html).toContain('Cả tệp, không có ô để chọn');
  });
});

describe('FindingsList after Tổng hợp từ tệp', () => {
  // The units' reports are in the picked files; the plan is the workbook's own sheet.
  const inFile = (unit: string, file: string, cell: string): Finding =>
    ({ severity: 'error', unit, file, sheet: 'Báo cáo', cell, rule: 'figure.negative', message: `'Báo cáo'!${cell}: Số âm.` });
  const findings: Finding[] = [
    inFile('UBND xã A', 'H01-X001.xlsx', 'C12'),
    { severity: 'warning', unit: 'UBND huyện Thử', sheet: 'Kế hoạch', cell: 'B5', rule: 'plan.deadline', message: "'Kế hoạch'!B5: Chưa ghi hạn nộp." },
  ];

  it("says a file's finding's place in words, with no button to a sheet the workbook does not have", () => {
    const html = render(findings);
    expect(html).toContain('Tệp H01-X001.xlsx, trang &quot;Báo cáo&quot;, ô C12 (không nằm trong sổ làm việc đang mở)');
    expect(html).not.toContain('Đến ô &#x27;Báo cáo&#x27;!C12');
    // The place is said once: not again as `'Báo cáo'!C12` in front of the message.
    expect(html).toContain('>Số âm.<');
  });

  it("keeps the workbook's own sheet (the plan) a button to its cell", () => {
    expect(render(findings)).toContain('title="Đến ô &#x27;Kế hoạch&#x27;!B5"');
  });

  it('says the place in words in a message repeated in many files too', () => {
    const html = render(['X001', 'X002', 'X003'].map((c, i) => inFile(`UBND xã ${c}`, `H01-${c}.xlsx`, `C${12 + i}`)));
    expect((html.match(/Số âm\./g) ?? []).length).toBe(1);
    expect(html).toContain('Tệp H01-X003.xlsx, trang &quot;Báo cáo&quot;, ô C14 (không nằm trong sổ làm việc đang mở)');
    expect(html).not.toContain('title="Đến ô');
  });
});

describe('FindingsList and TthcCompare on the page without Excel (src/app)', () => {
  const f: Finding = { severity: 'warning', unit: 'UBND xã A', file: 'H01-X001.xlsx', sheet: 'Báo cáo', cell: 'D32', rule: 'tthc.differs', message: "'Báo cáo'!D32: D5: đơn vị ghi 4, Hệ thống một cửa 0 (tệp «mot-cua.xlsx», trang «Sheet1», J8)." };

  it('makes a button\'s tooltip the place in words, never «Đến ô …»', () => {
    const html = renderToStaticMarkup(<FindingsList findings={[f]} busy={false} onSelect={() => undefined} goesTo={(x) => !!x.sheet} withoutWorkbook />);
    expect(html).toContain('title="Tệp H01-X001.xlsx, trang &quot;Báo cáo&quot;, ô D32"');
    expect(html).not.toContain('Đến ô');
  });

  it('says a place in words without «không nằm trong sổ làm việc đang mở»: the page has no workbook', () => {
    const html = renderToStaticMarkup(<FindingsList findings={[f]} busy={false} onSelect={() => undefined} goesTo={() => false} withoutWorkbook />);
    expect(html).toContain('>Tệp H01-X001.xlsx, trang &quot;Báo cáo&quot;, ô D32<');
    expect(html).not.toContain('sổ làm việc');
  });

  it('gives no reason why a whole-file finding is no button: on the page nothing is one', () => {
    const row: Finding = { severity: 'warning', unit: 'Xã Lộc Bổn', file: 'mot-cua.xlsx', sheet: '', cell: '', rule: 'tthc.not-in-roster', message: 'Hệ thống một cửa, tệp «mot-cua.xlsx», dòng 10: đơn vị «Xã Lộc Bổn» không có trong danh sách đơn vị của Kế hoạch.' };
    const page = renderToStaticMarkup(<FindingsList findings={[row]} busy={false} onSelect={() => undefined} goesTo={() => false} withoutWorkbook />);
    expect(page).toContain('dòng 10');
    expect(page).not.toContain('không có ô để chọn');
    // In the pane, where other lines are buttons, it says why this one is not.
    const pane = renderToStaticMarkup(<FindingsList findings={[row]} busy={false} onSelect={() => undefined} />);
    expect(pane).toContain('Cả tệp, không có ô để chọn');
  });

  it('lists «Đối chiếu số liệu TTHC» without a button to a cell when given no onSelect', () => {
    const comparison: TthcComparison = { files: ['mot-cua.xlsx'], differences: [f], notInRoster: [], exportWarnings: [], compared: 1, notInExport: [], coloured: 0, skipped: [], saved: new Map() };
    const html = renderToStaticMarkup(<TthcCompare comparison={comparison} busy={false} fill="#FBE29F" onPick={() => undefined} onClearColour={() => undefined} />);
    expect(html).toContain('1 chênh lệch ở 1 đơn vị');
    expect(html).toContain('D5: đơn vị ghi 4, Hệ thống một cửa 0');
    expect(html).toContain('>Tệp H01-X001.xlsx, trang &quot;Báo cáo&quot;, ô D32<');
    expect(html).not.toMatch(/<li><button/);
    expect(html).not.toContain('Đến ô');
    expect(html).not.toContain('sổ làm việc');
    // In the pane the same line is a button to the cell.
    const inPane = renderToStaticMarkup(<TthcCompare comparison={{ ...comparison, differences: [{ ...f, file: undefined }] }} busy={false} fill="#FBE29F" onPick={() => undefined} onSelect={() => undefined} onClearColour={() => undefined} />);
    expect(inPane).toMatch(/<li><button[^>]*title="Đến ô &#x27;Báo cáo&#x27;!D32"/);
  });
});

describe('ResultSummary', () => {
  const child = (unit: string, status: string) => ({ unit, status, isSelf: false });
  const missing = Array.from({ length: 40 }, (_, i) => ({ ...child(`UBND xã Chưa Nộp ${i + 1}`, STATUS_MISSING), unitCode: `X${i}` }));
  const late = Array.from({ length: 3 }, (_, i) => child(`UBND xã Muộn ${i + 1}`, STATUS_LATE));
  const onTime = Array.from({ length: 77 }, (_, i) => child(`UBND xã Đúng Hạn ${i + 1}`, STATUS_ON_TIME));
  const outcome = {
    action: 'compile', written: ['TH 6T 2026'], fileProblems: [], notes: [],
    counts: { units: 80, errors: 120, warnings: 0, missing: 40 },
    result: { period: '6T', year: 2026, summaries: [{ unit: 'UBND huyện Thử', children: [...onTime, ...late, ...missing] }], reports: [], findings: [] },
  } as unknown as CompileOutcome;
  const html = renderToStaticMarkup(<ResultSummary outcome={outcome} busy={false} onOpenSheet={() => undefined} filter="error" onFilter={() => undefined} />);

  it('gives the result a heading the pane can move focus to', () => {
    expect(html).toMatch(/<h2 id="ket-qua"[^>]*tabindex="-1"[^>]*>Kết quả tổng hợp/);
  });

  it('says the units not reporting in one short line, the rest behind a button', () => {
    expect(html).toContain('Chưa nộp: UBND xã Chưa Nộp 1, UBND xã Chưa Nộp 2, UBND xã Chưa Nộp 3 và 37 đơn vị khác.');
    expect(html).not.toContain('Chưa Nộp 40');
    expect(html).toContain('Xem cả 40 đơn vị');
  });

  it('gives the reporting rate, the late count and the on-time rate as tiles, as the command line counts them', () => {
    const expected = onTime.length + late.length + missing.length;
    expect(html).toContain(`aria-label="Đã nộp: ${onTime.length + late.length}/${expected}"`);
    expect(html).toContain(`aria-label="Nộp muộn: ${late.length}"`);
    expect(html).toContain(`aria-label="Đúng hạn: ${Math.round((onTime.length / expected) * 100)}%"`);
  });

  it('lets the Lỗi tile filter the list (pressed), and leaves a zero tile a plain figure', () => {
    expect(html).toMatch(/aria-pressed="true"[^>]*>.*?120.*?Lỗi/);
    expect(html).toContain('aria-label="Cảnh báo: 0"');
  });
});

describe('TemplateForm', () => {
  const html = renderToStaticMarkup(<TemplateForm busy={false} onSubmit={() => undefined} onCancel={() => undefined} />);
  it("leaves the checking to its own Vietnamese messages, not the browser's English «Please fill out this field.»", () => {
    expect(html).toMatch(/<form[^>]*novalidate/i);
    // Fluent's own English label of the Dropdown's (hidden) clear button, read out by screen readers.
    expect(html).not.toContain('Clear selection');
  });
  it('puts examples in the hints under the fields, never in the boxes where they would read as values already filled in', () => {
    expect([...html.matchAll(/placeholder="([^"]*)"/g)]).toEqual([]);
    expect(html).toContain('Ví dụ: UBND xã Hương Lộc');
    // Without a plan: the name should be the roster's.
    expect(html).toContain('Ghi đúng tên như trong danh sách đơn vị của Kế hoạch');
  });
});

describe('PlanForm', () => {
  it("leaves the checking to its own Vietnamese messages (a year typed wrong), not the browser's English", () => {
    const html = renderToStaticMarkup(<PlanForm busy={false} onSubmit={() => undefined} onCancel={() => undefined} />);
    expect(html).toMatch(/<form[^>]*novalidate/i);
    expect(html).not.toMatch(/type="number"/);
  });
});
