// Worker thread for printBatch: renders letters one message at a time. Each worker parses the
// fonts once (see fonts.ts) and keeps them for all letters it renders.
import { parentPort } from 'node:worker_threads';
import { failureReason, renderLetter } from './render';
import type { LetterDataInput as LetterData } from './types';

export interface RenderRequest {
  index: number;
  id: string;
  data: LetterData;
}
export type RenderResponse =
  | { index: number; id: string; ok: true; pdf: Uint8Array }
  | { index: number; id: string; ok: false; reason: string };

if (!parentPort) throw new Error('letters/worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', async (msg: RenderRequest) => {
  try {
    const pdf = await renderLetter(msg.data);
    // Buffer.concat gives the PDF its own ArrayBuffer for anything this size; copy if not.
    const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Buffer.from(pdf);
    const bytes = new Uint8Array(own.buffer, own.byteOffset, own.byteLength);
    const res: RenderResponse = { index: msg.index, id: msg.id, ok: true, pdf: bytes };
    port.postMessage(res, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const res: RenderResponse = { index: msg.index, id: msg.id, ok: false, reason: failureReason(e) };
    port.postMessage(res);
  }
});
