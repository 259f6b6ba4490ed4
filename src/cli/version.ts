/**
 * `tonghop --version`: the version in package.json, read at run time from the
 * package root (src/cli under ts-jest, lib/cli once built: two levels up either way).
 */
import * as fs from 'fs';
import * as path from 'path';

export function versionText(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return `tonghop ${pkg.version} (Tổng hợp CCHC, mẫu TTCCHC-1)`;
}
