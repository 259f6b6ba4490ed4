import * as React from 'react';
import { useFormStyles } from './form-styles';
import { Button, Caption1, Combobox, Divider, Dropdown, Field, Input, Label, makeStyles, Option, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { EXPORT_ACCEPT, HiddenFileInput } from './HiddenFileInput';
import type { UnitIdentity } from '../../core/model';
import { LEVEL_NAMES, PERIODS, needsParent, type Level, type Period } from '../../core/template';
import { foldLoose } from '../../core/text';
import { unitKey } from '../../core/unit-names';
import { templateFormProblem, type TemplateDefaults, type TemplateForm as Form } from '../actions';

/** A labelled dropdown of fixed choices (Cấp, Kỳ báo cáo): the value shown is the value chosen. */
function ChoiceField<T extends string>(p: { label: string; className: string; value: T; options: readonly T[]; onChange: (v: T) => void }): React.ReactElement {
  return (
    <Field label={p.label}>
      <Dropdown className={p.className} clearButton={{ 'aria-label': 'Xoá lựa chọn' }} value={p.value} selectedOptions={[p.value]} onOptionSelect={(_e, d) => d.optionValue && p.onChange(d.optionValue as T)}>
        {p.options.map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** What the picker shows under a unit's name: `Mã 19363 · Xã · thuộc UBND tỉnh Quảng Trị`. */
export function rosterDetail(u: UnitIdentity): string {
  return [u.unitCode ? `Mã ${u.unitCode}` : '', u.level ?? '', u.parent ? `thuộc ${u.parent}` : ''].filter(Boolean).join(' · ');
}

/** The example under Đơn vị cấp trên: the plan's own compiling unit (its province), never another province's. */
export function parentHint(planUnit: string | undefined): string {
  return planUnit?.trim() ? `Ví dụ: ${planUnit.trim()}` : 'Tên đầy đủ của đơn vị nhận báo cáo, ví dụ: UBND tỉnh … hoặc Sở Nội vụ tỉnh …';
}

/** At most this many units listed at once: a province has up to 170; typing narrows them. */
const SHOWN_MAX = 60;

/**
 * Đơn vị báo cáo picked from the plan's roster: typing any part of the name
 * or the code narrows the list (`vinh linh`, `19363`); picking fills the
 * code, level and parent as the roster gives them. Typing a name not in the
 * list stays allowed and is said (the compile would report it as not in the roster).
 */
function RosterPicker(p: { roster: readonly UnitIdentity[]; value: string; invalid?: string; onType: (v: string) => void; onPick: (u: UnitIdentity) => void }): React.ReactElement {
  const s = useFormStyles();
  const key = foldLoose(p.value);
  const matches = key ? p.roster.map((u, i) => ({ u, i })).filter(({ u }) => foldLoose(`${u.unit} ${u.unitCode ?? ''}`).includes(key)) : p.roster.map((u, i) => ({ u, i }));
  const known = !p.value.trim() || p.roster.some((u) => unitKey(u.unit) === unitKey(p.value));
  return (
    <Field
      label="Đơn vị báo cáo"
      required
      validationMessage={p.invalid ?? (known ? undefined : 'Đơn vị này không có trong danh sách của Kế hoạch: khi tổng hợp sẽ bị báo là ngoài danh sách. Hãy chọn trong danh sách nếu có.')}
      validationState={p.invalid ? 'error' : known ? 'none' : 'warning'}
      hint={`Gõ vài chữ của tên hoặc mã để tìm trong ${p.roster.length} đơn vị của Kế hoạch.`}
    >
      <Combobox
        className={s.fill}
        freeform
        value={p.value}
        onChange={(e) => p.onType(e.target.value)}
        onOptionSelect={(_e, d) => {
          const u = d.optionValue !== undefined ? p.roster[Number(d.optionValue)] : undefined;
          if (u) p.onPick(u);
        }}
      >
        {matches.slice(0, SHOWN_MAX).map(({ u, i }) => (
          <Option key={i} value={String(i)} text={u.unit}>
            <div className={s.choice}>
              <span>{u.unit}</span>
              <Caption1 className={s.hint}>{rosterDetail(u)}</Caption1>
            </div>
          </Option>
        ))}
        {matches.length > SHOWN_MAX && (
          <Option disabled value="more" text="">
            {`… và ${matches.length - SHOWN_MAX} đơn vị nữa: gõ thêm để thu hẹp.`}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}

export interface TemplateFormProps {
  busy: boolean;
  /** Values from the workbook's plan, filled in when they arrive (unless the user typed already), and its roster. */
  defaults?: Partial<TemplateDefaults>;
  onSubmit: (form: Form) => void;
  onCancel: () => void;
  /** «Tạo mẫu cho mọi đơn vị»: offered when the plan lists units; with the one-stop export's files picked, if any. */
  onAllUnits?: (exportFiles: File[]) => void;
}

const usePickerStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // A picked file's name on one line, cut with «…» (the full name in its title).
  name: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * «Số liệu hồ sơ TTHC từ Hệ thống một cửa (không bắt buộc)»: the export file(s) whose
 * figures pre-fill each unit's dossier block (docs/spec/TEMPLATE.md §12), with a way to
 * remove them; here beside «Tạo mẫu cho mọi đơn vị», and on the page without Excel (src/app).
 */
export function ExportPicker({ files, busy, onChange }: { files: readonly File[]; busy: boolean; onChange: (files: File[]) => void }): React.ReactElement {
  const s = usePickerStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const labelId = React.useId();
  const names = files.map((f) => f.name).join(', ');
  return (
    <div className={s.box} role="group" aria-labelledby={labelId}>
      <Label id={labelId} size="small">
        Số liệu hồ sơ TTHC từ Hệ thống một cửa (không bắt buộc)
      </Label>
      {files.length ? (
        <div className={s.row}>
          <Text className={s.name} size={200} title={names} aria-label={`Tệp số liệu đã chọn: ${names}`}>
            {names}
          </Text>
          <Button size="small" disabled={busy} onClick={() => onChange([])} aria-label={`Bỏ tệp số liệu ${names}`}>
            Bỏ
          </Button>
        </div>
      ) : (
        <div>
          <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
            Chọn tệp xuất (.xlsx, .xls)
          </Button>
        </div>
      )}
      <Caption1 className={s.hint}>Nếu chọn, khối D (hồ sơ TTHC) của mỗi mẫu được điền sẵn số liệu của đơn vị đó, ghi nguồn ở cột Ghi chú; đơn vị kiểm tra lại thay vì gõ. Có thể chọn nhiều tệp.</Caption1>
      <HiddenFileInput inputRef={input} multiple accept={EXPORT_ACCEPT} label="Chọn tệp số liệu hồ sơ TTHC từ Hệ thống một cửa" testId="tthc-export-files" onPick={onChange} />
    </div>
  );
}

/** Tạo mẫu: unit (picked from the plan's roster when there is one), code, level, parent, period and year of the blank TTCCHC-1 sheet. */
export function TemplateForm({ busy, defaults, onSubmit, onCancel, onAllUnits }: TemplateFormProps): React.ReactElement {
  const s = useFormStyles();
  const [form, setForm] = React.useState<Form>({
    unit: '',
    unitCode: '',
    level: 'Xã',
    parent: '',
    period: 'Quý I',
    year: new Date().getFullYear(),
  });
  const [tried, setTried] = React.useState(false);
  /** Counts refused submits: after each, the first field in error is brought into view and focused. */
  const [refused, setRefused] = React.useState(0);
  const formRef = React.useRef<HTMLFormElement>(null);
  React.useEffect(() => {
    if (!refused) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.scrollIntoView?.({ block: 'center' });
    invalid?.focus({ preventScroll: true });
  }, [refused]);
  const [touched, setTouched] = React.useState(false);
  const [exportFiles, setExportFiles] = React.useState<File[]>([]);
  /** The year as typed (a number field would drop what is not a number, and the browser would say so in English). */
  const [yearText, setYearText] = React.useState<string | null>(null);
  const roster = defaults?.roster ?? [];
  React.useEffect(() => {
    if (!defaults || touched) return;
    const { roster: _list, ...values } = defaults;
    setForm((f) => ({ ...f, ...values }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaults]);
  const edit = (patch: Partial<Form>) => {
    setTouched(true);
    setForm((f) => ({ ...f, ...patch }));
  };
  const pick = (u: UnitIdentity) =>
    edit({ unit: u.unit, unitCode: u.unitCode ?? '', parent: u.parent ?? '', ...(u.level ? { level: u.level } : {}) });
  const problem = templateFormProblem(form);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return setRefused((n) => n + 1);
    const code = form.unitCode?.trim();
    onSubmit({ ...form, unit: form.unit.trim(), parent: form.parent.trim(), ...(code ? { unitCode: code } : { unitCode: undefined }) });
  };
  const unitProblem = tried && !form.unit.trim() ? problem ?? undefined : undefined;
  return (
    // noValidate: the form says what is missing in Vietnamese (templateFormProblem), not the browser's English «Please fill out this field.».
    <form ref={formRef} className={s.form} onSubmit={submit} aria-label="Tạo mẫu báo cáo" noValidate>
      <Subtitle2>Tạo trang mẫu TTCCHC-1</Subtitle2>
      {roster.length ? (
        <RosterPicker roster={roster} value={form.unit} invalid={unitProblem} onType={(unit) => edit({ unit })} onPick={pick} />
      ) : (
        <Field
          label="Đơn vị báo cáo"
          required
          validationMessage={unitProblem}
          hint="Ví dụ: UBND xã Hương Lộc. Ghi đúng tên như trong danh sách đơn vị của Kế hoạch (sổ làm việc này chưa có trang Kế hoạch)."
        >
          <Input value={form.unit} onChange={(_e, d) => edit({ unit: d.value })} />
        </Field>
      )}
      <div className={s.row}>
        <Field label="Mã đơn vị (nếu có)">
          <Input className={s.fill} value={form.unitCode ?? ''} onChange={(_e, d) => edit({ unitCode: d.value })} />
        </Field>
        <ChoiceField<Level> label="Cấp" className={s.fill} value={form.level} options={LEVEL_NAMES} onChange={(level) => edit({ level })} />
      </div>
      <Field
        label="Đơn vị cấp trên"
        required={needsParent(form.level)}
        validationMessage={tried && problem?.includes('cấp trên') ? problem : undefined}
        hint={!needsParent(form.level) ? 'Cấp tỉnh không có đơn vị cấp trên.' : parentHint(defaults?.parent)}
      >
        <Input value={form.parent} disabled={!needsParent(form.level)} onChange={(_e, d) => edit({ parent: d.value })} />
      </Field>
      <div className={s.row}>
        <ChoiceField<Period> label="Kỳ báo cáo" className={s.fill} value={form.period} options={PERIODS} onChange={(period) => edit({ period })} />
        <Field label="Năm" validationMessage={tried && problem?.startsWith('Năm') ? problem : undefined}>
          <Input className={s.fill} inputMode="numeric" value={yearText ?? String(form.year)} onChange={(_e, d) => {
            setYearText(d.value);
            edit({ year: d.value.trim() ? Number(d.value) : Number.NaN });
          }} />
        </Field>
      </div>
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Thêm trang mẫu
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Đóng
        </Button>
      </div>
      {roster.length > 0 && onAllUnits && (
        <>
          <Divider />
          <ExportPicker files={exportFiles} busy={busy} onChange={setExportFiles} />
          <Button onClick={() => onAllUnits(exportFiles)} disabled={busy}>
            Tạo mẫu cho mọi đơn vị
          </Button>
          <Caption1 className={s.hint}>{`Tải về một tệp .zip gồm ${roster.length} tệp mẫu .xlsx, mỗi đơn vị trong danh sách của Kế hoạch một tệp, có sẵn khối TỰ KIỂM TRA; gửi cho từng đơn vị điền.`}</Caption1>
        </>
      )}
    </form>
  );
}
