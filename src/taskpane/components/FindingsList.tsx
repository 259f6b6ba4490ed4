import * as React from 'react';
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { onRovingKey, useRovingTabStop } from './roving-focus';
import { cellRef, findingParts, hiddenNote, inOpenWorkbook, placeInWords, SEVERITY_LABELS, type Finding } from '../../core/findings';
import { filterFindings, foldRepeated, groupFindings, unitsPhrase, type RepeatedFinding, type SeverityFilter } from '../findings-view';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    minWidth: 0,
    overflowWrap: 'anywhere',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  counts: { marginLeft: 'auto', paddingLeft: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  items: { listStyle: 'none', margin: 0, padding: `0 0 0 ${tokens.spacingHorizontalM}` },
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
  // A finding about a whole sheet or file: plain text in the normal colour, not a pale "disabled" button.
  plain: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  where: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Findings shown per unit before a "Xem thêm" button, to keep the pane quick on big workbooks. */
const PAGE = 50;
/** Groups shown open when there are no more than this many. */
const OPEN_UP_TO = 4;

export interface FindingsListProps {
  findings: readonly Finding[];
  busy: boolean;
  onSelect: (f: Finding) => void;
  /** Set by the tiles Lỗi / Cảnh báo of ResultSummary. */
  filter?: SeverityFilter;
  /** The region's name and the prefix of its ids, when a second list stands beside the review's (Đối chiếu số liệu TTHC). */
  label?: string;
  idPrefix?: string;
  /**
   * Which findings are a button to their cell (onSelect). Default: those on a
   * sheet of the open workbook (core/findings.ts inOpenWorkbook); a finding in
   * a picked file (Tổng hợp từ tệp) says its file, sheet and cell in words
   * instead, for Excel cannot go to a sheet the workbook does not have.
   */
  goesTo?: (f: Finding) => boolean;
  /**
   * The page without Excel (src/app): there is no workbook, so no item says «Đến ô …» nor
   * «không nằm trong sổ làm việc đang mở»; a place is said in words (placeInWords), a
   * button's tooltip too.
   */
  withoutWorkbook?: boolean;
}

/** Said after the place of a finding in a file, so the words do not read as a button switched off. */
const NOT_IN_WORKBOOK = 'không nằm trong sổ làm việc đang mở';

/** `Tệp H01-X001.xlsx, trang "Báo cáo", ô C12`: placeInWords at the head of a line. */
function placeLine(f: Finding): string {
  const words = placeInWords(f);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * `Tệp H01-X001.xlsx, trang "Báo cáo", ô C12 (không nằm trong sổ làm việc đang mở)`: a finding's
 * place that is no button; without a workbook (the page) the place alone.
 */
function filePlaceText(f: Finding, withoutWorkbook: boolean): string {
  return withoutWorkbook ? placeLine(f) : `${placeLine(f)} (${NOT_IN_WORKBOOK})`;
}

/** Where the finding points, unless its message already says so; in words when it is no button (`goes` false). */
function where(f: Finding, goes: boolean, withoutWorkbook: boolean): string {
  if (f.sheet && !goes) return filePlaceText(f, withoutWorkbook);
  const place = f.sheet ? cellRef(f.sheet, f.cell) : '';
  const parts = [f.file && f.file !== f.unit ? f.file : '', place].filter((p) => p && !f.message.includes(p));
  // Not a button: say why, so it does not read as something switched off (on the page without a workbook nothing is a button: no reason to give).
  if (!f.sheet && !withoutWorkbook) parts.push(f.file ? 'Cả tệp, không có ô để chọn' : 'Không gắn với ô nào');
  // A hidden sheet is called hidden wherever it is named (docs/spec/TEMPLATE.md §8; core/findings.ts hiddenNote).
  return parts.join(' · ') + (f.hidden ? hiddenNote(true) : '');
}

function countsText(errors: number, warnings: number): string {
  return [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ');
}

function SeverityBadge({ f }: { f: Pick<Finding, 'severity'> }): React.ReactElement {
  return (
    <Badge appearance="filled" color={f.severity === 'error' ? 'danger' : 'warning'} size="small" style={{ flexShrink: 0, marginTop: 3 }}>
      {SEVERITY_LABELS[f.severity]}
    </Badge>
  );
}

/** One finding: a button to its cell, or plain text when it is about a whole file or not in the open workbook (`goes` false). */
function FindingItem({ f, text, sub, busy, goes, withoutWorkbook, onSelect }: { f: Finding; text: string; sub: string; busy: boolean; goes: boolean; withoutWorkbook: boolean; onSelect: (f: Finding) => void }): React.ReactElement {
  const s = useStyles();
  const body = (
    <>
      <SeverityBadge f={f} />
      <span className={s.itemText}>
        <span>{text}</span>
        {sub && <span className={s.where}>{sub}</span>}
      </span>
    </>
  );
  if (!f.sheet || !goes) return <div className={s.plain}>{body}</div>;
  return (
    // disabledFocusable: while busy the button keeps focus instead of dropping it to the page body.
    <Button appearance="subtle" className={s.item} disabledFocusable={busy} onClick={() => onSelect(f)} title={withoutWorkbook ? placeLine(f) : `Đến ô ${cellRef(f.sheet, f.cell || 'A1')}`}>
      {body}
    </Button>
  );
}

/** A heading that opens and closes what follows it; closed at first on a big list so 120 units fit in a few screens. */
function Collapsible({ id, title, counts, children, startOpen }: { id: string; title: React.ReactNode; counts: string; children: React.ReactNode; startOpen: boolean }): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState(startOpen);
  return (
    <section>
      <h3 className={s.heading}>
        <Button appearance="subtle" className={s.toggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}
          icon={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}>
          <span>{title}</span>
          {/* So a screen reader says "xã A: 1 lỗi", not "xã A1 lỗi". */}
          <span className={s.srOnly}>: </span>
          <span className={s.counts}>{counts}</span>
        </Button>
      </h3>
      {open && <div id={id}>{children}</div>}
    </section>
  );
}

function Paged({ findings, render }: { findings: Finding[]; render: (f: Finding) => React.ReactElement }): React.ReactElement {
  const s = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  return (
    <>
      <ul className={s.items}>
        {findings.slice(0, shown).map((f, i) => (
          <li key={i}>{render(f)}</li>
        ))}
      </ul>
      {findings.length > shown && (
        <Button size="small" appearance="transparent" onClick={() => setShown(shown + PAGE)}>
          Xem thêm {Math.min(PAGE, findings.length - shown)} / {findings.length - shown} mục
        </Button>
      )}
    </>
  );
}

function RepeatedView({ r, id, busy, onSelect, goesTo, withoutWorkbook, startOpen }: { r: RepeatedFinding; id: string; busy: boolean; onSelect: (f: Finding) => void; goesTo: (f: Finding) => boolean; withoutWorkbook: boolean; startOpen: boolean }): React.ReactElement {
  const units = [...new Set(r.findings.map((f) => f.unit || f.file || f.sheet))];
  return (
    <Collapsible id={id} startOpen={startOpen} counts={`${units.length} đơn vị`}
      title={<><SeverityBadge f={r} /> {r.text} — {unitsPhrase(units)}</>}>
      <Paged findings={r.findings} render={(f) => {
        const goes = goesTo(f);
        return <FindingItem f={f} text={f.unit || f.file || f.sheet} sub={f.sheet && !goes ? filePlaceText(f, withoutWorkbook) : findingParts(f).place} busy={busy} goes={goes} withoutWorkbook={withoutWorkbook} onSelect={onSelect} />;
      }} />
    </Collapsible>
  );
}

/**
 * Findings grouped by unit, errors first, each group closed under a heading
 * with its counts; messages repeated in many units folded into one line.
 * The whole list is one Tab stop (arrow keys move inside it), so the buttons
 * after it stay a few Tab presses away however many units there are.
 */
export function FindingsList({ findings, busy, onSelect, filter = 'all', label = 'Lỗi và cảnh báo', idPrefix = '', goesTo = inOpenWorkbook, withoutWorkbook = false }: FindingsListProps): React.ReactElement {
  const s = useStyles();
  const list = React.useRef<HTMLDivElement>(null);
  useRovingTabStop(list);
  const shown = React.useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const { repeated, rest } = React.useMemo(() => foldRepeated(shown), [shown]);
  const groups = React.useMemo(() => groupFindings(rest), [rest]);
  // A few groups are shown open; past that, closed, so the list stays a few screens tall.
  const startOpen = repeated.length + groups.length <= OPEN_UP_TO;
  if (findings.length === 0) return <Text>Không có lỗi hay cảnh báo nào.</Text>;
  if (shown.length === 0) return <Text>Không có {filter === 'error' ? 'lỗi' : 'cảnh báo'} nào.</Text>;
  return (
    <div className={s.list} role="region" aria-label={label} ref={list} onKeyDown={onRovingKey}>
      <Text size={200} className={s.hint}>Dùng phím mũi tên lên, xuống để đi qua danh sách; Enter để mở một đơn vị.</Text>
      {/* Errors before warnings: repeated errors, units with errors, repeated warnings, the other units. */}
      {([true, false] as const).map((errors) => (
        <React.Fragment key={String(errors)}>
          {repeated.map((r, i) => (r.severity === 'error') === errors && (
            <RepeatedView key={`r${i}`} r={r} id={`${idPrefix}lap-lai-${i}`} busy={busy} onSelect={onSelect} goesTo={goesTo} withoutWorkbook={withoutWorkbook} startOpen={startOpen} />
          ))}
          {groups.map((g, i) => (g.errors > 0) === errors && (
            <Collapsible key={g.unit} id={`${idPrefix}don-vi-${i}`} startOpen={startOpen} title={g.unit} counts={countsText(g.errors, g.warnings)}>
              <Paged findings={g.findings} render={(f) => {
                const goes = goesTo(f);
                // In words, the place is said once: the message without the `'Báo cáo'!C12: ` put in front (findingParts).
                return <FindingItem f={f} text={f.sheet && !goes ? findingParts(f).text : f.message} sub={where(f, goes, withoutWorkbook)} busy={busy} goes={goes} withoutWorkbook={withoutWorkbook} onSelect={onSelect} />;
              }} />
            </Collapsible>
          ))}
        </React.Fragment>
      ))}
    </div>
  );
}
