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
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { APPROVED, NOT_APPROVED, RETURNED } from '../../core/approval';
import type { ReviewItem } from '../approval-actions';
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
});

/** Groups shown open when there are no more than this many units. */
const OPEN_UP_TO = 12;

export interface ApprovalPanelProps {
  items: readonly ReviewItem[];
  busy: boolean;
  onApprove: (item: ReviewItem, password?: string) => void;
  onReturn: (item: ReviewItem, reason: string, password?: string) => void;
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
              <Field label="Lý do trả lại" required validationMessage={tried && missing ? 'Hãy ghi lý do trả lại: lý do được đưa vào Phiếu phản hồi gửi đơn vị.' : undefined}>
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
export function ApprovalPanel({ items, busy, onApprove, onReturn }: ApprovalPanelProps): React.ReactElement | null {
  const s = useStyles();
  const list = React.useRef<HTMLUListElement>(null);
  useRovingTabStop(list);
  const [open, setOpen] = React.useState(items.length <= OPEN_UP_TO);
  const [returning, setReturning] = React.useState<ReviewItem | null>(null);
  const [asking, setAsking] = React.useState(false);
  const [password, setPassword] = React.useState('');
  if (!items.length) return null;
  const given = password || undefined;
  const approved = items.filter((i) => i.state === APPROVED).length;
  const returned = items.filter((i) => i.state === RETURNED).length;
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
          <Text size={200} className={s.hint}>Duyệt: khoá trang của đơn vị và ghi nhận; Trả lại: ghi lý do vào Phiếu phản hồi. Phím mũi tên lên, xuống để đi qua danh sách.</Text>
          <Field label="Mật khẩu khoá trang (không bắt buộc)" hint="Để trống: trang được khoá không mật khẩu. Trang đã khoá bằng mật khẩu cần đúng mật khẩu đó khi Trả lại.">
            <Input type="password" autoComplete="off" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          <ul className={s.items} ref={list} onKeyDown={onRovingKey} aria-label="Báo cáo của các đơn vị">
            {items.map((item) => (
              <li key={item.sheet} className={s.item}>
                <span className={s.unit}>{item.unit}</span>
                <StateBadge state={item.state} />
                <Button size="small" disabledFocusable={busy || item.state === APPROVED} aria-label={`Duyệt báo cáo của ${item.unit}`} onClick={() => onApprove(item, given)}>
                  Duyệt
                </Button>
                <Button size="small" disabledFocusable={busy} aria-label={`Trả lại báo cáo của ${item.unit}`} onClick={() => { setReturning(item); setAsking(true); }}>
                  Trả lại
                </Button>
                {item.state === RETURNED && item.reason && <span className={s.reason}>Lý do trả lại: {item.reason}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ReturnDialog item={returning} open={asking} onClose={() => setAsking(false)} onSubmit={(reason) => {
        setAsking(false);
        if (returning) onReturn(returning, reason, given);
      }} />
    </section>
  );
}
