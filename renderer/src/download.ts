import { base64ToBlob } from './api';

/** Saves a PDF from the router as a file: exactly the bytes it sent (a reprint is the stored letter). */
export function downloadPdf(pdfBase64: string, fileName: string): void {
  downloadBlob(base64ToBlob(pdfBase64), fileName);
}

/** Saves a text file from the router (CSV, JSON of an export) under its own name. */
export function downloadText(text: string, mime: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; give the browser a moment before it goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
