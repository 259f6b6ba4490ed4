import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingVerticalS },
});

export interface ActionBarProps {
  busy: boolean;
  onCompile: () => void;
  onCheck: () => void;
  onTemplate: () => void;
  onImport: () => void;
  onCompileFiles: () => void;
  onExport: () => void;
  /** Phản hồi: the review letters as a .zip. */
  onFeedback?: () => void;
  /** «Tạo kế hoạch»: shown when given. */
  onPlan?: () => void;
}

/** The six actions; all disabled while one runs (one Excel.run at a time). */
export function ActionBar(p: ActionBarProps): React.ReactElement {
  const s = useStyles();
  return (
    <div className={s.grid} role="toolbar" aria-label="Thao tác">
      <Button appearance="primary" disabledFocusable={p.busy} onClick={p.onCompile} title="Đọc các trang TTCCHC-1 và trang Kế hoạch, ghi các trang tổng hợp">
        Tổng hợp
      </Button>
      <Button disabledFocusable={p.busy} onClick={p.onCheck} title="Chỉ kiểm tra, không ghi gì vào sổ làm việc">
        Kiểm tra
      </Button>
      <Button disabledFocusable={p.busy} onClick={p.onTemplate} title="Thêm một trang báo cáo trống theo mẫu TTCCHC-1">
        Tạo mẫu
      </Button>
      <Button disabledFocusable={p.busy} onClick={p.onImport} title="Chép báo cáo của đơn vị từ các tệp .xlsx vào sổ làm việc này">
        Nhập báo cáo
      </Button>
      <Button disabledFocusable={p.busy} onClick={p.onCompileFiles} title="Tổng hợp thẳng từ các tệp .xlsx, không chép chúng vào sổ làm việc">
        Tổng hợp từ tệp
      </Button>
      <Button disabledFocusable={p.busy} onClick={p.onExport} title="Tải về báo cáo .docx của lần tổng hợp gần nhất">
        Xuất báo cáo
      </Button>
      {p.onFeedback && (
        <Button disabledFocusable={p.busy} onClick={p.onFeedback} title="Tải về phiếu phản hồi cho đơn vị có lỗi và công văn đôn đốc đơn vị chưa nộp (.zip)">
          Phản hồi
        </Button>
      )}
      {p.onPlan && (
        <Button disabledFocusable={p.busy} onClick={p.onPlan} title="Thêm trang Kế hoạch của kỳ: danh sách mọi xã, phường của tỉnh theo danh mục đơn vị hành chính, nhiệm vụ mẫu, hạn nộp">
          Tạo kế hoạch
        </Button>
      )}
    </div>
  );
}
