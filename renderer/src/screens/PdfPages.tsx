import { useEffect, useRef, useState } from 'react';
import { Alert } from '@mantine/core';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// PDF.js draws the letter on canvases inside the page: the window needs no browser plug-in
// (Electron's `plugins` stays off), and the PDF never leaves the renderer's memory.
GlobalWorkerOptions.workerSrc = workerUrl;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Every page of a PDF (base64), drawn at the container's width. */
export function PdfPages({ pdfBase64, title, testId }: { pdfBase64: string; title: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let cancelled = false;
    const task = getDocument({ data: base64ToBytes(pdfBase64), isEvalSupported: false });
    void (async () => {
      try {
        const doc = await task.promise;
        const canvases: HTMLCanvasElement[] = [];
        const width = Math.max(el.clientWidth - 2, 300);
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const base = page.getViewport({ scale: 1 });
          const viewport = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.style.width = '100%';
          canvas.setAttribute('aria-label', `${title}, pagina ${n} van ${doc.numPages}`);
          canvas.setAttribute('role', 'img');
          await page.render({ canvas, viewport }).promise;
          canvases.push(canvas);
        }
        if (!cancelled) el.replaceChildren(...canvases);
        setError(null);
      } catch {
        if (!cancelled) setError('Het voorbeeld kan niet worden getoond. Sla de PDF op om hem te bekijken.');
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [pdfBase64, title]);
  return (
    <>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {/* Scrollable, so reachable by keyboard (tab to it, then scroll with the arrow keys). */}
      <div ref={box} className="pdf-pages" data-testid={testId} role="region" aria-label={title} tabIndex={0} />
    </>
  );
}
