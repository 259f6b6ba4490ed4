import * as React from 'react';
import { Button, Caption1, Label, makeStyles, Text, tokens } from '@fluentui/react-components';
import { HiddenFileInput } from './HiddenFileInput';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export interface PreviousPeriodPickerProps {
  busy: boolean;
  /** Name of the file picked, or null. */
  fileName: string | null;
  onPick: (file: File) => void;
  onRemove: () => void;
}

/**
 * Kỳ trước (tuỳ chọn): last period's compiled workbook, so that Tổng hợp
 * adds the kỳ trước / tăng, giảm columns and Xuất báo cáo says how each
 * figure changed. Shows the file's name with a way to remove it.
 */
export function PreviousPeriodPicker({ busy, fileName, onPick, onRemove }: PreviousPeriodPickerProps): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const labelId = React.useId();
  return (
    <div className={s.box} role="group" aria-labelledby={labelId}>
      <Label id={labelId} size="small">
        Kỳ trước (tuỳ chọn)
      </Label>
      <div className={s.row}>
        {fileName ? (
          <>
            <Text className={s.name} size={200} title={fileName} aria-label={`Tệp kỳ trước: ${fileName}`}>
              {fileName}
            </Text>
            <Button size="small" disabled={busy} onClick={onRemove} aria-label={`Bỏ tệp kỳ trước ${fileName}`}>
              Bỏ
            </Button>
          </>
        ) : (
          <>
            <Button size="small" disabled={busy} onClick={() => input.current?.click()} title="Sổ tổng hợp hoặc báo cáo kỳ trước (.xlsx), để so sánh số liệu">
              Chọn tệp kỳ trước
            </Button>
            <Caption1>để so sánh tăng, giảm</Caption1>
          </>
        )}
      </div>
      <HiddenFileInput inputRef={input} label="Chọn tệp kỳ trước" testId="previous-file" onPick={(files) => onPick(files[0])} />
    </div>
  );
}
