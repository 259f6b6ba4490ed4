import * as React from 'react';

/** What the pane's file pickers take: Excel workbooks, old and binary ones and OpenDocument too (src/xlsx/common.ts WORKBOOK_EXT). */
export const XLSX_ACCEPT = '.xlsx,.xlsm,.xltx,.xltm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The one-stop system's export files (docs/spec/TEMPLATE.md §12): .xlsx or the older .xls its exports still use. */
export const EXPORT_ACCEPT = '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

export interface HiddenFileInputProps {
  /** The button that opens the picker calls `inputRef.current.click()`. */
  inputRef: React.Ref<HTMLInputElement>;
  label: string;
  testId: string;
  multiple?: boolean;
  /** What the picker offers; every workbook format by default. */
  accept?: string;
  onPick: (files: File[]) => void;
}

/**
 * A file input kept out of sight behind a Fluent button. It hands over the
 * files picked and empties itself, so the same file can be picked again.
 */
export function HiddenFileInput({ inputRef, label, testId, multiple = false, accept = XLSX_ACCEPT, onPick }: HiddenFileInputProps): React.ReactElement {
  return (
    <input
      ref={inputRef}
      style={{ display: 'none' }}
      type="file"
      multiple={multiple}
      accept={accept}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const input = e.currentTarget;
        const files = Array.from(input.files ?? []);
        input.value = '';
        if (files.length) onPick(files);
      }}
    />
  );
}
