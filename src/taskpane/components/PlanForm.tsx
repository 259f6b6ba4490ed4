import * as React from 'react';
import { useFormStyles } from './form-styles';
import { Button, Combobox, Dropdown, Field, Input, Option, Subtitle2 } from '@fluentui/react-components';
import { PERIODS, YEAR_RANGE, type Period } from '../../core/template';
import { isValidYear } from '../../core/labels';
import { foldLoose } from '../../core/text';
import { provinceChoices, type PlanForm as Form } from '../plan-actions';


export interface PlanFormProps {
  busy: boolean;
  onSubmit: (form: Form) => void;
  onCancel: () => void;
}

/**
 * Tạo kế hoạch: a province picked from the national list by typing any part
 * of its name or code (`quang tri`, `44`), the period and the year; no
 * province gives a blank plan.
 */
export function PlanForm({ busy, onSubmit, onCancel }: PlanFormProps): React.ReactElement {
  const s = useFormStyles();
  // The national list comes in its own chunk (plan-actions.ts): the picker fills once it is here.
  const [choices, setChoices] = React.useState<{ code: string; label: string }[]>([]);
  React.useEffect(() => {
    let shown = true;
    provinceChoices().then((c) => shown && setChoices(c), () => undefined);
    return () => {
      shown = false;
    };
  }, []);
  const [typed, setTyped] = React.useState('');
  const [code, setCode] = React.useState('');
  const [period, setPeriod] = React.useState<Period>('Quý I');
  /** The year as typed: a number field would let the browser answer in English («Please enter a number.»). */
  const [year, setYear] = React.useState(String(new Date().getFullYear()));
  const [tried, setTried] = React.useState(false);
  const yearValue = year.trim() ? Number(year.trim()) : null;
  const yearProblem = yearValue !== null && !isValidYear(yearValue) ? `Năm phải là số có bốn chữ số, từ ${YEAR_RANGE.min} đến ${YEAR_RANGE.max}, ví dụ 2026 (hoặc để trống).` : undefined;
  const key = foldLoose(typed);
  const shown = key ? choices.filter((c) => foldLoose(c.label).includes(key)) : choices;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (yearProblem) return;
    onSubmit({ province: code || typed.trim(), period, year: yearValue });
  };
  return (
    // noValidate: problems are said in Vietnamese under their field, never by the browser in English.
    <form className={s.form} onSubmit={submit} aria-label="Tạo kế hoạch" noValidate>
      <Subtitle2>Tạo trang Kế hoạch</Subtitle2>
      <Field label="Tỉnh, thành phố" hint="Để trống: Kế hoạch trống cho bất kỳ đơn vị tổng hợp nào.">
        <Combobox
          className={s.fill}
          freeform
          placeholder="Gõ tên hoặc mã, ví dụ quang tri, 44"
          value={typed}
          selectedOptions={code ? [code] : []}
          onChange={(e) => {
            setTyped(e.target.value);
            setCode('');
          }}
          onOptionSelect={(_e, d) => {
            setCode(d.optionValue ?? '');
            setTyped(d.optionText ?? '');
          }}
        >
          {shown.map((c) => (
            <Option key={c.code} value={c.code}>
              {c.label}
            </Option>
          ))}
        </Combobox>
      </Field>
      <div className={s.row}>
        <Field label="Kỳ báo cáo">
          <Dropdown className={s.fill} value={period} selectedOptions={[period]} onOptionSelect={(_e, d) => d.optionValue && setPeriod(d.optionValue as Period)}>
            {PERIODS.map((p) => (
              <Option key={p} value={p}>
                {p}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Năm" validationMessage={tried ? yearProblem : undefined}>
          <Input className={s.fill} inputMode="numeric" value={year} onChange={(_e, d) => setYear(d.value)} />
        </Field>
      </div>
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Tạo kế hoạch
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
