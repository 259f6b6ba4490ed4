import * as React from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { MIN_EXCEL_API, isExcelApiSupported } from '../ports';

/**
 * The manifest lets Excel 2016 and 2019 bought outright open the pane
 * (ExcelApi 1.1: src/excel/api-sets.ts); when this Excel has less than the
 * buttons need, the pane says so in Vietnamese and offers the page that does
 * the same work from files without Excel (app.html, shipped beside the pane).
 * Nothing is shown on an Excel that has what the buttons need.
 */
export function ExcelTooOld({ supported = isExcelApiSupported }: { supported?: (version: string) => boolean }): React.ReactElement | null {
  if (supported(MIN_EXCEL_API)) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="excel-too-old">
      <MessageBarBody>
        <MessageBarTitle>Phiên bản Excel này chưa dùng được các nút của ngăn</MessageBarTitle>
        <div>
          Các nút Tổng hợp, Kiểm tra, Nhập báo cáo cần Excel hỗ trợ ExcelApi {MIN_EXCEL_API} trở lên (Excel 2019, 2021, 2024, Microsoft 365 hoặc Excel
          trên web); Excel 2016 bản mua một lần chỉ có ExcelApi 1.1.
        </div>
        <div>
          Vẫn tổng hợp được ngay trên máy này, không cần Excel:{' '}
          <Link href="app.html" target="_blank" rel="noopener">mở trang Tổng hợp CCHC trong trình duyệt</Link>
          {' '}(chọn các tệp báo cáo và tệp Kế hoạch, bấm Tổng hợp), hoặc{' '}
          <Link href="app.html" download="tong-hop-cchc.html">tải trang về máy</Link> để dùng không cần mạng và gửi cho cán bộ khác.
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
