import * as React from 'react';
import { useFormStyles } from './form-styles';
import { Button, Dropdown, Field, Input, Option, Subtitle2 } from '@fluentui/react-components';
import { LEVEL_NAMES, PERIODS, type Level, type Period } from '../../core/template';
import { templateFormProblem, type TemplateForm as Form } from '../actions';


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

export interface TemplateFormProps {
  busy: boolean;
  /** Values from the workbook's plan, filled in when they arrive (unless the user typed already). */
  defaults?: Partial<Form>;
  onSubmit: (form: Form) => void;
  onCancel: () => void;
}

/** Tạo mẫu: unit, level, parent, period and year of the blank TTCCHC-1 sheet. */
export function TemplateForm({ busy, defaults, onSubmit, onCancel }: TemplateFormProps): React.ReactElement {
  const s = useFormStyles();
  const [form, setForm] = React.useState<Form>({
    unit: '',
    level: 'Xã',
    parent: '',
    period: 'Quý I',
    year: new Date().getFullYear(),
  });
  const [tried, setTried] = React.useState(false);
  const [touched, setTouched] = React.useState(false);
  React.useEffect(() => {
    if (defaults && !touched) setForm((f) => ({ ...f, ...defaults }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defaults]);
  const edit = (patch: Partial<Form>) => {
    setTouched(true);
    setForm((f) => ({ ...f, ...patch }));
  };
  const problem = templateFormProblem(form);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem) onSubmit({ ...form, unit: form.unit.trim(), parent: form.parent.trim() });
  };
  return (
    // noValidate: the form says what is missing in Vietnamese (templateFormProblem), not the browser's English «Please fill out this field.».
    <form className={s.form} onSubmit={submit} aria-label="Tạo mẫu báo cáo" noValidate>
      <Subtitle2>Tạo trang mẫu TTCCHC-1</Subtitle2>
      <Field label="Đơn vị báo cáo" required validationMessage={tried && !form.unit.trim() ? problem : undefined}>
        <Input value={form.unit} placeholder="Ví dụ: UBND xã Hương Lộc" onChange={(_e, d) => edit({ unit: d.value })} />
      </Field>
      <div className={s.row}>
        <ChoiceField<Level> label="Cấp" className={s.fill} value={form.level} options={LEVEL_NAMES} onChange={(level) => edit({ level })} />
        <Field label="Năm" validationMessage={tried && problem?.startsWith('Năm') ? problem : undefined}>
          <Input
            className={s.fill}
            type="number"
            value={String(form.year)}
            onChange={(_e, d) => edit({ year: Number(d.value) })}
          />
        </Field>
      </div>
      <Field
        label="Đơn vị cấp trên"
        required={form.level !== 'Tỉnh'}
        validationMessage={tried && problem?.includes('cấp trên') ? problem : undefined}
      >
        <Input
          value={form.parent}
          disabled={form.level === 'Tỉnh'}
          placeholder="Ví dụ: UBND huyện Nam Đông"
          onChange={(_e, d) => edit({ parent: d.value })}
        />
      </Field>
      <ChoiceField<Period> label="Kỳ báo cáo" className={s.fill} value={form.period} options={PERIODS} onChange={(period) => edit({ period })} />
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Thêm trang mẫu
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Đóng
        </Button>
      </div>
    </form>
  );
}
