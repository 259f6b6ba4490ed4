/**
 * The tasks a new plan starts with (`tonghop plan`, «Tạo kế hoạch»): the
 * bundled example plan's tasks (scripts/make-examples-data.js TASKS, which
 * shorten the 2022 communication plan of docs/spec/seeds/004, Kế hoạch 12/KH-UBND),
 * worded for the two tiers in force since 1 July 2025 (docs/spec/TEMPLATE.md §9: a province
 * and its communes). The officer edits them in the plan sheet, or takes
 * another plan's with `--tasks-from`.
 */
import type { PlanTask } from './model';

export const DEFAULT_PLAN_TASKS: readonly PlanTask[] = [
  { stt: 1, name: 'Tuyên truyền CCHC trên Cổng/Trang thông tin điện tử của tỉnh và cấp xã', indicator: 'A1', minimum: 12, threshold: 0.8 },
  { stt: 2, name: 'Xây dựng chuyên mục CCHC trên hệ thống truyền thanh cấp xã', indicator: 'A2', minimum: 10, threshold: 0.8 },
  { stt: 3, name: 'Tuyên truyền CCHC trên mạng xã hội (Zalo, Fanpage)', indicator: 'A4', minimum: 5, threshold: 0.8 },
  { stt: 4, name: 'Niêm yết, công khai thủ tục hành chính; cập nhật TTHC sửa đổi, bổ sung', indicator: 'D8', threshold: 1 },
  { stt: 5, name: 'Tập huấn, bồi dưỡng, quán triệt nội dung CCHC cho cán bộ, công chức', indicator: 'C1', minimum: 1, threshold: 0.8 },
  { stt: 6, name: 'Tuyên truyền trực quan, phát hành tờ rơi, tập gấp về CCHC', threshold: 0.8 },
  { stt: 7, name: 'Tuyên truyền cơ chế một cửa, một cửa liên thông và dịch vụ bưu chính công ích', threshold: 0.8 },
  { stt: 8, name: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến', threshold: 0.8 },
];
