/**
 * ESLint (flat config), run by `npm test` (`npm run lint`). Its job is the
 * architecture's import boundaries (README, "Kiểm tra mã"), not style:
 *
 *   src/core    pure: no adapter or app (src/xlsx, src/excel, src/cli,
 *               src/taskpane, src/report, src/commands), no Node built-in
 *               (fs, path, ...), no file-format or UI library, no Office.js
 *               globals (Office, Excel, OfficeExtension).
 *   src/excel   the Office.js adapter gets grids, never files: no src/xlsx,
 *               no SheetJS / exceljs.
 *   src/taskpane the pane reaches Office.js only through its one door,
 *               src/taskpane/ports.ts: its components, feature hooks and
 *               actions import no src/excel.
 *   src/**      nothing from the development tools (dev/) or the tests (test/).
 *
 * The rules are ESLint's own `no-restricted-imports` / `no-restricted-globals`
 * matched against the import text (a relative path climbing out of the folder
 * into a forbidden one), so nothing depends on a module resolver that could
 * fail silently. test/lint/boundaries.test.ts proves a broken import fails.
 */
'use strict';
const { builtinModules } = require('node:module');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

/** A relative import climbing out (`../`, `../../`, …) into one of these top-level folders. */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const DEV_TOOLS = {
  regex: into('dev', 'test'),
  message: 'Mã sản phẩm (src/) không dùng công cụ phát triển (dev/) hay mã kiểm thử (test/).',
};
const CORE_PURE = [
  {
    regex: into('xlsx', 'excel', 'cli', 'taskpane', 'report', 'commands'),
    message: 'src/core là lõi thuần: không nhập adapter (src/xlsx, src/excel) hay ứng dụng (src/cli, src/taskpane, src/report, src/commands).',
  },
  { regex: '^node:', message: 'src/core không dùng module của Node.' },
  {
    group: ['@e965/xlsx', 'exceljs', 'jszip', 'docx', 'react', 'react-dom', 'react-dom/*', '@fluentui/*'],
    message: 'src/core không biết định dạng tệp hay giao diện: việc đó của adapter/ứng dụng.',
  },
];
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'src/core không dùng module của Node (fs, path, …).' }));
const EXCEL_GETS_GRIDS = [
  { regex: into('xlsx'), message: 'src/excel nhận lưới (SheetGrid) chứ không đọc tệp: ngăn tác vụ đọc tệp bằng src/xlsx rồi chuyển lưới.' },
  { group: ['@e965/xlsx', 'exceljs'], message: 'src/excel không đọc tệp .xlsx.' },
];
const PANE_ONE_DOOR = {
  regex: into('excel'),
  message: 'Ngăn tác vụ chỉ dùng src/excel qua một cửa: src/taskpane/ports.ts (thành phần, hook và thao tác không nhập src/excel).',
};

const APP_NO_EXCEL = {
  regex: into('excel'),
  message: 'Trang không cần Excel (src/app) chạy khi không có Office.js: không nhập src/excel (dùng chung thao tác tệp của src/taskpane).',
};

const restrict = (patterns, paths = []) => ['error', { paths, patterns }];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'lib-dev/', 'lib-bench/', 'dist/', 'coverage/', 'test/artifacts/', 'bench/out/'] },
  {
    files: ['src/**/*.{ts,tsx}', 'dev/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      // Cheap basics that catch leftovers; `_name` marks a parameter kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
    },
  },
  {
    // The two classic hook rules (the pane already keeps them; TemplateForm.tsx disables one on purpose).
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'dev/harness/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([DEV_TOOLS]) } },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([DEV_TOOLS, ...CORE_PURE], NODE_BUILTINS),
      'no-restricted-globals': ['error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({ name, message: 'src/core không dùng Office.js: việc đó của src/excel.' }))],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/ports.ts'],
    rules: { 'no-restricted-imports': restrict([DEV_TOOLS, PANE_ONE_DOOR]) },
  },
  { files: ['src/excel/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([DEV_TOOLS, ...EXCEL_GETS_GRIDS]) } },
  { files: ['src/app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict([DEV_TOOLS, APP_NO_EXCEL]) } },
);
