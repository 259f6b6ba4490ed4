/**
 * Every rule id a finding can carry has one Vietnamese name (core/rule-names.ts):
 * a finding's rule is a RuleId, so the compiler refuses a rule without a name;
 * the names tell rules apart (read-back turns a name into its id again), and
 * an id this version does not know still shows Vietnamese, never the id.
 */
import { NAMED_RULES, isRuleId, ruleName, ruleOfName, type RuleId } from '../../src/core/rule-names';
import { makeFinding } from '../../src/core/findings';

test('a finding takes only a named rule id (checked by the compiler)', () => {
  const at = { unit: 'UBND xã A', sheet: 'A', cell: 'D14' };
  expect(makeFinding('error', at, 'dossier.balance', 'x').rule).toBe('dossier.balance');
  // @ts-expect-error a rule id with no name in rule-names.ts does not compile
  makeFinding('error', at, 'dossier.no-such-rule', 'x');
  const named: RuleId[] = ['figure.negative', 'compile.late', 'dossier.overdue'];
  for (const id of named) expect(isRuleId(id)).toBe(true);
  expect(isRuleId('dossier.no-such-rule')).toBe(false);
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
  expect(ruleOfName('Quy tắc của phiên bản sau')).toBe('other.unknown');
});
