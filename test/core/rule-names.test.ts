/**
 * Every rule id a finding can carry has one Vietnamese name (core/rule-names.ts),
 * the names tell rules apart (read-back turns a name into its id again), and
 * an id not named yet still shows Vietnamese, never the id.
 */
import * as fs from 'fs';
import * as path from 'path';
import { NAMED_RULES, ruleName, ruleOfName } from '../../src/core/rule-names';

/** Rule ids written in src/ (`'group.what'` literals of the rule groups). */
function ruleIdsInSource(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !p.endsWith('rule-names.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/'((?:approval|compile|contest|dossier|figure|file|id|input|plan|previous|read|sheet|task|template|training)\.[a-z][a-z-]*)'/g)) ids.add(m[1]);
      }
    }
  };
  walk(path.join(__dirname, '..', '..', 'src'));
  return [...ids].sort();
}

test('every rule id in src/ has a Vietnamese name', () => {
  const ids = ruleIdsInSource();
  expect(ids).toEqual(expect.arrayContaining(['dossier.balance', 'figure.negative', 'compile.late']));
  expect(ids.filter((id) => !NAMED_RULES.includes(id))).toEqual([]);
});

test('names are unique and read back to their ids; unknown ids get their group, old sheets their id', () => {
  const names = NAMED_RULES.map(ruleName);
  expect(new Set(names).size).toBe(names.length);
  for (const id of NAMED_RULES) expect(ruleOfName(ruleName(id))).toBe(id);
  expect(ruleName('figure.something-new')).toBe('Số liệu');
  expect(ruleName('dossier.balance')).toBe('Cân đối hồ sơ (D4 + D5 + D6 + D9 = D1 + D2)');
  // A findings sheet written before D9 reads back.
  expect(ruleOfName('Cân đối hồ sơ D4+D5+D6 = D1+D2')).toBe('dossier.balance');
  expect(ruleOfName('figure.negative')).toBe('figure.negative');
});
