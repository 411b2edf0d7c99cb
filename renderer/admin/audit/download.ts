/**
 * Saves text as a file through the browser's download. The CSP allows blob: only
 * for images, so no fetch or frame can use the URL: a link with `download`
 * created for this one click is what works, in Chromium and in Electron alike.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes (an export file or a backup) the same way. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  saveBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may start after this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
