import * as React from 'react';
import { Caption1, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Signer } from '../../report/signer';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  summary: { cursor: 'pointer', minWidth: 0 },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS },
});

export interface SignerFieldsProps {
  busy: boolean;
  value: Signer;
  onChange: (signer: Signer) => void;
}

/** What each field takes, with the report's default said (src/report/signer.ts signerLines). */
const FIELDS: { key: keyof Signer; label: string; hint: string }[] = [
  { key: 'title', label: 'Chức vụ người ký', hint: 'Ví dụ CHỦ TỊCH hoặc PHÓ CHỦ TỊCH (phó ký thay: tự thêm KT. CHỦ TỊCH). Để trống: PHÓ CHỦ TỊCH, ký thay.' },
  { key: 'authority', label: 'Quyền hạn ký (tuỳ chọn)', hint: 'Ví dụ TM. ỦY BAN NHÂN DÂN; nhiều dòng cách nhau bởi « / ».' },
  { key: 'name', label: 'Họ và tên người ký', hint: 'Để trống: báo cáo ghi [Họ và tên] để điền trước khi trình ký.' },
];

/**
 * Người ký (Xuất báo cáo): the signer the officer chooses for the .docx, in
 * a native disclosure (closed by default, one Tab stop, announced as a
 * button that expands) so the pane keeps its height; empty fields keep the
 * report's defaults. The wording rules live in src/report/signer.ts.
 */
export function SignerFields({ busy, value, onChange }: SignerFieldsProps): React.ReactElement {
  const s = useStyles();
  const chosen = [value.authority, value.title, value.name].filter((x) => x?.trim()).join(', ');
  return (
    <details className={s.box} data-testid="signer-fields">
      <summary className={s.summary}>
        <Text size={200} weight="semibold">Người ký báo cáo</Text> <Caption1>{chosen ? `: ${chosen}` : '(mặc định)'}</Caption1>
      </summary>
      <div className={s.fields}>
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint} size="small">
            <Input
              size="small"
              disabled={busy}
              value={value[f.key] ?? ''}
              onChange={(_e, d) => onChange({ ...value, [f.key]: d.value })}
              data-testid={`signer-${f.key}`}
            />
          </Field>
        ))}
      </div>
    </details>
  );
}
