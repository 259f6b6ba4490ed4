/** The add-in page: the pane renders once Office.js is ready. */
import { mountPane } from './mount';

function say(root: HTMLElement, text: string): void {
  root.innerHTML = '';
  const p = document.createElement('p');
  p.style.cssText = "font-family: 'Segoe UI', sans-serif; padding: 12px; color: #a4262c";
  p.textContent = text;
  root.appendChild(p);
}

const root = document.getElementById('root');
if (root) {
  if (typeof Office === 'undefined') {
    // office.js comes from Microsoft's CDN: without a network it is missing.
    say(root, 'Không tải được thư viện Office (office.js). Hãy kiểm tra kết nối mạng rồi mở lại ngăn Tổng hợp CCHC.');
  } else {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) say(root, 'Tổng hợp CCHC chỉ chạy trong Excel: hãy mở ngăn này từ nút Tổng hợp trên thẻ Trang đầu của Excel.');
      else mountPane(root);
    });
  }
}
