import { base64ToBlob } from './api';

/** Saves a PDF from the router as a file: exactly the bytes it sent (a reprint is the stored letter). */
export function downloadPdf(pdfBase64: string, fileName: string): void {
  const url = URL.createObjectURL(base64ToBlob(pdfBase64));
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
