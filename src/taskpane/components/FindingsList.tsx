import * as React from 'react';
import { Badge, Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { cellRef, hiddenNote, SEVERITY_LABELS, type Finding } from '../../core/findings';
import { groupFindings } from '../findings-view';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  groupHead: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  item: {
    display: 'flex',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    width: '100%',
    minWidth: 0,
    height: 'auto',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  where: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** Findings shown per unit before a "Xem thêm" button, to keep the pane quick on big workbooks. */
const PAGE = 50;

export interface FindingsListProps {
  findings: readonly Finding[];
  busy: boolean;
  onSelect: (f: Finding) => void;
}

/** Where the finding points, unless its message already says so. */
function where(f: Finding): string {
  const place = f.sheet ? cellRef(f.sheet, f.cell) : '';
  const parts = [f.file && f.file !== f.unit ? f.file : '', place].filter((p) => p && !f.message.includes(p));
  // A hidden sheet is called hidden wherever it is named (spec §8; core/findings.ts hiddenNote).
  return parts.join(' · ') + (f.hidden ? hiddenNote(true) : '');
}

function FindingGroupView({ unit, errors, warnings, findings, busy, onSelect }: {
  unit: string; errors: number; warnings: number; findings: Finding[]; busy: boolean; onSelect: (f: Finding) => void;
}): React.ReactElement {
  const s = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  return (
    <section className={s.group} aria-label={unit}>
      <div className={s.groupHead}>
        <Subtitle2>{unit}</Subtitle2>
        <Text size={200}>
          {[errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ')}
        </Text>
      </div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {findings.slice(0, shown).map((f, i) => (
          <li key={i}>
            <Button
              appearance="subtle"
              className={s.item}
              disabled={busy || !f.sheet}
              onClick={() => onSelect(f)}
              title={f.sheet ? `Đến ô ${cellRef(f.sheet, f.cell || 'A1')}` : undefined}
            >
              <Badge appearance="filled" color={f.severity === 'error' ? 'danger' : 'warning'} size="small" style={{ flexShrink: 0, marginTop: 3 }}>
                {SEVERITY_LABELS[f.severity]}
              </Badge>
              <span className={s.itemText}>
                <span>{f.message}</span>
                {where(f) && <span className={s.where}>{where(f)}</span>}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {findings.length > shown && (
        <Button size="small" appearance="transparent" onClick={() => setShown(shown + PAGE)}>
          Xem thêm {Math.min(PAGE, findings.length - shown)} / {findings.length - shown} mục
        </Button>
      )}
    </section>
  );
}

/** Findings grouped by unit, errors first; clicking one goes to its cell. */
export function FindingsList({ findings, busy, onSelect }: FindingsListProps): React.ReactElement {
  const s = useStyles();
  const groups = React.useMemo(() => groupFindings(findings), [findings]);
  if (groups.length === 0) return <Text>Không có lỗi hay cảnh báo nào.</Text>;
  return (
    <div className={s.list} aria-label="Lỗi và cảnh báo">
      {groups.map((g) => (
        <FindingGroupView key={g.unit} {...g} busy={busy} onSelect={onSelect} />
      ))}
    </div>
  );
}
