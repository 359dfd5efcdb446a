import { existsSync } from 'node:fs';
import path from 'node:path';
import { LoketError } from '../../shared/errors';
import type { CliContext, ExtraCommand } from './commands';
import { writeOwnFile } from './files';

/** `loket letter` and `loket print-batch`: the same channels as the print queue in the app. */

function outFile(ctx: CliContext): string {
  const out = ctx.values.out;
  if (typeof out !== 'string' || !out) throw new LoketError('invoer', 'Optie --out ontbreekt: waar moet de PDF komen, bijvoorbeeld --out brieven.pdf?', 'out');
  // Checked before anything is sent: the letters' state changes cannot wait for a second try.
  if (existsSync(path.resolve(out))) throw new LoketError('conflict', `Er staat al een bestand op ${path.resolve(out)}. Kies een andere naam of verwijder het oude bestand eerst.`, 'out');
  return path.resolve(out);
}

export const LETTER_COMMANDS: ExtraCommand[] = [
  {
    name: 'letter',
    help: `  letter --beschikking ID --out BESTAND.pdf
                          de brief van een beschikking: de verzonden brief precies zoals verstuurd,
                          of een voorbeeld als de beschikking nog niet verzonden is`,
    options: { beschikking: { type: 'string' } },
    async run(ctx) {
      const id = Number(ctx.values.beschikking);
      if (!Number.isInteger(id) || id <= 0) throw new LoketError('invoer', 'Optie --beschikking ontbreekt of is geen nummer.', 'beschikking');
      const out = outFile(ctx);
      const b = await ctx.call('beschikking.get', { id });
      const letter = b.letterId !== null
        ? await ctx.call('letter.get', { id: b.letterId })
        : await ctx.call('beschikking.preview', { id });
      await writeOwnFile(out, Buffer.from(letter.pdfBase64, 'base64'));
      ctx.io.out(`${b.letterId !== null ? 'Verzonden brief' : 'Voorbeeld'} van ${b.kenmerk} geschreven naar ${out} (sha256 ${letter.sha256}).`);
    },
  },
  {
    name: 'print-batch',
    help: `  print-batch --out BESTAND.pdf
                          verstuur alle vastgestelde beschikkingen uit de printwachtrij als één PDF`,
    options: {},
    async run(ctx) {
      const out = outFile(ctx);
      const queue = await ctx.call('print.queue', {});
      if (queue.items.length === 0) {
        ctx.io.out('De printwachtrij is leeg.');
        return;
      }
      const pdfs: Buffer[] = [];
      let printed = 0;
      const failures: string[] = [];
      // Chunks of 50 (the channel's limit), as the app does with its progress bar.
      for (let i = 0; i < queue.items.length; i += 50) {
        const chunk = queue.items.slice(i, i + 50).map((b) => b.id);
        const res = await ctx.call('print.send', { beschikkingIds: chunk });
        printed += res.printed.length;
        for (const f of res.failures) failures.push(`beschikking ${f.beschikkingId}: ${f.reason}`);
        if (res.pdfBase64) pdfs.push(Buffer.from(res.pdfBase64, 'base64'));
        ctx.io.err(`${Math.min(i + 50, queue.items.length)} van ${queue.items.length} verwerkt`);
      }
      if (pdfs.length === 1) await writeOwnFile(out, pdfs[0]!);
      else if (pdfs.length > 1) {
        const { mergePdfs } = await import('../letters/pdf-merge');
        await writeOwnFile(out, mergePdfs(pdfs, { title: 'Beschikkingen', author: 'Sociaal Loket', date: new Date() }));
      }
      ctx.io.out(`${printed} brieven verzonden${pdfs.length ? ` en geschreven naar ${out}` : ''}.`);
      for (const f of failures) ctx.io.err(`Niet verzonden: ${f}`);
      if (failures.length && printed === 0) throw new LoketError('invoer', 'Geen enkele brief kon worden verzonden.');
    },
  },
];
