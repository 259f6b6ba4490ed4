/**
 * The tree of units a compile works on (docs/spec/TEMPLATE.md §6 `Đơn vị`, §8 matching).
 *
 * With a plan roster the tree is closed: the plan says who is expected and
 * who is whose parent. Without one it is open: every unit that reports is a
 * node, linked to the parent its `Đơn vị cấp trên` names (a parent nobody
 * reported for becomes an implicit node). Lookups are by `Mã đơn vị` first,
 * then by `unitKey(name)`, both through maps: compiling thousands of reports
 * never scans the roster per report.
 */
import type { Plan } from './model';
import { LEVELS, type Level } from './template';
import { fold } from './text';
import { exactUnitKey, unitKey } from './unit-names';

export interface UnitNode {
  /** Creation order: roster order, then reading order. */
  id: number;
  /** Name as the roster writes it (else as the first report writes it). */
  name: string;
  key: string;
  code?: string;
  level: Level | null;
  /** `Đơn vị cấp trên` as written, kept even when that parent is outside the tree. */
  parentName?: string;
  parent?: UnitNode;
  /** Expected children in roster order, then units that turned up in reading order. */
  children: UnitNode[];
  /** Listed in the plan's roster, or the plan's compiling unit. */
  inRoster: boolean;
  /** Known only as the parent some unit names. */
  implicit: boolean;
}

export function codeKey(code: string | undefined): string {
  return code ? fold(code).replace(/\s+/g, '') : '';
}

export class Roster {
  readonly nodes: UnitNode[] = [];
  private readonly byKey = new Map<string, UnitNode>();
  private readonly byCode = new Map<string, UnitNode>();
  /** Every node per folded name: two units may fold alike (Thanh An, Thạnh An). */
  private readonly alike = new Map<string, UnitNode[]>();
  /** The plan's `Đơn vị tổng hợp`, when there is a plan naming one. */
  root?: UnitNode;
  /** A plan roster with rows: units outside it are not added freely. */
  closed = false;

  private readonly keys = new Map<string, string>();

  /** `unitKey`, remembered: the same parent name comes with every one of its children's reports. */
  keyOf(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = unitKey(name);
      this.keys.set(name, k);
    }
    return k;
  }

  /** By code when the code is known to the roster, else by folded name. */
  find(name: string | undefined, code?: string): UnitNode | undefined {
    // Only a plan's roster makes codes authoritative: without one, a code is whatever a unit typed
    // (often copied from a neighbour's file), so units are told apart by name.
    if (code && this.closed && this.byCode.size) {
      const hit = this.byCode.get(codeKey(code));
      if (hit) return hit;
    }
    if (!name) return undefined;
    const k = this.keyOf(name);
    if (!k) return undefined;
    const alike = this.alike.get(k);
    // Names that fold alike: the one written with the same diacritics, else none (ambiguous tells why).
    if (alike && alike.length > 1) return this.exactlyNamed(name, alike);
    const byName = this.byKey.get(k);
    if (byName) return byName;
    // A parent written as a roster code (`Đơn vị cấp trên: H01`).
    return this.closed && this.byCode.size ? this.byCode.get(codeKey(name)) : undefined;
  }

  private exactlyNamed(name: string, nodes: UnitNode[]): UnitNode | undefined {
    const ek = exactUnitKey(name);
    return nodes.find((n) => exactUnitKey(n.name) === ek);
  }

  /**
   * The units a name could be when it folds like several of them and is
   * written like none (`Thành An` for Thanh An and Thạnh An): find gives none
   * of them, the compile says which were meant. Empty otherwise.
   */
  ambiguous(name: string | undefined): UnitNode[] {
    const alike = name ? this.alike.get(this.keyOf(name)) : undefined;
    return alike && alike.length > 1 && !this.exactlyNamed(name!, alike) ? alike : [];
  }

  add(name: string, opts: { code?: string; level?: Level | null; parentName?: string; inRoster?: boolean; implicit?: boolean } = {}): UnitNode {
    const node: UnitNode = {
      id: this.nodes.length,
      name: name.trim(),
      key: this.keyOf(name),
      code: opts.code?.trim() || undefined,
      level: opts.level ?? null,
      parentName: opts.parentName?.trim() || undefined,
      children: [],
      inRoster: opts.inRoster ?? false,
      implicit: opts.implicit ?? false,
    };
    this.nodes.push(node);
    if (node.key && !this.byKey.has(node.key)) this.byKey.set(node.key, node);
    if (node.key) this.alike.set(node.key, [...(this.alike.get(node.key) ?? []), node]);
    const c = codeKey(node.code);
    if (c && node.inRoster && !this.byCode.has(c)) this.byCode.set(c, node);
    return node;
  }

  /** Learn a code (to show, not to match by) or a level from a report for a node that did not have them. */
  complete(node: UnitNode, info: { code?: string; level?: Level | null }): void {
    if (!node.code && info.code) node.code = info.code.trim();
    if (!node.level && info.level) node.level = info.level;
  }

  /**
   * Make `parent` the parent of `child`. Refused (false) when it would make a
   * cycle (two units naming each other as parent) or when child already has one.
   */
  link(child: UnitNode, parent: UnitNode): boolean {
    if (child.parent || child === parent) return false;
    for (let p: UnitNode | undefined = parent; p; p = p.parent) if (p === child) return false;
    child.parent = parent;
    parent.children.push(child);
    return true;
  }

  /** The parent named `name`, created as an implicit node when nobody has that name yet. */
  findOrAddParent(name: string): UnitNode {
    return this.find(name) ?? this.add(name, { implicit: true });
  }

  roots(): UnitNode[] {
    return this.nodes.filter((n) => !n.parent);
  }

  depth(node: UnitNode): number {
    let d = 0;
    for (let p = node.parent; p; p = p.parent) d++;
    return d;
  }
}

/**
 * The roster of a plan: its `Đơn vị` rows, the compiling unit as the root,
 * rows with no (or an unknown) parent hung under the root. A parent named by
 * rows but not listed itself becomes an implicit node under the root, so a
 * province plan may list only communes with their districts' names.
 */
export function rosterFromPlan(plan: Plan | undefined): Roster {
  const roster = new Roster();
  if (!plan) return roster;
  for (const u of plan.roster) {
    if (!u.name?.trim()) continue;
    // A roster listing a unit twice: keep the first row. Two codes are two units, even when their names
    // fold alike (Ho Chi Minh City's Xã Thanh An 25807 and Xã Thạnh An 27676, in the official list).
    const same = roster.find(u.name, u.code);
    if (same && (!u.code?.trim() || !same.code || codeKey(same.code) === codeKey(u.code))) continue;
    roster.add(u.name, { code: u.code, level: u.level, parentName: u.parent, inRoster: true });
  }
  roster.closed = roster.nodes.length > 0;
  if (plan.compilingUnit?.trim()) {
    const existing = roster.find(plan.compilingUnit);
    roster.root = existing ?? roster.add(plan.compilingUnit, { level: plan.level ?? null, parentName: plan.parent, inRoster: true });
    if (existing) {
      roster.complete(existing, { level: plan.level ?? null });
      if (!existing.parentName && plan.parent) existing.parentName = plan.parent.trim();
    }
  }
  const listed = roster.nodes.slice();
  for (const node of listed) {
    if (node === roster.root) continue;
    let parent: UnitNode | undefined;
    if (node.parentName) {
      parent = roster.find(node.parentName);
      if (!parent) {
        parent = roster.add(node.parentName, { implicit: true });
        if (roster.root) roster.link(parent, roster.root);
      }
    } else {
      parent = roster.root;
    }
    if (parent) roster.link(node, parent);
  }
  // The root's own parent (the plan's `Đơn vị cấp trên`) stays outside the tree.
  return roster;
}

/** Leading words of a unit name that tell its level without doubt (`thành phố` does not: district or province). */
const NAME_LEVELS: readonly { words: string; level: Level }[] = [
  { words: 'huyen', level: 'Huyện' }, { words: 'quan', level: 'Huyện' }, { words: 'thi xa', level: 'Huyện' },
  { words: 'tinh', level: 'Tỉnh' },
  { words: 'xa', level: 'Xã' }, { words: 'phuong', level: 'Xã' }, { words: 'thi tran', level: 'Xã' }, { words: 'dac khu', level: 'Xã' },
  { words: 'so', level: 'Sở, ngành' },
];

/**
 * The level of a unit nobody gave one for (a parent known only by name):
 * from its name (`UBND huyện …` → Huyện), else one rank above its children
 * (communes → Huyện, districts → Tỉnh).
 */
export function inferLevel(node: UnitNode): Level | null {
  if (node.level) return node.level;
  const k = node.key;
  for (const n of NAME_LEVELS) if (k === n.words || k.startsWith(n.words + ' ')) return n.level;
  let top = -1;
  for (const c of node.children) {
    const rank = LEVEL_RANK.get(c.level ?? '') ?? -1;
    if (c !== node && rank > top) top = rank;
  }
  if (top === 0) return 'Huyện';
  if (top >= 1) return 'Tỉnh';
  return null;
}

const LEVEL_RANK = new Map<string, number>(LEVELS.map((l) => [l.level, l.rank]));
