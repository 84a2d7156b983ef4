/** Save text or a data URL as a file through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export const downloadText = (text: string, fileName: string, type = 'application/json'): void => downloadBlob(new Blob([text], { type }), fileName);

/** The document title as a file name stem (`scenarioFileName` without `.warren.json`). */
export const stem = (fileName: string): string => fileName.replace(/\.warren\.json$/, '');
