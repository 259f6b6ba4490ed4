import * as React from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { CompileOutcome } from '../actions';
import { periodPhrase } from '../../core/period-words';
import { missingUnits, unitsPhrase, type SeverityFilter } from '../findings-view';
import { percent, reportingRate } from '../period-steps';

const useStyles = makeStyles({
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalS },
  rateTiles: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  // «148/150» holds in a third of 320 px.
  rateNumber: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, whiteSpace: 'nowrap' },
  tile: {
    minWidth: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} 0`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  links: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  pressed: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground1Selected },
  tileGroup: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const TITLES: Record<CompileOutcome['action'], string> = {
  compile: 'Kết quả tổng hợp',
  compileFiles: 'Kết quả tổng hợp từ tệp',
  check: 'Kết quả kiểm tra',
};

export interface ResultSummaryProps {
  outcome: CompileOutcome;
  busy: boolean;
  onOpenSheet: (name: string) => void;
  /** Which findings the list below shows; the tiles Lỗi and Cảnh báo set it. */
  filter?: SeverityFilter;
  onFilter?: (f: SeverityFilter) => void;
  /** Why the result may no longer hold (an import, the previous period removed); shown above the figures. */
  stale?: string | null;
  /** Receives the result heading, so the pane can move focus there after an action. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/** Counts of reports counted (core/rollup.ts reportsCounted: a cumulative period's sub-period reports too), errors, warnings and missing units, and links to the sheets written. */
export function ResultSummary({ outcome, busy, onOpenSheet, filter = 'all', onFilter, stale, headingRef }: ResultSummaryProps): React.ReactElement {
  const s = useStyles();
  const { counts, result } = outcome;
  const missing = missingUnits(result);
  const [allMissing, setAllMissing] = React.useState(false);
  const rate = reportingRate(result);
  const plain = (label: string, n: number | string, cls?: string, marked = typeof n === 'number' && n > 0, size?: string) => (
    <div className={s.tile} role="group" aria-label={`${label}: ${n}`}>
      <span className={mergeClasses(s.number, size, marked && cls)}>{n}</span>
      <Caption1>{label}</Caption1>
    </div>
  );
  /** A tile that filters the list: pressed shows only that severity, pressed again shows all. */
  const toggle = (label: string, n: number, value: SeverityFilter, cls: string) =>
    !onFilter || n === 0 ? plain(label, n, cls) : (
      // The group carries "Lỗi: 120" as the plain tiles do; the button's name is what it shows ("120 Lỗi").
      <div role="group" aria-label={`${label}: ${n}`} className={s.tileGroup}>
        <Button appearance="subtle" className={mergeClasses(s.tile, filter === value && s.pressed)} aria-pressed={filter === value}
          title={filter === value ? 'Hiện tất cả lỗi và cảnh báo' : `Chỉ hiện ${label.toLowerCase()}`}
          onClick={() => onFilter(filter === value ? 'all' : value)}>
          <span className={mergeClasses(s.number, cls)}>{n}</span>
          <Caption1>{label}</Caption1>
        </Button>
      </div>
    );
  return (
    <section className={s.section} aria-labelledby="ket-qua">
      <h2 id="ket-qua" className={s.heading} ref={headingRef} tabIndex={-1}>
        {TITLES[outcome.action]} {periodPhrase(result.period, result.year)}
      </h2>
      {stale && <Text size={200} weight="semibold" className={s.stale} role="status">{stale}</Text>}
      <div className={s.tiles}>
        {plain('Báo cáo tính', counts.reports)}
        {toggle('Lỗi', counts.errors, 'error', s.error)}
        {toggle('Cảnh báo', counts.warnings, 'warning', s.warning)}
        {plain('Chưa nộp', counts.missing, s.warning)}
      </div>
      {rate && rate.expected > 0 && (
        // The reporting rate as the command line says it («78/82 đơn vị đã nộp, 4 nộp muộn»), and the on-time share.
        <div className={s.rateTiles}>
          {plain('Đã nộp', `${rate.sent}/${rate.expected}`, s.warning, rate.sent < rate.expected, s.rateNumber)}
          {plain('Nộp muộn', rate.late, s.warning, rate.late > 0, s.rateNumber)}
          {plain('Đúng hạn', rate.onTime === null ? '–' : percent(rate.onTime), undefined, false, s.rateNumber)}
        </div>
      )}
      {missing.length > 0 && (
        <Text size={200}>
          Chưa nộp: {allMissing ? missing.join(', ') : unitsPhrase(missing, 3)}.{' '}
          {missing.length > 4 && (
            <Button appearance="transparent" size="small" aria-expanded={allMissing} onClick={() => setAllMissing(!allMissing)}>
              {allMissing ? 'Thu gọn' : `Xem cả ${missing.length} đơn vị`}
            </Button>
          )}
        </Text>
      )}
      {outcome.comparedWith && <Text size={200}>So sánh với kỳ trước: tệp {outcome.comparedWith}.</Text>}
      {outcome.written.length > 0 && (
        <nav className={s.links} aria-label="Các trang đã ghi">
          <Text size={200} weight="semibold">
            Đã ghi {outcome.written.length} trang:
          </Text>
          {outcome.written.map((name) => (
            <Button key={name} appearance="transparent" size="small" disabledFocusable={busy} onClick={() => onOpenSheet(name)} title={`Mở trang ${name}`}>
              {name}
            </Button>
          ))}
        </nav>
      )}
    </section>
  );
}
