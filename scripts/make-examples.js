#!/usr/bin/env node
/**
 * Writes examples/*.xlsx from scripts/make-examples-data.js:
 *   npm run examples        (compiles tsconfig.dev.json into lib-dev/, then runs this)
 * Unit sheets use the core's own layout (the form the template gives units),
 * filled as units type them; the hand-typed file (`messy`) is drawn cell by
 * cell with exceljs, as a person would in a blank workbook. The files carry a
 * fixed date so that running this again changes nothing unless the data did.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib-dev');
const { writeXlsx } = require(path.join(LIB, 'src', 'xlsx', 'write.js'));
const { unitReportSheet } = require(path.join(LIB, 'test', 'helpers', 'unit-sheet.js'));
const { layoutPlan: planSheet } = require(path.join(LIB, 'src', 'core', 'layout', 'plan-sheet.js'));
const { INDICATORS, ASSESSMENT_LABELS } = require(path.join(LIB, 'src', 'core', 'template.js'));
const DATA = require('./make-examples-data');
const { makeProvinceExample } = require('./make-province-example');

const OUT = path.join(ROOT, 'examples');
const FILE_DATE = new Date(Date.UTC(2022, 9, 20, 8, 0, 0));

/** Labels typed without diacritics, as on a keyboard without a Vietnamese input method. */
function plain(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** The hand-typed sheet: an extra column A, blank rows, upper case, no diacritics, an empty column inside the table. */
async function messyWorkbook(spec) {
  const wb = new ExcelJS.Workbook();
  wb.created = FILE_DATE;
  wb.modified = FILE_DATE;
  const ws = wb.addWorksheet(spec.sheetName);
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 50;
  ws.getColumn(4).width = 16;
  ws.getColumn(5).width = 4;
  ws.getColumn(6).width = 12;
  ws.getColumn(7).width = 24;
  let r = 2;
  ws.getCell(r, 2).value = `BAO CAO KET QUA CONG TAC TUYEN TRUYEN CCHC NAM ${spec.year}`;
  ws.getCell(r, 2).font = { bold: true, size: 14 };
  ws.mergeCells(r, 2, r, 7);
  r += 3; // two blank rows under the title
  const id = [
    ['MA MAU', 'TTCCHC-1'],
    ['don vi bao cao', spec.unit],
    ['Ma don vi', spec.unitCode],
    ['CAP', spec.level],
    ['Don vi cap tren', spec.parent],
    ['Ky bao cao', spec.period],
    ['Nam', spec.year],
    ['So, ngay van ban', spec.docRef],
    ['Nguoi lap', plain(spec.preparer)],
  ];
  for (const [label, value] of id) {
    ws.getCell(r, 2).value = label;
    // The value sits two columns to the right: the next non-empty cell.
    ws.getCell(r, 4).value = value;
    r++;
  }
  r += 2;
  ws.getCell(r++, 2).value = 'I. SO LIEU';
  ['MA', 'CHI TIEU', 'DON VI TINH', null, 'SO LIEU', 'GHI CHU'].forEach((h, i) => { if (h) ws.getCell(r, 2 + i).value = h; });
  ws.getRow(r).font = { bold: true };
  r++;
  for (const ind of INDICATORS) {
    if (ind.code === 'D1') r++; // a blank row typed between the groups
    ws.getCell(r, 2).value = ind.code;
    ws.getCell(r, 3).value = plain(ind.label);
    ws.getCell(r, 4).value = plain(ind.unit);
    const v = spec.figures[ind.code];
    if (v !== undefined && v !== null) ws.getCell(r, 6).value = v;
    r++;
  }
  r += 2;
  ws.getCell(r++, 2).value = 'II. PHU LUC NHIEM VU';
  ['STT', 'NOI DUNG NHIEM VU', 'KET QUA THUC HIEN', 'HOAN THANH', 'CHUA HOAN THANH', 'GHI CHU'].forEach((h, i) => { ws.getCell(r, 2 + i).value = h; });
  ws.getRow(r).font = { bold: true };
  r++;
  spec.tasks.forEach((t, i) => {
    ws.getCell(r, 2).value = t.stt;
    ws.getCell(r, 3).value = plain(t.name).toLowerCase();
    ws.getCell(r, 4).value = t.result ? plain(t.result) : null;
    const mark = i % 2 ? '✓' : 'X';
    if (t.done === true || t.done === 'both') ws.getCell(r, 5).value = mark;
    if (t.done === false || t.done === 'both') ws.getCell(r, 6).value = mark;
    if (t.note) ws.getCell(r, 7).value = plain(t.note);
    r++;
  });
  r += 1;
  ws.getCell(r++, 2).value = 'III. DANH GIA';
  for (const a of ASSESSMENT_LABELS) {
    ws.getCell(r, 2).value = plain(a.label);
    const text = spec.assessment && spec.assessment[a.key];
    if (text) ws.getCell(r, 3).value = plain(text);
    r++;
  }
  // exceljs stamps the zip entries with the current time: re-zip with the fixed date so the file is stable.
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date: FILE_DATE });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const written = [];
  const plan = await writeXlsx([planSheet(DATA.PLAN)], { date: FILE_DATE });
  fs.writeFileSync(path.join(OUT, 'ke-hoach.xlsx'), plan);
  written.push('ke-hoach.xlsx');
  for (const f of DATA.FILES) {
    const bytes = f.messy ? await messyWorkbook(f.sheets[0]) : await writeXlsx(f.sheets.map(unitReportSheet), { date: FILE_DATE });
    fs.writeFileSync(path.join(OUT, f.file), bytes);
    written.push(f.file);
  }
  console.log(`Đã ghi ${written.length} tệp vào ${path.relative(process.cwd(), OUT) || '.'}: ${written.join(', ')}`);
  // The current structure (two tiers since 1 July 2025): a province quarter, by the plan and template code.
  const provinceDir = path.join(OUT, 'quang-tri-quy-i-2026');
  const province = await makeProvinceExample(LIB, provinceDir, new Date(Date.UTC(2026, 2, 3, 8, 0, 0)));
  console.log(`Đã ghi ${province.written.length} tệp vào ${path.relative(process.cwd(), provinceDir)} (${province.province}: ${province.units} đơn vị trong Kế hoạch).`);
  // Its second quarter, and the plan of the six months compiled from both (docs/spec/TEMPLATE.md §11).
  const secondDir = path.join(OUT, 'quang-tri-quy-ii-2026');
  const second = await makeProvinceExample(LIB, secondDir, new Date(Date.UTC(2026, 5, 10, 8, 0, 0)), { period: 'Quý II' });
  console.log(`Đã ghi ${second.written.length} tệp vào ${path.relative(process.cwd(), secondDir)}.`);
  const halfDir = path.join(OUT, 'quang-tri-6-thang-2026');
  const half = await makeProvinceExample(LIB, halfDir, new Date(Date.UTC(2026, 5, 10, 8, 0, 0)), { period: '6 tháng', planOnly: true });
  console.log(`Đã ghi ${half.written.length} tệp vào ${path.relative(process.cwd(), halfDir)}.`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
