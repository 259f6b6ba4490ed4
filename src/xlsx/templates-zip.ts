/**
 * «Tạo mẫu cho mọi đơn vị»: one .xlsx template per roster unit,
 * the same files `tonghop template --plan … -o <thư mục>` writes
 * (core/layout/plan-templates.ts names and fills them), in one .zip for the
 * pane to download. Runs in the browser: write.ts and zip-write.ts use no
 * Node builtin.
 */
import type { Plan } from '../core/model';
import { templatesForPlan, templatesZipName } from '../core/layout/plan-templates';
import { writeXlsx } from './write';
import { zipEntries } from './zip-write';

export async function templatesZip(plan: Plan, when = new Date()): Promise<{ fileName: string; bytes: Uint8Array; names: string[] }> {
  const files = [];
  for (const t of templatesForPlan(plan)) files.push({ name: t.fileName, data: await writeXlsx([t.sheet], { date: when }) });
  // Stored: each .xlsx is already deflated.
  return { fileName: templatesZipName(plan), bytes: zipEntries(files, { when, store: true }), names: files.map((f) => f.name) };
}
