import path from 'node:path';
import { LoketError } from '../../shared/errors';
import type { CliContext, ExtraCommand } from './commands';
import { writeOwnFile } from './files';

/**
 * `loket export zgw|iwmo|audit|inzage …`: the export channels from the command line. Every
 * subcommand takes --dry-run: it shows what would be sent or written and changes nothing.
 */

function outDir(ctx: CliContext): string {
  const out = ctx.values.out;
  if (typeof out !== 'string' || !out) throw new LoketError('invoer', 'Optie --out ontbreekt: in welke map moeten de bestanden komen, bijvoorbeeld --out ./export?', 'out');
  return path.resolve(out);
}

const dry = (ctx: CliContext) => ctx.values['dry-run'] === true;

async function runKind(ctx: CliContext, kind: 'zgw' | 'iwmo'): Promise<void> {
  const res = await ctx.call('export.run', { kind, dryRun: dry(ctx) });
  for (const s of res.skipped) ctx.io.err(`${kind}: ${s.reason}`);
  if (res.dryRun) {
    ctx.io.out(res.planned.length ? `Proefrun: ${res.planned.length} exportopdrachten zouden nu lopen (er is niets verzonden of geschreven):` : 'Proefrun: er is niets te exporteren.');
    for (const p of res.planned) {
      ctx.io.out(`- beschikking ${p.kenmerk ?? p.beschikkingId} (cliënt ${p.clientId ?? '?'})${p.jobId ? `, opdracht ${p.jobId}` : ', nieuw'}`);
      for (const w of p.wat) ctx.io.out(`    ${w}`);
      if (p.fout) ctx.io.out(`    FOUT: ${p.fout}`);
    }
    return;
  }
  ctx.io.out(`${res.taken} opdrachten uitgevoerd: ${res.klaar} klaar, ${res.wachtend} later opnieuw, ${res.fout} met een fout.`);
  for (const j of res.jobs.filter((x) => x.error)) ctx.io.out(`- opdracht ${j.id} (${j.status}): ${j.error!.message}${j.error!.field ? ` [veld ${j.error!.field}]` : ''}`);
  if (res.fout > 0) throw new LoketError('extern', `${res.fout} exportopdracht(en) gestopt met een fout; zie 'loket export status'.`);
}

const SUBCOMMANDS = 'zgw, iwmo, status, retry, audit of inzage';

export const EXPORT_COMMANDS: ExtraCommand[] = [
  {
    name: 'export',
    help: `  export zgw|iwmo [--dry-run]
                          voer de wachtende exports naar het zaaksysteem (ZGW) of de iWmo/iJw-map uit
  export status           toon de exportopdrachten en hun laatste fout
  export retry ID         bied een opdracht met een fout opnieuw aan
  export audit --van JJJJ-MM-DD --tot JJJJ-MM-DD --out MAP [--met-bsn --reden "..."] [--dry-run]
                          auditexport (CSV voor Excel en JSON) met de controle van het toegangslog
  export inzage --client ID --verzoek ID --out MAP [--dry-run]
                          inzage AVG art. 15 voor één cliënt (JSON en PDF), op een geregistreerd verzoek`,
    options: {
      'dry-run': { type: 'boolean' }, van: { type: 'string' }, tot: { type: 'string' }, client: { type: 'string' },
      verzoek: { type: 'string' }, 'met-bsn': { type: 'boolean' }, reden: { type: 'string' },
    },
    async run(ctx) {
      const [sub, arg] = ctx.args;
      switch (sub) {
        case 'zgw':
        case 'iwmo':
          return runKind(ctx, sub);
        case 'status': {
          const res = await ctx.call('export.status', {});
          for (const p of res.ingesteld.zgw.length ? [`ZGW niet ingesteld: ${res.ingesteld.zgw.join(', ')}`] : []) ctx.io.err(p);
          for (const p of res.ingesteld.iwmo.length ? [`iWmo niet ingesteld: ${res.ingesteld.iwmo.join(', ')}`] : []) ctx.io.err(p);
          if (!res.jobs.length) ctx.io.out('Geen exportopdrachten.');
          for (const j of res.jobs) {
            ctx.io.out(`${j.id}\t${j.kind}\t${j.kenmerk ?? j.subjectId}\tcliënt ${j.clientId ?? '?'}\t${j.status}\t${j.stepsDone} stappen\t${j.lastError ? j.lastError.message + (j.lastError.field ? ` [veld ${j.lastError.field}]` : '') : ''}`);
          }
          return;
        }
        case 'retry': {
          const id = Number(arg);
          if (!Number.isInteger(id) || id <= 0) throw new LoketError('invoer', 'Noem de opdracht: loket export retry ID.');
          if (dry(ctx)) { ctx.io.out(`Proefrun: opdracht ${id} zou opnieuw worden aangeboden.`); return; }
          const j = await ctx.call('export.retry', { id });
          ctx.io.out(`Opdracht ${j.id} staat weer op '${j.status}'.`);
          return;
        }
        case 'audit': {
          const van = ctx.values.van;
          const tot = ctx.values.tot;
          if (typeof van !== 'string' || typeof tot !== 'string') throw new LoketError('invoer', 'Geef de periode op met --van en --tot (JJJJ-MM-DD).', 'van');
          const res = await ctx.call('export.audit', {
            periode: { van, tot }, metBsn: ctx.values['met-bsn'] === true, reden: ctx.values.reden as string | undefined, dryRun: dry(ctx),
          });
          const a = res.aantallen;
          const log = res.toegangslog.ok ? `toegangslog in orde (${res.toegangslog.entries} regels)` : `TOEGANGSLOG NIET IN ORDE: ${res.toegangslog.firstBroken?.reason}`;
          if (res.dryRun) {
            ctx.io.out(`Proefrun ${van} t/m ${tot}: ${a.beschikkingen} beschikkingen, ${a.indicaties} indicaties, ${a.termijnen} termijnen; ${log}. Er is niets geschreven.`);
            return;
          }
          const dir = outDir(ctx);
          for (const f of res.bestanden) await writeOwnFile(path.join(dir, f.naam), f.inhoud);
          ctx.io.out(`Auditexport ${van} t/m ${tot} geschreven naar ${dir}: ${res.bestanden.map((f) => f.naam).join(', ')}; ${log}.`);
          return;
        }
        case 'inzage': {
          const id = Number(ctx.values.client);
          if (!Number.isInteger(id) || id <= 0) throw new LoketError('invoer', 'Optie --client ontbreekt of is geen nummer.', 'client');
          const verzoek = ctx.values.verzoek === undefined ? undefined : Number(ctx.values.verzoek);
          if (verzoek !== undefined && (!Number.isInteger(verzoek) || verzoek <= 0)) throw new LoketError('invoer', 'Optie --verzoek is geen nummer: geef het nummer van het geregistreerde inzageverzoek.', 'verzoek');
          const res = await ctx.call('export.inzage', { clientId: id, verzoekId: verzoek, dryRun: dry(ctx) });
          const counts = Object.entries(res.aantallen).map(([k, v]) => `${v} ${k}`).join(', ');
          if (res.dryRun) {
            ctx.io.out(`Proefrun inzage cliënt ${id}: ${counts}. Er is niets geschreven.`);
            return;
          }
          const dir = outDir(ctx);
          await writeOwnFile(path.join(dir, `${res.bestandsnaam}.json`), res.json!);
          await writeOwnFile(path.join(dir, `${res.bestandsnaam}.pdf`), Buffer.from(res.pdfBase64!, 'base64'));
          ctx.io.out(`Inzage cliënt ${id} geschreven naar ${dir}: ${res.bestandsnaam}.json en .pdf (${counts}).`);
          return;
        }
        default:
          throw new LoketError('invoer', `Onbekende opdracht 'export ${sub ?? ''}'. Kies ${SUBCOMMANDS}.`);
      }
    },
  },
];
