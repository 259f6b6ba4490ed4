/**
 * Which Excel JavaScript API members a set of source files uses, and in
 * which requirement set each one came (the `[Api set: ExcelApi 1.x]` notes
 * of @types/office-js), found with TypeScript's type checker: every
 * property access and call is resolved to its declaration, so `ws.freezePanes`
 * counts whatever the variable is called.
 *
 * A member newer than the manifest's minimum is accepted only where it is
 * guarded by `isExcelApiSupported(v)` / `isSetSupported('ExcelApi', v)`
 * with v at least the member's version: inside the `if`/`?:`/`&&` that
 * tests it, or after an early `if (!…(v)) return` in the same function.
 */
import * as path from 'path';
import * as ts from 'typescript';

export interface ApiUse {
  member: string;
  version: string;
  file: string;
  line: number;
  /** Version the surrounding guard checks, if any. */
  guard?: string;
}

const OFFICE_DTS = `${path.sep}@types${path.sep}office-js${path.sep}index.d.ts`;
/** Members Microsoft marks preview-only or online-only never count as available. */
const NOT_RELEASED = '99.0';
const GUARD_FUNCTIONS = new Set(['isExcelApiSupported', 'isSetSupported']);

export function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split('.').map(Number);
  const [b1, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** `[Api set: ExcelApi 1.x]` of a declaration; '1.1' when the note is absent. */
function declarationVersion(decl: ts.Declaration): string {
  const sf = decl.getSourceFile();
  const doc = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  if (/\[Api set: ExcelApi BETA|\[Api set: ExcelApiOnline/.test(doc)) return NOT_RELEASED;
  const m = /\[Api set: ExcelApi (\d+\.\d+)/.exec(doc);
  return m ? m[1] : '1.1';
}

/** `Worksheet.freezePanes` when `decl` is a member of a class/interface in `namespace Excel`, `Excel.run` for its functions. */
function excelMemberName(decl: ts.Declaration): string | null {
  if (!decl.getSourceFile().fileName.endsWith(OFFICE_DTS.split(path.sep).join('/')) && !decl.getSourceFile().fileName.endsWith(OFFICE_DTS)) return null;
  const inExcel = (n: ts.Node | undefined): boolean => {
    for (let p = n; p; p = p.parent) if (ts.isModuleDeclaration(p)) return p.name.text === 'Excel';
    return false;
  };
  const owner = decl.parent;
  if ((ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name && inExcel(owner.parent)) {
    const name = (decl as ts.NamedDeclaration).name;
    return name ? `${owner.name.text}.${name.getText()}` : null;
  }
  if (ts.isFunctionDeclaration(decl) && decl.name && inExcel(decl.parent)) return `Excel.${decl.name.text}`;
  return null;
}

/** The version a guard call checks (`isExcelApiSupported(OPTIONAL_SETS.x)` → its literal type). */
function guardCallVersion(call: ts.CallExpression, checker: ts.TypeChecker): string | undefined {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : '';
  if (!GUARD_FUNCTIONS.has(callee)) return undefined;
  const arg = callee === 'isSetSupported' ? call.arguments[1] : call.arguments[0];
  if (callee === 'isSetSupported') {
    const set = call.arguments[0];
    if (!set || !ts.isStringLiteralLike(set) || set.text !== 'ExcelApi') return undefined;
  }
  if (!arg) return undefined;
  const t = checker.getTypeAtLocation(arg);
  if (t.isStringLiteral()) return t.value;
  if (t.isNumberLiteral()) return String(t.value);
  return undefined;
}

/** Highest version checked (not negated) by guard calls in `cond`. */
function guardsIn(cond: ts.Expression, checker: ts.TypeChecker, negated: boolean): string | undefined {
  let best: string | undefined;
  const visit = (n: ts.Node, neg: boolean) => {
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return visit(n.operand, !neg);
    if (ts.isParenthesizedExpression(n)) return visit(n.expression, neg);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && !neg) {
      visit(n.left, neg);
      visit(n.right, neg);
      return;
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarToken && neg) {
      // !(a || b) means neither: both negations hold.
      visit(n.left, neg);
      visit(n.right, neg);
      return;
    }
    if (ts.isCallExpression(n) && neg === negated) {
      const v = guardCallVersion(n, checker);
      if (v && (!best || compareVersions(v, best) > 0)) best = v;
    }
  };
  visit(cond, false);
  return best;
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

/** The highest version guarding `node`, looking outward through ifs, conditionals and early returns. */
function guardOf(node: ts.Node, checker: ts.TypeChecker): string | undefined {
  let best: string | undefined;
  const take = (v: string | undefined) => {
    if (v && (!best || compareVersions(v, best) > 0)) best = v;
  };
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child === p.thenStatement) take(guardsIn(p.expression, checker, false));
    if (ts.isIfStatement(p) && child === p.elseStatement) take(guardsIn(p.expression, checker, true));
    if (ts.isConditionalExpression(p) && child === p.whenTrue) take(guardsIn(p.condition, checker, false));
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) {
      take(guardsIn(p.left, checker, false));
    }
    if (ts.isBlock(p) || ts.isSourceFile(p)) {
      // `if (!isExcelApiSupported(v)) return;` earlier in the same block.
      for (const s of p.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) take(guardsIn(s.expression, checker, true));
      }
    }
    if (ts.isFunctionLike(p)) break;
  }
  return best;
}

/**
 * An options object handed straight to the API (a call's argument, or the
 * value assigned to a property such as `dv.rule`), possibly nested in
 * another; a literal merely typed as an Excel interface is plain data.
 */
function flowsIntoCall(lit: ts.ObjectLiteralExpression): boolean {
  let node: ts.Expression = lit;
  let p: ts.Node = lit.parent;
  for (;;) {
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p)) {
      node = p;
      p = p.parent;
    } else if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent)) {
      node = p.parent;
      p = p.parent.parent;
    } else break;
  }
  if (ts.isCallExpression(p)) return p.arguments.some((a) => a === node);
  return ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node;
}

/** Every Excel member the files use, with its version and guard. */
export function excelApiUses(files: string[], options: ts.CompilerOptions): ApiUse[] {
  return apiUseFinder(files, options)(files);
}

/** One program for many questions (building it is the slow part). */
export function apiUseFinder(allFiles: string[], options: ts.CompilerOptions): (files: string[]) => ApiUse[] {
  const program = ts.createProgram(allFiles, { ...options, noEmit: true });
  return (files) => usesIn(program, files);
}

function usesIn(program: ts.Program, files: string[]): ApiUse[] {
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const uses: ApiUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const record = (at: ts.Node, decl: ts.Declaration | undefined) => {
      const member = decl && excelMemberName(decl);
      if (!decl || !member) return;
      const { line } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
      uses.push({ member, version: declarationVersion(decl), file: path.relative(process.cwd(), sf.fileName), line: line + 1, guard: guardOf(at, checker) });
    };
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) {
        let decl: ts.Declaration | undefined;
        if (ts.isCallExpression(n.parent) && n.parent.expression === n) {
          decl = checker.getResolvedSignature(n.parent)?.getDeclaration() as ts.Declaration | undefined;
        }
        decl ??= checker.getSymbolAtLocation(n.name)?.declarations?.[0];
        record(n.name, decl);
      }
      // Options objects (`{ sheetNamesToInsert }`, `{ showPrompt }`): their fields have versions too.
      if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isObjectLiteralExpression(n.parent) && flowsIntoCall(n.parent)) {
        const ct = checker.getContextualType(n.parent);
        const name = n.name.getText(sf);
        const types = ct ? (ct.isUnion() ? ct.types : [ct]) : [];
        const decl = types.map((t) => t.getProperty(name)?.declarations?.[0]).find((d) => d && excelMemberName(d));
        record(n.name, decl);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Uses newer than `min` that no guard of a high enough version covers. */
export function unguardedUses(uses: ApiUse[], min: string): ApiUse[] {
  return uses.filter((u) => compareVersions(u.version, min) > 0 && !(u.guard && compareVersions(u.guard, u.version) >= 0));
}

export function compilerOptions(root: string): ts.CompilerOptions {
  const cfg = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(cfg.config, ts.sys, root).options;
}
