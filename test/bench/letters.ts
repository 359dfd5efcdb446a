// Letter throughput: single (one process, parsed fonts shared), batch (printBatch, worker
// threads, combined PDF) and naive (fresh font parsing per document, one core).
// Run: npx tsx test/bench/letters.ts [n]
import { execFile } from 'node:child_process';
import os from 'node:os';
import { printBatch } from '../../main/letters/batch';
import { setFontSharing } from '../../main/letters/fonts';
import { renderLetter } from '../../main/letters/render';
import { manyLetters } from '../fixtures/letter-data';

export async function benchLetters({ n }: { n: number }): Promise<{ singlePerSec: number; batchPerSec: number; naivePerSec: number; maxRssMb: number }> {
  const items = manyLetters(n);
  const perSec = (count: number, ms: number) => Math.round((count / ms) * 1000 * 10) / 10;

  await renderLetter(items[0]!.data); // warm-up: module load + first font parse
  let t = performance.now();
  for (const it of items) await renderLetter(it.data);
  const singlePerSec = perSec(n, performance.now() - t);

  t = performance.now();
  const r = await printBatch(items, { mode: 'combined' });
  if (r.failures.length) throw new Error(`batch failures: ${JSON.stringify(r.failures.slice(0, 3))}`);
  const batchPerSec = perSec(n, performance.now() - t); // includes worker start-up and the merge

  const naiveN = Math.min(n, 100);
  setFontSharing(false);
  try {
    t = performance.now();
    for (const it of items.slice(0, naiveN)) await renderLetter(it.data);
  } finally {
    setFontSharing(true);
  }
  const naivePerSec = perSec(naiveN, performance.now() - t);
  return { singlePerSec, batchPerSec, naivePerSec, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/**
 * The letter figures come from a process of their own: the app prints in a process that does not
 * hold the benchmark's generated municipality, and this keeps the two memory peaks apart.
 */
export function benchLettersInChild(n: number): ReturnType<typeof benchLetters> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...process.execArgv, __filename, String(n), '--json'], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(err);
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof benchLetters>>);
    });
  });
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 200);
  void benchLetters({ n }).then((r) => {
    if (process.argv.includes('--json')) return console.log(JSON.stringify(r));
    console.log(`letters (n=${n}, ${os.availableParallelism()} cores)`);
    console.table({
      'single (shared fonts, 1 core)': { 'letters/s': r.singlePerSec },
      'batch combined (workers)': { 'letters/s': r.batchPerSec },
      'naive (fresh fonts, 1 core)': { 'letters/s': r.naivePerSec },
    });
  });
}
