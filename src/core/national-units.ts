/**
 * The official list of provinces and communes (two tiers since 1 July 2025,
 * docs/spec/TEMPLATE.md §9), looked up the way an officer types a name.
 * The data and where it comes from: ./national-units-data.ts.
 *
 * A plan built from this list is only a starting point: the roster in the
 * plan sheet (§6) stays the authority once the officer has saved it.
 */
import { NATIONAL_UNITS_DATA } from './national-units-data';
import { foldLoose } from './text';

export type ProvinceKind = 'Tỉnh' | 'Thành phố';
export type CommuneKind = 'Xã' | 'Phường' | 'Đặc khu';

export interface Commune {
  /** Official 5-digit code, e.g. `19363`. */
  code: string;
  kind: CommuneKind;
  /** The name without its kind, e.g. `Vĩnh Linh`. */
  name: string;
  /** As a report names it: `UBND xã Vĩnh Linh`, `UBND phường Đông Hà`, `UBND đặc khu Cồn Cỏ`. */
  unitName: string;
}

export interface Province {
  /** Official 2-digit code, e.g. `44`. */
  code: string;
  kind: ProvinceKind;
  /** The name without its kind, e.g. `Quảng Trị`, `Huế`. */
  name: string;
  /** The full name, e.g. `Tỉnh Quảng Trị`, `Thành phố Huế`. */
  fullName: string;
  /** As a report names the compiling unit: `UBND tỉnh Quảng Trị`, `UBND thành phố Huế`. */
  unitName: string;
  communes: readonly Commune[];
}

/** `Xã Vĩnh Linh` → `Vĩnh Linh`; the list also holds `xã Bắc Sơn` in lower case. */
function withoutKind(fullName: string, kind: string): string {
  return fullName.toLowerCase().startsWith(kind.toLowerCase() + ' ') ? fullName.slice(kind.length + 1).trim() : fullName.trim();
}

function unitNameOf(kind: string, name: string): string {
  return `UBND ${kind.toLowerCase()} ${name}`;
}

let cache: readonly Province[] | null = null;

/** The 34 provinces and centrally governed cities, in the list's order (by code). */
export function provinces(): readonly Province[] {
  if (cache) return cache;
  cache = NATIONAL_UNITS_DATA.map(([code, fullName, kind, packed]) => {
    const name = withoutKind(fullName, kind);
    const communes = packed.split('|').map((c): Commune => {
      const [cCode, cKind, cFull] = c.split(':');
      const cName = withoutKind(cFull, cKind);
      return { code: cCode, kind: cKind as CommuneKind, name: cName, unitName: unitNameOf(cKind, cName) };
    });
    return { code, kind: kind as ProvinceKind, name, fullName, unitName: unitNameOf(kind, name), communes };
  });
  return cache;
}

const KIND_WORDS = /^(?:(?:ubnd|uy ban nhan dan)\s+)?(?:(?:tinh|thanh pho|tp)\s+)?/;

/** `Tỉnh Quảng Trị`, `quang tri`, `UBND tỉnh Quảng Trị`, `TP. Huế` → the folded bare name. */
function provinceKey(s: string): string {
  return foldLoose(s).replace(KIND_WORDS, '').trim();
}

/**
 * The province an officer means: its code (`44`, `044`), its name with or
 * without diacritics, kind or `UBND` (`Quảng Trị`, `quang tri`, `Tỉnh Quảng
 * Trị`, `UBND tỉnh Quảng Trị`, `TP Hồ Chí Minh`). Undefined when none
 * matches; the caller lists `provinces()` for the user.
 */
export function findProvince(query: string): Province | undefined {
  const q = query.trim();
  if (!q) return undefined;
  if (/^\d{1,3}$/.test(q)) {
    const code = q.padStart(2, '0').slice(-2);
    return provinces().find((p) => p.code === code);
  }
  const key = provinceKey(q);
  if (!key) return undefined;
  return provinces().find((p) => provinceKey(p.name) === key);
}

/** The commune with this official 5-digit code, with its province. */
export function findCommune(code: string): { province: Province; commune: Commune } | undefined {
  const c = code.trim().padStart(5, '0');
  for (const province of provinces()) {
    const commune = province.communes.find((x) => x.code === c);
    if (commune) return { province, commune };
  }
  return undefined;
}
