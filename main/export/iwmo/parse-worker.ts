// Worker thread for the iWmo/iJw verzoek om toewijzing: the parse runs here, so a large or hostile
// file never blocks the main process (the app's window and every other call keep answering).
import { parentPort } from 'node:worker_threads';
import { LoketError } from '../../../shared/errors';
import { verzoekLimitProblem } from './limits';
import { parseVerzoekOmToewijzing } from './verzoek';

if (!parentPort) throw new Error('iwmo/parse-worker.ts must run as a worker thread');
const port = parentPort;

port.on('message', (xml: string) => {
  try {
    const problem = verzoekLimitProblem(xml);
    if (problem) throw new LoketError('invoer', problem);
    port.postMessage({ ok: true, value: parseVerzoekOmToewijzing(xml) });
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof LoketError ? e.toJSON() : null });
  }
});
