/**
 * «Duyệt báo cáo»: each unit's report of the last result with its
 * state (Đã duyệt / Trả lại / Chưa duyệt) and two buttons; «Trả lại» asks
 * for the reason in a small dialog (the reason goes into the unit's Phiếu
 * phản hồi). The list is one Tab stop, arrow keys move inside it, as the
 * findings list (roving-focus.ts). An optional password («no
 * password unless the user gives one») locks approved sheets with it and is
 * asked back to unlock them on Trả lại; kept in memory only, never written.
 */
import * as React from 'react';
import {
  Badge, Button, Dialog, mergeClasses, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { APPROVED, NOT_APPROVED, RETURNED } from '../../core/approval';
import { approvableWithoutErrors, type ReviewItem } from '../approval-actions';
import { onRovingKey, useRovingTabStop } from './roving-focus';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', minWidth: 0, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` },
  counts: { marginLeft: 'auto', paddingLeft: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  // The name on a line of its own, state and buttons under it: at 320 px the rows stay alike whatever the name's length.
  unit: { flexBasis: '100%', overflowWrap: 'anywhere' },
  reason: { flexBasis: '100%', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground2 },
  found: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  foundErrors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

/** Which reports the list shows. */
type ReviewFilter = 'all' | 'errors' | 'pending';
const FILTERS: { value: ReviewFilter; label: string; keep: (i: ReviewItem) => boolean }[] = [
  { value: 'all', label: 'Tất cả', keep: () => true },
  { value: 'errors', label: 'Có lỗi', keep: (i) => i.errors > 0 },
  { value: 'pending', label: 'Chưa duyệt', keep: (i) => i.state !== APPROVED },
];

/** `2 lỗi, 1 cảnh báo`, `Không có lỗi`: what the last result found in the report. */
export function foundPhrase(i: Pick<ReviewItem, 'errors' | 'warnings'>): string {
  const parts = [i.errors ? `${i.errors} lỗi` : '', i.warnings ? `${i.warnings} cảnh báo` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Không có lỗi';
}

/** A question before an action that cannot be taken back lightly: the first button does it, Huỷ (or Esc) does not. */
function ConfirmDialog(p: { open: boolean; title: string; body: string; confirm: string; onConfirm: () => void; onClose: () => void }): React.ReactElement {
  return (
    <Dialog open={p.open} modalType="alert" onOpenChange={(_e, d) => { if (!d.open) p.onClose(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogContent>{p.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={p.onConfirm}>{p.confirm}</Button>
            <Button onClick={p.onClose}>Huỷ</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Groups shown open when there are no more than this many units. */
const OPEN_UP_TO = 12;

export interface ApprovalPanelProps {
  items: readonly ReviewItem[];
  busy: boolean;
  onApprove: (item: ReviewItem, password?: string) => void;
  onReturn: (item: ReviewItem, reason: string, password?: string) => void;
  /** «Duyệt các báo cáo không có lỗi», after the officer confirms how many. */
  onApproveMany?: (items: ReviewItem[], password?: string) => void;
}

function StateBadge({ state }: { state: ReviewItem['state'] }): React.ReactElement {
  const color = state === APPROVED ? 'success' : state === RETURNED ? 'danger' : 'informative';
  return <Badge appearance={state ? 'filled' : 'outline'} color={color} size="medium" style={{ flexShrink: 0 }}>{state ?? NOT_APPROVED}</Badge>;
}

/** The reason asked before Trả lại: required, said in Vietnamese (noValidate: no English browser message). */
function ReturnDialog({ item, open, onSubmit, onClose }: { item: ReviewItem | null; open: boolean; onSubmit: (reason: string) => void; onClose: () => void }): React.ReactElement {
  const [reason, setReason] = React.useState('');
  const [tried, setTried] = React.useState(false);
  React.useEffect(() => {
    if (open) {
      setReason('');
      setTried(false);
    }
  }, [open]);
  const missing = !reason.trim();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!missing) onSubmit(reason.trim());
  };
  // Kept mounted and closed through `open`, so Fluent gives the rest of the pane back to assistive technology and focus.
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, d) => { if (!d.open) onClose(); }}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Trả lại báo cáo của {item?.unit}</DialogTitle>
            <DialogContent>
              <Field label="Lý do trả lại" required validationMessage={tried && missing ? 'Hãy ghi lý do trả lại: lý do được đưa vào văn bản phản hồi gửi đơn vị.' : undefined}>
                <Textarea value={reason} resize="vertical" placeholder="Ví dụ: Số liệu D4 + D5 không khớp D2; đề nghị kiểm tra và gửi lại." onChange={(_e, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">Trả lại</Button>
              <Button onClick={onClose}>Huỷ</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** The review list; nothing when the result has no report of the open workbook (Tổng hợp từ tệp). */
export function ApprovalPanel({ items, busy, onApprove, onReturn, onApproveMany }: ApprovalPanelProps): React.ReactElement | null {
  const s = useStyles();
  const list = React.useRef<HTMLUListElement>(null);
  useRovingTabStop(list);
  const [open, setOpen] = React.useState(items.length <= OPEN_UP_TO);
  const [returning, setReturning] = React.useState<ReviewItem | null>(null);
  const [asking, setAsking] = React.useState(false);
  const [password, setPassword] = React.useState('');
  const [filter, setFilter] = React.useState<ReviewFilter>('all');
  /** The report with errors whose Duyệt waits for «Vẫn duyệt». */
  const [withErrors, setWithErrors] = React.useState<ReviewItem | null>(null);
  const [confirmMany, setConfirmMany] = React.useState(false);
  /** After the Trả lại dialog closes, focus goes back to the row's Trả lại button, not to the page body. */
  const refocus = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (asking || withErrors || !refocus.current) return;
    const sheet = refocus.current;
    refocus.current = null;
    // After Fluent's own focus restore (which goes to the body when the dialog had no trigger).
    const t = setTimeout(() => list.current?.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(sheet)}"]`)?.focus(), 0);
    return () => clearTimeout(t);
  }, [asking, withErrors]);
  if (!items.length) return null;
  const given = password || undefined;
  const approved = items.filter((i) => i.state === APPROVED).length;
  const returned = items.filter((i) => i.state === RETURNED).length;
  const shown = items.filter(FILTERS.find((f) => f.value === filter)!.keep);
  const clean = approvableWithoutErrors(items);
  const approve = (item: ReviewItem) => (item.errors > 0 ? setWithErrors(item) : onApprove(item, given));
  const counts = [`${approved} đã duyệt`, returned ? `${returned} trả lại` : '', `${items.length - approved - returned} chưa duyệt`].filter(Boolean).join(', ');
  return (
    <section className={s.section} aria-labelledby="duyet-bao-cao">
      <h2 className={s.heading} id="duyet-bao-cao">
        <Button appearance="subtle" className={s.toggle} aria-expanded={open} aria-controls="duyet-danh-sach" onClick={() => setOpen(!open)}
          icon={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}>
          <span>Duyệt báo cáo</span>
          <span className={s.counts}>{counts}</span>
        </Button>
      </h2>
      {open && (
        <div id="duyet-danh-sach">
          <Text size={200} className={s.hint}>Duyệt: khoá trang của đơn vị và ghi nhận; Trả lại: ghi lý do vào văn bản phản hồi gửi đơn vị. Phím mũi tên lên, xuống để đi qua danh sách.</Text>
          <Field label="Mật khẩu khoá trang (không bắt buộc)" hint="Để trống: trang được khoá không mật khẩu. Trang đã khoá bằng mật khẩu cần đúng mật khẩu đó khi Trả lại.">
            <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          {onApproveMany && (
            <div className={s.tools}>
              <Button size="small" appearance="primary" disabledFocusable={busy || clean.length === 0} onClick={() => setConfirmMany(true)}>
                {`Duyệt các báo cáo không có lỗi (${clean.length})`}
              </Button>
            </div>
          )}
          <div className={s.tools} role="group" aria-label="Lọc danh sách duyệt">
            {FILTERS.map((f) => (
              <Button key={f.value} size="small" appearance={filter === f.value ? 'primary' : 'subtle'} aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
                {`${f.label} (${items.filter(f.keep).length})`}
              </Button>
            ))}
          </div>
          <ul className={s.items} ref={list} onKeyDown={onRovingKey} aria-label="Báo cáo của các đơn vị">
            {shown.map((item) => (
              <li key={item.sheet} className={s.item}>
                <span className={s.unit}>{item.unit}</span>
                <StateBadge state={item.state} />
                <span className={mergeClasses(s.found, item.errors > 0 && s.foundErrors)}>{foundPhrase(item)}</span>
                <Button size="small" disabledFocusable={busy || item.state === APPROVED} aria-label={`Duyệt báo cáo của ${item.unit}`} onClick={() => approve(item)}>
                  Duyệt
                </Button>
                <Button size="small" disabledFocusable={busy} data-sheet={item.sheet} aria-label={`Trả lại báo cáo của ${item.unit}`} onClick={() => { setReturning(item); setAsking(true); }}>
                  Trả lại
                </Button>
                {item.state === RETURNED && item.reason && <span className={s.reason}>Lý do trả lại: {item.reason}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ReturnDialog item={returning} open={asking} onClose={() => { refocus.current = returning?.sheet ?? null; setAsking(false); }} onSubmit={(reason) => {
        refocus.current = returning?.sheet ?? null;
        setAsking(false);
        if (returning) onReturn(returning, reason, given);
      }} />
      <ConfirmDialog open={!!withErrors} title={`Báo cáo của ${withErrors?.unit ?? ''} còn ${withErrors?.errors ?? 0} lỗi`}
        body="Duyệt báo cáo còn lỗi thì số liệu sai được tính vào tổng hợp. Nên Trả lại để đơn vị sửa; chỉ duyệt khi đã biết lỗi không ảnh hưởng."
        confirm="Vẫn duyệt" onClose={() => { refocus.current = withErrors?.sheet ?? null; setWithErrors(null); }}
        onConfirm={() => { const item = withErrors; setWithErrors(null); if (item) onApprove(item, given); }} />
      <ConfirmDialog open={confirmMany} title={`Duyệt ${clean.length} báo cáo không có lỗi?`}
        body={`${clean.length} báo cáo chưa duyệt và không có lỗi sẽ được duyệt và khoá trang${given ? ' bằng mật khẩu đã nhập' : ''}. ${items.filter((i) => i.state !== APPROVED && i.errors > 0).length} báo cáo còn lỗi không được duyệt.`}
        confirm={`Duyệt ${clean.length} báo cáo`} onClose={() => setConfirmMany(false)}
        onConfirm={() => { setConfirmMany(false); onApproveMany?.(clean, given); }} />
    </section>
  );
}
