/**
 * `Range.conditionalFormats` (ExcelApi 1.6) as far as a writer of custom
 * (formula) rules needs it: `add('Custom')`, then `custom.rule.formula` and
 * `custom.format.fill.color` / `font.color` / `font.bold`. The stand-in keeps
 * each rule on its sheet (SheetState.conditionalFormats); it does not
 * evaluate them.
 */
import { FakeClientObject, FakeClientResult, type SyncTransaction } from './context';
import { officeError } from './errors';
import type { RangeTarget } from './range';
import { rectAddress, type SheetState } from './state';

export interface ConditionalFormatState {
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

interface CfTarget {
  sheet: SheetState;
  index: number;
}

abstract class CfPart extends FakeClientObject<CfTarget> {
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    throw officeError('InvalidArgument', 'Conditional formats cannot be loaded in the stand-in.');
  }
  protected override isGone(t: CfTarget): boolean {
    return !!t.sheet.deleted;
  }
  protected entry(t: CfTarget): ConditionalFormatState {
    return t.sheet.conditionalFormats![t.index];
  }
  protected part<P extends CfPart>(Ctor: new (...a: ConstructorParameters<typeof FakeConditionalFormat>) => P, name: string): P {
    return new Ctor(this.context, `${this._path}.${name}`, (tx: SyncTransaction) => this._require(tx));
  }
}

export class FakeConditionalFormatCollection extends FakeClientObject<RangeTarget> {
  protected scalarProps(): string[] {
    return ['count'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === 'count') return (t.sheet.conditionalFormats ?? []).filter((f) => f.range === rectAddress(t.rect)).length;
    throw officeError('InvalidArgument');
  }
  protected override isGone(t: RangeTarget): boolean {
    return !!t.sheet.deleted;
  }
  get count(): number { return this._get('count'); }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._call('getCount', [], '1.6', (t, tx) => tx.results.push({ result: r as FakeClientResult<unknown>, value: this.readProp(t, 'count') }));
    return r;
  }
  /** The range's `index`-th rule (ExcelApi 1.6); past the last one, ItemNotFound. */
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, `${this._path}.getItemAt(${index})`, (tx: SyncTransaction) => {
      const t = this._require(tx);
      const list = t.sheet.conditionalFormats ?? [];
      const mine = list.flatMap((f, i) => (f.range === rectAddress(t.rect) ? [i] : []));
      return index >= 0 && index < mine.length ? { sheet: t.sheet, index: mine[index] } : null;
    });
  }
  add(type: string): FakeConditionalFormat {
    let created: CfTarget | undefined;
    const cf = new FakeConditionalFormat(this.context, `${this._path}.add(${type})`, () => created ?? null);
    this._call('add', [type], '1.6', (t, tx) => {
      if (t.sheet.protected) throw officeError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
      const list = (t.sheet.conditionalFormats ??= []);
      list.push({ range: rectAddress(t.rect), type });
      created = { sheet: t.sheet, index: list.length - 1 };
      cf._resolve(tx);
    });
    return cf;
  }
}

export class FakeConditionalFormat extends CfPart {
  get custom(): FakeCustomConditionalFormat {
    return this.part(FakeCustomConditionalFormat, 'custom');
  }
}

export class FakeCustomConditionalFormat extends CfPart {
  get rule(): FakeConditionalFormatRule {
    return this.part(FakeConditionalFormatRule, 'rule');
  }
  get format(): FakeConditionalRangeFormat {
    return this.part(FakeConditionalRangeFormat, 'format');
  }
}

export class FakeConditionalFormatRule extends CfPart {
  set formula(v: string) {
    this._set('formula', v, '1.6', (t) => {
      if (typeof v !== 'string' || !v.startsWith('=')) throw officeError('InvalidArgument');
      this.entry(t).formula = v;
    });
  }
}

export class FakeConditionalRangeFormat extends CfPart {
  get fill(): FakeConditionalFill {
    return this.part(FakeConditionalFill, 'fill');
  }
  get font(): FakeConditionalFont {
    return this.part(FakeConditionalFont, 'font');
  }
}

export class FakeConditionalFill extends CfPart {
  set color(v: string) { this._set('color', v, '1.6', (t) => (this.entry(t).fill = v.toUpperCase())); }
}

export class FakeConditionalFont extends CfPart {
  set color(v: string) { this._set('color', v, '1.6', (t) => (this.entry(t).fontColor = v.toUpperCase())); }
  set bold(v: boolean) { this._set('bold', v, '1.6', (t) => (this.entry(t).bold = v)); }
}
