/** The add-in page: the pane renders once Office.js is ready. */
import { mountPane } from './mount';

Office.onReady((info) => {
  const root = document.getElementById('root');
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = 'Tổng hợp CCHC chỉ chạy trong Excel.';
    return;
  }
  mountPane(root);
});
