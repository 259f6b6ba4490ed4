/**
 * «Tạo mẫu cho mọi đơn vị»: one .xlsx template per roster unit,
 * the same files `tonghop template --plan … -o <thư mục>` writes
 * (core/layout/plan-templates.ts names and fills them), in one .zip for the
 * pane to download. With the one-stop system's export, each unit's dossier
 * block is pre-filled as `--tthc` does it (core/tthc/prefill.ts). Runs in
 * the browser: write.ts and zip-write.ts use no Node builtin.
 */
import type { Plan } from '../core/model';
import { templatesForPlan, templatesZipName } from '../core/layout/plan-templates';
import type { DossierExport } from '../core/tthc/model';
import { prefillTemplates, type PrefillOutcome } from '../core/tthc/prefill';
import { writeXlsx } from './write';
import { zipEntries } from './zip-write';

export interface TemplatesZip {
  fileName: string;
  bytes: Uint8Array;
  names: string[];
  /** With an export: who got figures, which export rows and which units matched nothing. */
  prefill?: Omit<PrefillOutcome, 'templates'>;
}

export async function templatesZip(plan: Plan, when = new Date(), exports?: readonly DossierExport[]): Promise<TemplatesZip> {
  let templates = templatesForPlan(plan);
  let prefill: TemplatesZip['prefill'];
  if (exports) {
    // The note's date when the export gives none: the day the templates are made, as the CLI dates it.
    const { templates: filled, ...said } = prefillTemplates(templates, exports, when.toISOString().slice(0, 10));
    templates = filled;
    prefill = said;
  }
  const files = [];
  for (const t of templates) files.push({ name: t.fileName, data: await writeXlsx([t.sheet], { date: when }) });
  // Stored: each .xlsx is already deflated.
  return { fileName: templatesZipName(plan), bytes: zipEntries(files, { when, store: true }), names: files.map((f) => f.name), ...(prefill ? { prefill } : {}) };
}
