/**
 * The current-structure example (issue 10): UBND tỉnh Quảng Trị compiling
 * Quý I 2026 from every commune of the official list plus four departments,
 * written into examples/quang-tri-quy-i-2026/ by the product's own plan and
 * template code (what `tonghop plan` and `tonghop template --plan` write),
 * then filled with plausible invented figures. Real mistakes, on purpose
 * (examples/README.md lists them): one commune's dossiers do not balance,
 * one marks a task twice, one types a figure as text, one resends a
 * corrected report (the newer counts), one sends late, two do not send.
 * Figures are drawn from a fixed seed, so running this again changes nothing.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const PERIOD = 'Quý I';
const YEAR = 2026;
const PROVINCE_CODE = '44';
const DEPARTMENTS = ['Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tư pháp'];
/** Excel serial of a day (1900 system). */
const serial = (d, m, y) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

/** Balanced figures for a quarter of a commune (or a department: fewer dossiers). */
function figuresFor(rnd, department) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const d1 = int(0, 20);
  const d2 = department ? int(20, 200) : int(150, 1400);
  const d5 = int(0, 3);
  const d6 = int(0, Math.min(15, d1 + d2 - d5));
  const d4 = d1 + d2 - d5 - d6;
  const c1 = int(0, 2);
  const c3 = rnd() < 0.2 ? 1 : 0;
  const d7 = department ? int(20, 120) : int(250, 320);
  return {
    A1: int(3, 25), A2: department ? 0 : int(5, 30), A3: department ? 0 : int(20, 120), A4: int(2, 20), A5: int(0, 3),
    A6: department ? 0 : int(2, 6) / 2, B1: int(0, 4), B2: int(0, 6), B3: int(0, 300),
    C1: c1, C2: c1 ? int(20, 120) : 0, C3: c3, C4: c3 ? int(50, 400) : 0,
    D1: d1, D2: d2, D3: int(Math.floor(d2 * 0.4), d2), D4: d4, D5: d5, D6: d6, D7: d7, D8: d7 - int(0, 2), E1: int(0, 8) * 500,
  };
}

/**
 * The second quarter (`opts.period` 'Quý II'): the same province, figures from
 * another seed, sent in June; one commune that missed Quý I sends Quý II (so
 * its `6 tháng` cannot be built: the compile names Quý I as missing), the
 * other sends neither, one sends late, and none of Quý I's typing mistakes.
 * `opts.planOnly` writes just the plan of `opts.period` (the `6 tháng` plan).
 *
 * Writes the example; `lib` is the compiled tree (lib-dev) holding src/ and test/helpers/.
 * Returns the file names written.
 */
async function makeProvinceExample(lib, outDir, fileDate, opts = {}) {
  const period = opts.period || PERIOD;
  const second = period === 'Quý II';
  // The month the reports are sent: the one after the quarter's cut-off on the 14th (Quý I: February, as before).
  const month = second ? 6 : 2;
  const req = (p) => require(path.join(lib, p));
  const { writeXlsx } = req('src/xlsx/write.js');
  const { findProvince } = req('src/core/national-units.js');
  const { layoutPlan, newPlanSpec } = req('src/core/layout/plan-sheet.js');
  const { templatesForPlan } = req('src/core/layout/plan-templates.js');
  const { outputSheetToGrid } = req('src/core/layout/index.js');
  const { readSheet } = req('src/core/reader.js');
  const { fillTemplate } = req('test/helpers/fill-template.js');

  const province = findProvince(PROVINCE_CODE);
  const spec = newPlanSpec({ province, period, year: YEAR });
  // The officer adds the departments in the rows the plan leaves for them.
  spec.roster.push(...DEPARTMENTS.map((name, i) => ({ code: `S0${i + 1}`, name, level: 'Sở, ngành', parent: province.unitName })));
  spec.room = { rows: 0, level: '', parent: '' };
  const planSheet = layoutPlan(spec);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const write = async (name, sheets) => {
    fs.writeFileSync(path.join(outDir, name), await writeXlsx(sheets, { date: fileDate }));
    written.push(name);
  };
  await write('ke-hoach.xlsx', [planSheet]);
  if (opts.planOnly) return { written, province: province.unitName, units: spec.roster.length };
  const plan = readSheet(outputSheetToGrid(planSheet)).plan;

  const templates = templatesForPlan(plan);
  // The benchmark's seeded generator (scripts/bench-data.js): the same figures every run.
  const { rng } = require('./bench-data');
  const rnd = rng(second ? 2027 : 2026);
  const communes = templates.filter((t) => !t.fileName.startsWith('S0'));
  // Chosen by position so the story holds whatever the names are.
  const missing = new Set(second ? [communes[40].unit] : [communes[7].unit, communes[40].unit]);
  const unbalanced = second ? null : communes[3].unit;
  const markedTwice = second ? null : communes[12].unit;
  const typedAsText = second ? null : communes[20].unit;
  const late = communes[30].unit;
  const resent = second ? null : communes[5].unit;
  const pad = (n) => String(n).padStart(2, '0');
  for (const [i, t] of templates.entries()) {
    const department = t.fileName.startsWith('S0');
    const figures = figuresFor(rnd, department);
    const tasks = plan.tasks;
    // A unit marks a task done when it did it; one with a target marks it done only when its figure reaches the target.
    const marks = tasks.map((task) => {
      const reached = !task.indicator || task.minimum === undefined || figures[task.indicator] >= task.minimum;
      return reached && rnd() < 0.9 ? ['x', ''] : ['', 'x'];
    });
    const results = tasks.map((task, k) => (marks[k][0] ? 'Đã thực hiện theo kế hoạch' : ''));
    const notes = tasks.map((task, k) => (marks[k][1] ? (task.minimum !== undefined ? `Chưa đạt mức kế hoạch, sẽ bổ sung trong ${second ? 'quý III' : 'quý II'}` : 'Chưa bố trí được kinh phí') : ''));
    const day = (second ? 10 : 18) + (i % 7);
    const fill = { figures, marks, results, notes, sentDate: serial(day, month, YEAR), docRef: `${10 + i}/BC-UBND ngày ${day}/${pad(month)}/${YEAR}`, preparer: 'Văn phòng' };
    if (missing.has(t.unit)) continue;
    if (t.unit === unbalanced) figures.D4 -= 5;
    if (t.unit === markedTwice) marks[1] = ['x', 'x'];
    if (t.unit === typedAsText) figures.A1 = `khoảng ${figures.A1} tin`;
    if (t.unit === late) {
      // After the default deadline: two working days after the cut-off on the 14th (Quý I: 17/03, Quý II: 16/06).
      fill.sentDate = serial(19, month + 1, YEAR);
      fill.docRef = `${10 + i}/BC-UBND ngày 19/${pad(month + 1)}/${YEAR}`;
    }
    if (t.unit === resent) {
      // First sent with a typing slip in D2 (and so D4), corrected three days later: the newer file counts.
      const first = { ...figures, D2: figures.D2 + 1000, D4: figures.D4 + 1000 };
      await write(t.fileName, [fillTemplate(t.sheet, { ...fill, figures: first, sentDate: serial(18, 2, YEAR), docRef: `${10 + i}/BC-UBND ngày 18/02/${YEAR}` })]);
      await write(t.fileName.replace(/\.xlsx$/, ' (gửi lại).xlsx'), [fillTemplate(t.sheet, { ...fill, sentDate: serial(21, 2, YEAR), docRef: `${10 + i}a/BC-UBND ngày 21/02/${YEAR}` })]);
      continue;
    }
    await write(t.fileName, [fillTemplate(t.sheet, fill)]);
  }
  return { written, missing: [...missing], unbalanced, markedTwice, typedAsText, late, resent, province: province.unitName, units: templates.length };
}

module.exports = { makeProvinceExample, PROVINCE_CODE, PERIOD, YEAR };
