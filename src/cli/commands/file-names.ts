/** The kind of file an output option must name, checked before anything is read. */
import { UsageError } from '../args';

export function requireXlsxName(file: string, what: string): void {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${what} phải là tệp .xlsx: "${file}".`);
}

export function requireDocxName(file: string, what: string): void {
  if (!/\.docx$/i.test(file)) throw new UsageError(`${what} phải là tệp .docx: "${file}".`);
}
