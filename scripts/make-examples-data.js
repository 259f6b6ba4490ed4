/**
 * The example district, as data: UBND huyện Nam Đông (Thừa Thiên Huế), year
 * 2022. The plan's tasks shorten the 2022 communication plan (seed 004,
 * Kế hoạch 12/KH-UBND ngày 07/01/2022); UBND xã Hương Lộc's figures are those
 * of its yearly report (seed 000: 10 radio items, "hơn 20" portal posts,
 * 1.031 dossiers all on time, 1 online, 2 panels). Other figures are
 * invented but plausible for a mountain district. Some files hold the real
 * mistakes units make; examples/README.md lists what each should raise.
 *
 * Values are written as the unit typed them: a number, or text.
 * scripts/make-examples.js turns this into examples/*.xlsx; the tests read the
 * same data to compute the expected totals independently of the compiler.
 */
'use strict';

/** Excel date serial of a day (1900 date system). */
function serial(d, m, y) {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

const DISTRICT = 'UBND huyện Nam Đông';
const PROVINCE = 'UBND tỉnh Thừa Thiên Huế';
const YEAR = 2022;
const PERIOD = 'Năm';

/** Tasks of the 2022 plan (seed 004, sections II and IV), shortened. */
const TASKS = [
  { stt: 1, name: 'Tuyên truyền CCHC trên Trang thông tin điện tử của huyện và cấp xã', indicator: 'A1', minimum: 12, threshold: 80 },
  { stt: 2, name: 'Xây dựng chuyên mục CCHC trên hệ thống đài truyền thanh huyện, xã', indicator: 'A2', minimum: 10, threshold: 80 },
  { stt: 3, name: 'Tuyên truyền CCHC trên mạng xã hội (Zalo, Fanpage)', indicator: 'A4', minimum: 5, threshold: 80 },
  { stt: 4, name: 'Niêm yết, công khai thủ tục hành chính; cập nhật TTHC sửa đổi, bổ sung', indicator: 'D8', threshold: 100 },
  { stt: 5, name: 'Tập huấn, bồi dưỡng, quán triệt nội dung CCHC cho cán bộ, công chức', indicator: 'C1', minimum: 1, threshold: 80 },
  { stt: 6, name: 'Tuyên truyền trực quan, phát hành tờ rơi, tập gấp về CCHC', threshold: 80 },
  { stt: 7, name: 'Tuyên truyền cơ chế một cửa, một cửa liên thông và dịch vụ bưu chính công ích', threshold: 80 },
  { stt: 8, name: 'Hướng dẫn người dân sử dụng ứng dụng đô thị thông minh và dịch vụ công trực tuyến', threshold: 80 },
];

const COMMUNES = [
  ['X01', 'UBND xã Hương Lộc'],
  ['X02', 'UBND xã Hương Phú'],
  ['X03', 'UBND xã Hương Sơn'],
  ['X04', 'UBND xã Hương Hòa'],
  ['X05', 'UBND xã Hương Giang'],
  ['X06', 'UBND xã Hương Hữu'],
  ['X07', 'UBND xã Thượng Long'],
  ['X08', 'UBND xã Thượng Quảng'],
  ['X09', 'UBND xã Thượng Nhật'],
  ['X10', 'UBND xã Thượng Lộ'],
  ['X11', 'UBND xã Hương Xuân'],
  ['X12', 'UBND thị trấn Khe Tre'],
];

const DEPARTMENTS = [
  ['P01', 'Văn phòng HĐND và UBND huyện'],
  ['P02', 'Phòng Nội vụ huyện'],
  ['P03', 'Phòng Văn hóa và Thông tin huyện'],
  ['P04', 'Phòng Tư pháp huyện'],
  ['P05', 'Trung tâm Văn hóa - Thông tin và Thể thao huyện'],
];

const PLAN = {
  compilingUnit: DISTRICT,
  level: 'Huyện',
  parent: PROVINCE,
  period: PERIOD,
  year: YEAR,
  // Seed 004: "báo cáo năm gửi trước ngày 20/10/2022".
  deadline: serial(20, 10, YEAR),
  tasks: TASKS,
  roster: [
    ...COMMUNES.map(([code, name]) => ({ code, name, level: name.includes('thị trấn') ? 'Thị trấn' : 'Xã', parent: DISTRICT })),
    ...DEPARTMENTS.map(([code, name]) => ({ code, name, level: 'Phòng, ban', parent: DISTRICT })),
  ],
};

/** Tasks as a unit marks them: every one done unless listed in `notDone` (stt → note) or `both`. */
function marks(results, { notDone = {}, both = [] } = {}) {
  return TASKS.map((t) => {
    if (both.includes(t.stt)) return { stt: t.stt, name: t.name, result: results[t.stt] || 'Đã thực hiện', done: 'both' };
    if (t.stt in notDone) return { stt: t.stt, name: t.name, result: '', done: false, note: notDone[t.stt] };
    return { stt: t.stt, name: t.name, result: results[t.stt] || 'Đã thực hiện', done: true };
  });
}

/** Figures of a commune that handles everything: the D block balances (D4+D5+D6 = D1+D2). */
function commune(f) {
  return { A6: 2, D5: 0, D6: 0, D7: 128, D8: 128, ...f };
}

const base = (code, unit, level) => ({
  unitCode: code, unit, level, parent: DISTRICT, period: PERIOD, year: YEAR, preparer: 'Công chức Văn phòng - Thống kê',
});

/**
 * A commune's file: one sheet of the unit's own form, figures completed by `commune`,
 * every task done unless `tasks` says otherwise; `extra` (sentDate, extraFigureRows,
 * assessment) is added to the sheet as given.
 */
function communeFile({ file, note, sheetName, code, unit, level = 'Xã', docRef, figures, tasks = marks({}), ...extra }) {
  return { file, note, sheets: [{ sheetName, ...base(code, unit, level), docRef, figures: commune(figures), tasks, ...extra }] };
}

/** One entry per file; `sheets` are unit sheets; `messy` marks the hand-typed layout. */
const FILES = [
  {
    file: '00-huyen-nam-dong.xlsx',
    note: 'Trang của chính UBND huyện (hoạt động của huyện): là một dòng riêng trong tổng hợp.',
    sheets: [{
      sheetName: 'Huyện Nam Đông', ...base('H01', DISTRICT, 'Huyện'), parent: PROVINCE,
      docRef: '310/BC-UBND ngày 12/10/2022',
      figures: { A1: 0, A2: 0, A3: 0, A4: 0, A5: 6, A6: null, B1: 2, B2: 12, B3: 0, C1: 2, C2: 180, C3: 0, C4: 0,
        D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0, E1: 45000 },
      figureNotes: { A5: 'Phóng sự trên Đài Phát thanh - Truyền hình tỉnh', E1: 'Hội nghị tổng kết và pano tại trung tâm huyện' },
      tasks: marks({ 5: '02 hội nghị quán triệt, 180 lượt người', 6: '02 pano, 12 băng rôn tại trung tâm huyện' }, {
        notDone: { 1: 'Giao Văn phòng HĐND và UBND huyện thực hiện', 2: 'Giao Trung tâm VH-TT-TT thực hiện', 3: 'Giao Phòng Văn hóa và Thông tin thực hiện' },
      }),
    }],
  },
  {
    file: 'xa-huong-loc.xlsx',
    note: 'Số liệu thật của báo cáo năm của xã (seed 000); "hơn 20" gõ dạng chữ.',
    sheets: [{
      sheetName: 'Hương Lộc', ...base('X01', 'UBND xã Hương Lộc', 'Xã'),
      docRef: '45/BC-UBND ngày 14/10/2022',
      // Seed 000: "10 tin bài phát trên đài truyền thanh xã ... cập nhật lên trang thông tin điện tử hơn 20 bài";
      // "tiếp nhận 1031 hồ sơ, đã giải quyết đúng hạn 1031 hồ sơ"; "trực tuyến ... 01 hồ sơ"; "2 bảng chữ".
      // C1: seed 000 "lồng ghép trong các hội nghị ... quán triệt cho đội ngũ cán bộ công chức".
      figures: { A1: 'hơn 20', A2: 10, B1: 2, C1: 1, D1: 0, D2: 1031, D3: 1, D4: 1031, D5: 0, D6: 0 },
      tasks: marks(
        { 1: 'Cập nhật hơn 20 bài lên trang thông tin điện tử xã', 2: '10 tin bài phát trên đài truyền thanh xã', 4: 'Niêm yết đầy đủ tại Bộ phận một cửa và trang thông tin điện tử', 6: '02 bảng chữ, bảng LED trước Bộ phận một cửa', 8: 'Hướng dẫn cài đặt Hue-S, phản ánh hiện trường' },
        { notDone: { 3: 'Xã chưa có trang mạng xã hội riêng' } },
      ),
      assessment: {
        strengths: 'Được sự quan tâm chỉ đạo quyết liệt của Đảng ủy và chính quyền địa phương; TTHC được cập nhật và công khai đầy đủ, Bộ phận một cửa hoạt động có hiệu quả.',
        weaknesses: 'Trang thiết bị chưa đáp ứng yêu cầu công việc; nguồn kinh phí tuyên truyền CCHC chưa được quan tâm; tiếp nhận, trả kết quả TTHC qua dịch vụ bưu chính công ích còn khó khăn.',
        proposals: 'Thường xuyên mở lớp tập huấn, bồi dưỡng kỹ năng tuyên truyền CCHC cho công chức phụ trách; quan tâm nguồn kinh phí phục vụ công tác tuyên truyền.',
      },
    }],
  },
  communeFile({
    file: 'xa-huong-phu.xlsx',
    note: 'A2 gõ "33 tin, bài": đọc là 33, có cảnh báo.',
    sheetName: 'Hương Phú', code: 'X02', unit: 'UBND xã Hương Phú', docRef: '38/BC-UBND ngày 13/10/2022',
    figures: { A1: 26, A2: '33 tin, bài', A3: 99, A4: 14, A5: 1, B1: 3, B2: 8, B3: 350, C1: 1, C2: 65, C3: 0, C4: 0,
      D1: 3, D2: 842, D3: 96, D4: 845, E1: 4500 },
  }),
  communeFile({
    file: 'xa-huong-son.xlsx',
    note: 'Hồ sơ không cân: D4 + D5 + D6 = 609 khác D1 + D2 = 616 (lỗi, số liệu vẫn được tính).',
    sheetName: 'Hương Sơn', code: 'X03', unit: 'UBND xã Hương Sơn', docRef: '41/BC-UBND ngày 17/10/2022',
    figures: { A1: 18, A2: 22, A3: 66, A4: 9, A5: 0, B1: 2, B2: 6, B3: 200, C1: 1, C2: 48, C3: 0, C4: 0,
      D1: 4, D2: 612, D3: 57, D4: 598, D5: 2, D6: 9, E1: 3000 },
  }),
  communeFile({
    file: 'xa-huong-hoa.xlsx',
    note: 'B2 = -3 (số âm): lỗi, ô không được tính.',
    sheetName: 'Hương Hòa', code: 'X04', unit: 'UBND xã Hương Hòa', docRef: '29/BC-UBND ngày 11/10/2022',
    figures: { A1: 15, A2: 18, A3: 54, A4: 6, A5: 0, B1: 1, B2: -3, B3: 150, C1: 1, C2: 40, C3: 0, C4: 0,
      D1: 0, D2: 455, D3: 38, D4: 452, D5: 1, D6: 2, E1: 2500 },
  }),
  communeFile({
    file: 'xa-huong-giang.xlsx',
    note: 'Nhiệm vụ 3 đánh dấu cả "Hoàn thành" và "Chưa hoàn thành": lỗi, tính là chưa hoàn thành.',
    sheetName: 'Hương Giang', code: 'X05', unit: 'UBND xã Hương Giang', docRef: '33/BC-UBND ngày 14/10/2022',
    figures: { A1: 21, A2: 16, A3: 48, A4: 7, A5: 1, B1: 2, B2: 5, B3: 260, C1: 2, C2: 85, C3: 1, C4: 160,
      D1: 2, D2: 530, D3: 61, D4: 529, D5: 0, D6: 3, E1: 3500 },
    tasks: marks({ 3: 'Đăng 7 tin trên nhóm Zalo của xã' }, { both: [3] }),
  }),
  communeFile({
    file: 'xa-huong-huu.xlsx',
    note: 'Gửi ngày 28/10/2022, sau hạn 20/10/2022: "Nộp muộn" (vẫn được tính đủ).',
    sheetName: 'Hương Hữu', code: 'X06', unit: 'UBND xã Hương Hữu', docRef: '52/BC-UBND ngày 27/10/2022',
    sentDate: serial(28, 10, YEAR),
    figures: { A1: 13, A2: 12, A3: 36, A4: 5, A5: 0, B1: 1, B2: 4, B3: 120, C1: 1, C2: 35, C3: 0, C4: 0,
      D1: 1, D2: 387, D3: 22, D4: 386, D5: 0, D6: 2, E1: 2000 },
  }),
  communeFile({
    file: 'xa-thuong-long.xlsx',
    note: 'Thêm dòng mã "F1" không có trong mẫu: cảnh báo mã lạ, dòng bị bỏ qua.',
    sheetName: 'Thượng Long', code: 'X07', unit: 'UBND xã Thượng Long', docRef: '40/BC-UBND ngày 15/10/2022',
    figures: { A1: 17, A2: 20, A3: 60, A4: 8, A5: 0, B1: 2, B2: 6, B3: 180, C1: 1, C2: 52, C3: 0, C4: 0,
      D1: 0, D2: 298, D3: 19, D4: 297, D5: 0, D6: 1, E1: 2200 },
    extraFigureRows: [{ code: 'F1', label: 'Tin, bài trên bảng tin khu dân cư', unit: 'tin, bài', value: 12 }],
  }),
  {
    file: 'xa-thuong-quang.xlsx',
    messy: true,
    note: 'Gõ tay: không dấu, chữ hoa, thêm cột A và dòng trống, cột trống giữa bảng, số gõ dạng "1.245" và "2,5": phải đọc sạch, không lỗi.',
    sheets: [{
      sheetName: 'Thuong Quang', ...base('X08', 'UBND xa Thuong Quang', 'Xa'), level: 'Xa', parent: 'UBND huyen Nam Dong', period: 'Nam',
      docRef: '36/BC-UBND ngay 13/10/2022',
      figures: { A1: 14, A2: 15, A3: 45, A4: 6, A5: 0, A6: '2,5', B1: 1, B2: 4, B3: 140, C1: 1, C2: 38, C3: 0, C4: 0,
        D1: 2, D2: '1.245', D3: 88, D4: 1243, D5: 1, D6: 3, D7: 128, D8: 128, E1: 2600 },
      tasks: marks({}),
    }],
  },
  communeFile({
    file: 'xa-thuong-nhat.xlsx',
    note: 'A5 ghi "chưa thống kê": lỗi không đọc được số, ô không được tính.',
    sheetName: 'Thượng Nhật', code: 'X09', unit: 'UBND xã Thượng Nhật', docRef: '31/BC-UBND ngày 12/10/2022',
    figures: { A1: 12, A2: 11, A3: 33, A4: 5, A5: 'chưa thống kê', B1: 1, B2: 3, B3: 100, C1: 1, C2: 30, C3: 0, C4: 0,
      D1: 0, D2: 265, D3: 14, D4: 264, D5: 0, D6: 1, E1: 1800 },
  }),
  // UBND xã Thượng Lộ (X10) sent nothing: "Chưa nộp".
  communeFile({
    file: 'xa-huong-xuan.xlsx',
    note: 'A1 = 8 nhưng đánh dấu hoàn thành nhiệm vụ 1 (mức tối thiểu 12): cảnh báo.',
    sheetName: 'Hương Xuân', code: 'X11', unit: 'UBND xã Hương Xuân', docRef: '27/BC-UBND ngày 10/10/2022',
    figures: { A1: 8, A2: 14, A3: 42, A4: 6, A5: 0, B1: 1, B2: 5, B3: 160, C1: 1, C2: 42, C3: 0, C4: 0,
      D1: 1, D2: 402, D3: 31, D4: 401, D5: 0, D6: 2, E1: 2400 },
  }),
  communeFile({
    file: 'tt-khe-tre.xlsx',
    note: 'Thị trấn (cấp "Thị trấn" = Xã), báo cáo đầy đủ, không lỗi.',
    sheetName: 'Khe Tre', code: 'X12', unit: 'UBND thị trấn Khe Tre', level: 'Thị trấn', docRef: '58/BC-UBND ngày 13/10/2022',
    figures: { A1: 34, A2: 28, A3: 112, A4: 25, A5: 2, A6: 3, B1: 4, B2: 10, B3: 600, C1: 2, C2: 120, C3: 1, C4: 310,
      D1: 6, D2: 1385, D3: 174, D4: 1379, D5: 2, D6: 10, D7: 131, D8: 131, E1: 8500 },
    assessment: { strengths: 'Chuyên mục CCHC trên trang thông tin điện tử được cập nhật hằng tuần.' },
  }),
  {
    file: 'phong-ban.xlsx',
    note: 'Một tệp, năm trang: báo cáo của các phòng, ban (Phòng Nội vụ không giải quyết hồ sơ: một cảnh báo liệt kê các ô để trống).',
    sheets: [
      {
        sheetName: 'VP HĐND-UBND', ...base('P01', 'Văn phòng HĐND và UBND huyện', 'Phòng, ban'), docRef: '115/BC-VP ngày 12/10/2022',
        figures: { A1: 96, A2: 0, A3: 0, A4: 40, A5: 3, A6: null, B1: 1, B2: 6, B3: 500, C1: 1, C2: 60, C3: 0, C4: 0,
          D1: 25, D2: 4200, D3: 1350, D4: 4180, D5: 12, D6: 33, D7: 254, D8: 254, E1: 15000 },
        tasks: marks({ 1: '96 tin, bài trên Trang thông tin điện tử huyện', 4: 'Công khai 254 TTHC tại Trung tâm Hành chính công' }, { notDone: { 2: 'Không thuộc nhiệm vụ của Văn phòng' } }),
      },
      {
        sheetName: 'Phòng Nội vụ', ...base('P02', 'Phòng Nội vụ huyện', 'Phòng, ban'), docRef: '88/BC-NV ngày 11/10/2022',
        figures: { A1: 12, A2: 0, A3: 0, A4: 6, A5: 0, A6: null, B1: 0, B2: 0, B3: 300, C1: 3, C2: 240, C3: 1, C4: 1250, E1: 12000 },
        tasks: marks({ 5: '03 lớp tập huấn, 240 lượt người; 01 cuộc thi tìm hiểu CCHC' }, { notDone: { 2: 'Phối hợp cung cấp tin, bài cho đài truyền thanh' } }),
      },
      {
        sheetName: 'Phòng VH-TT', ...base('P03', 'Phòng Văn hóa và Thông tin huyện', 'Phòng, ban'), docRef: '64/BC-VHTT ngày 12/10/2022',
        figures: { A1: 45, A2: 0, A3: 0, A4: 60, A5: 4, A6: null, B1: 6, B2: 25, B3: 3000, C1: 1, C2: 70, C3: 0, C4: 0,
          D1: 0, D2: 35, D3: 12, D4: 35, D5: 0, D6: 0, D7: 12, D8: 12, E1: 20000 },
        tasks: marks({ 3: 'Fanpage "Nam Đông ngày mới": 60 tin, video' }, { notDone: { 2: 'Phối hợp Trung tâm VH-TT-TT' } }),
      },
      {
        sheetName: 'Phòng Tư pháp', ...base('P04', 'Phòng Tư pháp huyện', 'Phòng, ban'), docRef: '52/BC-TP ngày 13/10/2022',
        figures: { A1: 12, A2: 0, A3: 0, A4: 5, A5: 0, A6: null, B1: 0, B2: 2, B3: 400, C1: 2, C2: 150, C3: 0, C4: 0,
          D1: 1, D2: 156, D3: 40, D4: 155, D5: 0, D6: 2, D7: 28, D8: 28, E1: 5000 },
        tasks: marks({}, { notDone: { 2: 'Phối hợp cung cấp tin, bài' } }),
      },
      {
        sheetName: 'Trung tâm VH-TT-TT', ...base('P05', 'Trung tâm Văn hóa - Thông tin và Thể thao huyện', 'Phòng, ban'), docRef: '47/BC-TTVH ngày 14/10/2022',
        figures: { A1: 20, A2: 120, A3: 480, A4: 30, A5: 18, A6: 4.5, B1: 3, B2: 20, B3: 2500, C1: 0, C2: 0, C3: 0, C4: 0,
          D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0, E1: 25000 },
        tasks: marks({ 2: 'Chuyên mục CCHC hằng tháng trên đài truyền thanh huyện' }, { notDone: { 5: 'Không tổ chức tập huấn' } }),
      },
    ],
  },
];

module.exports = { DISTRICT, PROVINCE, YEAR, PERIOD, PLAN, TASKS, COMMUNES, DEPARTMENTS, FILES, serial };
