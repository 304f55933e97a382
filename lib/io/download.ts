/** Saves text as a file through the browser's download flow (no `downloads` permission needed). */
export function downloadText(filename: string, text: string, mime = 'application/json'): void {
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking in the same task can cancel the download in some browsers; a moment later is safe.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `account-lens-backup-YYYYMMDD-HHmm.json`, in the manager's local time. */
export function backupFileName(now: Date = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `account-lens-backup-${date}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}
