import * as React from 'react';
import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { CompileOutcome } from '../actions';
import { periodPhrase } from '../../core/period-words';
import { missingUnits } from '../findings-view';

const useStyles = makeStyles({
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalS },
  tile: {
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
}

/** Counts of units, errors, warnings and missing units, and links to the sheets written. */
export function ResultSummary({ outcome, busy, onOpenSheet }: ResultSummaryProps): React.ReactElement {
  const s = useStyles();
  const { counts, result } = outcome;
  const missing = missingUnits(result);
  const tile = (label: string, n: number, cls?: string) => (
    <div className={s.tile} role="group" aria-label={`${label}: ${n}`}>
      <span className={`${s.number} ${n > 0 && cls ? cls : ''}`}>{n}</span>
      <Caption1>{label}</Caption1>
    </div>
  );
  return (
    <section className={s.section} aria-label={TITLES[outcome.action]}>
      <Subtitle2>
        {TITLES[outcome.action]} {periodPhrase(result.period, result.year)}
      </Subtitle2>
      <div className={s.tiles}>
        {tile('Đơn vị', counts.units)}
        {tile('Lỗi', counts.errors, s.error)}
        {tile('Cảnh báo', counts.warnings, s.warning)}
        {tile('Chưa nộp', counts.missing, s.warning)}
      </div>
      {missing.length > 0 && <Text size={200}>Chưa nộp: {missing.join(', ')}.</Text>}
      {outcome.comparedWith && <Text size={200}>So sánh với kỳ trước: tệp {outcome.comparedWith}.</Text>}
      {outcome.written.length > 0 && (
        <nav className={s.links} aria-label="Các trang đã ghi">
          <Text size={200} weight="semibold">
            Đã ghi {outcome.written.length} trang:
          </Text>
          {outcome.written.map((name) => (
            <Button key={name} appearance="transparent" size="small" disabled={busy} onClick={() => onOpenSheet(name)} title={`Mở trang ${name}`}>
              {name}
            </Button>
          ))}
        </nav>
      )}
    </section>
  );
}
