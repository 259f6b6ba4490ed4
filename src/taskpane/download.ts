/** Saves bytes made in the pane as a file the browser downloads (no server involved). */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function downloadBytes(fileName: string, bytes: Uint8Array, mime = DOCX_MIME): void {
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
}
