import * as React from 'react';
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/findings';
import type { TthcComparison } from '../tthc-actions';
import { NameList } from '../features/notices';
import { FindingsList } from './FindingsList';
import { EXPORT_ACCEPT, HiddenFileInput } from './HiddenFileInput';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '14px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke1}` },
});

export interface TthcCompareProps {
  comparison: TthcComparison | null;
  busy: boolean;
  /** The warning fill, as the legend of Tô màu shows it. */
  fill: string;
  onPick: (files: File[]) => void;
  /**
   * Goes to a difference's cell in the workbook. Without it (the page without Excel, src/app)
   * no line is a button: each says its file, sheet and cell in words.
   */
  onSelect?: (f: Finding) => void;
  onClearColour: () => void;
}

const unitsOf = (findings: readonly Finding[]) => new Set(findings.map((f) => f.unit)).size;

/**
 * «Đối chiếu số liệu TTHC»: the compile's dossier figures (D1–D6, D9, D10) held against the
 * one-stop system's export (docs/spec/TEMPLATE.md §12). Says plainly when nothing differs,
 * which units the export has no row for, and lists each difference (both figures quoted)
 * in the findings list's style, each a way to its cell; after Tổng hợp từ tệp the cell is in
 * the unit's file, not in the workbook, and the list says its file, sheet and cell in words
 * (FindingsList's goesTo); on the page without Excel (no onSelect) every line does.
 */
export function TthcCompare({ comparison: c, busy, fill, onPick, onSelect, onClearColour }: TthcCompareProps): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const headingId = React.useId();
  const listed = c ? [...c.differences, ...c.notInRoster, ...c.exportWarnings] : [];
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={s.heading}>
        Đối chiếu với Hệ thống một cửa
      </h3>
      <div className={s.row}>
        <Button size="small" disabledFocusable={busy} onClick={() => input.current?.click()} title="So số liệu hồ sơ TTHC (D1–D6, D9, D10) của các đơn vị với tệp xuất từ Hệ thống một cửa (.xlsx, .xls)">
          Đối chiếu số liệu TTHC
        </Button>
        {!c && <Caption1 className={s.hint}>chọn tệp xuất từ Hệ thống một cửa</Caption1>}
      </div>
      <HiddenFileInput inputRef={input} multiple accept={EXPORT_ACCEPT} label="Chọn tệp số liệu hồ sơ TTHC để đối chiếu" testId="tthc-compare-files" onPick={onPick} />
      {c && (
        <>
          <Text size={200}>
            {`Tệp ${c.files.join(', ')}: đã đối chiếu số liệu hồ sơ TTHC của ${c.compared} đơn vị.`}
          </Text>
          {c.compared === 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>Không đơn vị nào của lần tổng hợp này có trong tệp của Hệ thống một cửa: không có số liệu nào để đối chiếu. Hãy xem tệp đã chọn có đúng kỳ, đúng địa bàn không.</MessageBarBody>
            </MessageBar>
          ) : c.differences.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{`Không có chênh lệch: số liệu hồ sơ TTHC của ${c.compared} đơn vị khớp với Hệ thống một cửa.`}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {`${c.differences.length} chênh lệch ở ${unitsOf(c.differences)} đơn vị, mỗi dòng ghi số của đơn vị và số của Hệ thống một cửa.`}
                {c.coloured > 0 && ` Đã tô nền vàng ${c.coloured} ô chênh lệch trong sổ làm việc.`}
                {c.skipped.length > 0 && ` Không tô được trang ${c.skipped.map((n) => `«${n}»`).join(', ')}: trang đã bị xóa, đổi tên hoặc đang được bảo vệ.`}
              </MessageBarBody>
            </MessageBar>
          )}
          {c.notInExport.length > 0 && (
            <div>
              <Text size={200} weight="semibold">{`Không có trong tệp của Hệ thống một cửa, chưa đối chiếu (${c.notInExport.length} đơn vị):`}</Text>
              <Text size={200}>
                <NameList names={c.notInExport} />
              </Text>
            </div>
          )}
          {c.coloured > 0 && (
            <div className={s.row}>
              <span className={s.swatch} style={{ backgroundColor: fill }} aria-hidden="true" />
              <Caption1>ô chênh lệch với Hệ thống một cửa</Caption1>
              <Button size="small" disabledFocusable={busy} onClick={onClearColour}>
                Xoá tô màu
              </Button>
            </div>
          )}
          {listed.length > 0 && (onSelect
            ? <FindingsList findings={listed} busy={busy} onSelect={onSelect} label="Chênh lệch với Hệ thống một cửa" idPrefix="tthc-" />
            : <FindingsList findings={listed} busy={busy} onSelect={() => undefined} goesTo={() => false} withoutWorkbook label="Chênh lệch với Hệ thống một cửa" idPrefix="tthc-" />)}
        </>
      )}
    </section>
  );
}
