/**
 * Saves bytes made in the pane as a file (no server involved).
 *
 * Everywhere but Excel for Mac: a Blob and `a[download]`. The Mac webview
 * (WKWebView) ignores that silently ("by design": https://github.com/OfficeDev/office-js/issues/2700,
 * https://github.com/OfficeDev/office-js/issues/3385, https://github.com/OfficeDev/office-js/issues/4681); Microsoft's advice there
 * (https://github.com/OfficeDev/office-js/issues/3662) is
 * `Office.context.ui.openBrowserWindow` with a page of the add-in's own
 * site that makes the download in the real browser. Ours is save.html: the
 * file travels in the URL's fragment (never sent to any server), and the
 * page hands it to the browser as a download.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_MIME = 'application/zip';

/** How the file was handed over: downloaded in the pane, or opened in the user's browser to save there. */
export type SaveRoute = 'download' | 'browser';

export function downloadBytes(fileName: string, bytes: Uint8Array, mime = DOCX_MIME): SaveRoute {
  if (needsBrowserWindow()) {
    Office.context.ui.openBrowserWindow(saveUrl(fileName, bytes, mime));
    return 'browser';
  }
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'download';
}

/** Excel for Mac with the OpenBrowserWindowApi set. */
function needsBrowserWindow(): boolean {
  try {
    return (
      typeof Office !== 'undefined' &&
      Office.context?.platform === Office.PlatformType.Mac &&
      !!Office.context.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1')
    );
  } catch {
    return false;
  }
}

/** save.html beside the pane, the file in the fragment: `#n=<name>&t=<type>&d=<base64url>`. */
export function saveUrl(fileName: string, bytes: Uint8Array, mime: string, base = location.href): string {
  const page = new URL('save.html', base);
  page.hash = `n=${encodeURIComponent(fileName)}&t=${encodeURIComponent(mime)}&d=${base64url(bytes)}`;
  return page.toString();
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
