import { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { EXPORT_CHANNELS } from '../../shared/ipc/export-channels';
import { SECRET_MASK } from '../../shared/schemas/admin';
import { BeschikkingEntity, SettingEntity, OutboxEntity } from '../db/entities';
import { auditFiles, collectAudit } from './audit';
import { iwmoConfigProblems, readExportConfig, SECRET_KEY, zgwConfigProblems } from './config';
import { collectInzage, inzagePdf } from './inzage';
import { parseVerzoekInWorker } from './iwmo/parse-in-worker';
import { importVerzoek, planIwmoMessages } from './iwmoExport';
import { dueForExport, listJobs, retryJob, runOutbox, type OutboxKind } from './outbox';
import { caseExportStepKeys } from './zgw/caseExport';
import { buildZgwPlan } from './zgwPlan';
import { readSettings } from '../services/admin';
import { inzageVerzoekFor, markInzageUitgevoerd } from '../beheer/inzagerecht';
import { inTransaction, transactional } from '../transaction';
import { anchorNow } from '../vault';
import { logAccess, nowIso, type HandlerContext, type HandlerTable, type TxContext } from '../services/context';

type In<C extends keyof typeof EXPORT_CHANNELS> = z.output<(typeof EXPORT_CHANNELS)[C]['input']>;

async function exportStatus(tx: TxContext, input: In<'export.status'>) {
  const jobs = await listJobs(tx.m, input);
  const cfg = await readExportConfig(tx.m);
  logAccess(tx, { action: 'zoeken', objectType: 'exportwachtrij', detail: `${jobs.length} exportopdrachten` });
  return { jobs, ingesteld: { zgw: zgwConfigProblems(cfg), iwmo: iwmoConfigProblems(cfg) } };
}

/** What a run would do, without sending, writing or reserving anything. */
async function dryRun(tx: TxContext, input: In<'export.run'>) {
  const cfg = await readExportConfig(tx.m);
  const kinds: OutboxKind[] = input.kind ? [input.kind] : ['zgw', 'iwmo'];
  const skipped: { kind: OutboxKind; reason: string }[] = [];
  const planned: { jobId: number | null; kind: OutboxKind; beschikkingId: number; kenmerk: string | null; clientId: number | null; wat: string[]; fout?: string }[] = [];
  for (const kind of kinds) {
    const problems = kind === 'zgw' ? zgwConfigProblems(cfg) : iwmoConfigProblems(cfg);
    if (problems.length) { skipped.push({ kind, reason: `Niet ingesteld: ${problems.join(', ')}.` }); continue; }
    // Due jobs plus the beschikkingen the run would queue first.
    const rows = (await dueForExport(tx.m, kind)).map((d) => ({ job: d.job, bid: d.beschikkingId }));
    for (const r of rows.slice(0, input.maxJobs)) {
      const job = r.job ? await tx.m.findOneBy(OutboxEntity, { id: r.job }) : null;
      const { kenmerk } = await tx.m.findOneOrFail(BeschikkingEntity, { where: { id: r.bid }, select: { id: true, kenmerk: true } });
      try {
        if (kind === 'zgw') {
          const { plan, clientId } = await buildZgwPlan(tx.m, r.bid, cfg);
          const todo = caseExportStepKeys(plan).filter((k) => !job?.steps[k]);
          planned.push({
            jobId: r.job, kind, beschikkingId: r.bid, kenmerk, clientId,
            wat: [
              `zaak ${plan.zaak.identificatie} (${plan.zaak.omschrijving ?? ''}) naar ${cfg.export.zakenUrl}`,
              ...plan.documents.map((d) => `document '${d.titel}' (${Math.round((d.pdfBase64.length * 3) / 4 / 1024)} KiB)`),
              `besluit ${plan.besluit.identificatie}, bezwaar tot ${plan.besluit.uiterlijkeReactiedatum}`,
              `nog te doen: ${todo.length} van ${caseExportStepKeys(plan).length} stappen (${todo.join(', ') || 'niets'})`,
            ],
          });
        } else {
          const msgs = await planIwmoMessages(tx.m, r.bid, tx.today());
          planned.push({
            jobId: r.job, kind, beschikkingId: r.bid, kenmerk, clientId: msgs[0]?.clientId ?? null,
            wat: msgs.map((mm) => `${mm.bericht} naar aanbieder ${mm.aanbiederAgb} in ${cfg.export.iwmoOutDir}: toewijzingen ${mm.toewijzingNummers.join(', ') || '(geen geldige; geen bericht)'}`),
          });
        }
      } catch (e) {
        planned.push({ jobId: r.job, kind, beschikkingId: r.bid, kenmerk, clientId: null, wat: [], fout: e instanceof LoketError ? e.message : 'Kan het exportplan niet maken.' });
      }
    }
  }
  logAccess(tx, { action: 'lezen', objectType: 'export-proefrun', detail: `${planned.length} exportopdrachten bekeken (proefrun, niets verzonden)` });
  return { dryRun: true, taken: 0, klaar: 0, wachtend: 0, fout: 0, jobs: [], skipped, planned };
}

/** A real run talks to other systems: each job gets transactions of its own (main/export/outbox.ts). */
async function exportRun(ctx: HandlerContext, input: In<'export.run'>) {
  if (input.dryRun) return inTransaction(ctx, (tx) => dryRun(tx, input));
  const s = ctx.session;
  const r = await runOutbox(s.db, s, { maxJobs: input.maxJobs, kinds: input.kind ? [input.kind] : undefined, today: ctx.today });
  // After the run, the log's head (with every job's entry) goes to the anchors as an export event.
  if (r.taken > 0) anchorNow(s, 'export', `exportrun: ${r.taken} opdrachten`);
  return { dryRun: false, taken: r.taken, klaar: r.klaar, wachtend: r.wachtend, fout: r.fout, jobs: r.jobs.map((j) => ({ ...j, status: j.status })), skipped: r.skipped, planned: [] };
}

async function exportRetry(tx: TxContext, input: In<'export.retry'>) {
  const j = await retryJob(tx.m, input.id);
  const [view] = (await listJobs(tx.m, { limit: 500 })).filter((x) => x.id === j.id);
  logAccess(tx, { action: 'wijzigen', objectType: 'exportopdracht', objectId: j.id, clientId: view?.clientId ?? null, detail: 'opnieuw aangeboden' });
  return view!;
}

async function setSecret(tx: TxContext, input: In<'export.setSecret'>) {
  const ingesteld = input.secret.length > 0;
  if (ingesteld) await tx.m.save(SettingEntity, { key: SECRET_KEY, value: input.secret });
  else await tx.m.delete(SettingEntity, { key: SECRET_KEY });
  // The settings screen shows only whether a secret is set.
  const row = await tx.m.findOneBy(SettingEntity, { key: 'instellingen' });
  const blob = (row?.value ?? {}) as Record<string, unknown>;
  const exp = (blob.export ?? {}) as Record<string, unknown>;
  await tx.m.save(SettingEntity, { key: 'instellingen', value: { ...blob, export: { ...exp, secret: ingesteld ? SECRET_MASK : '' } } });
  logAccess(tx, { action: 'beheer', objectType: 'instellingen', detail: ingesteld ? 'ZGW-secret ingesteld' : 'ZGW-secret verwijderd' });
  return { ok: true as const, ingesteld };
}

async function exportAudit(tx: TxContext, input: In<'export.audit'>) {
  const settings = await readSettings(tx);
  const anchorFile = tx.session.anchor?.config.file;
  const data = await collectAudit(tx, input.periode, input.metBsn, { chain: tx.session.databaseId, files: anchorFile ? [anchorFile] : [] });
  // The head after this export's own log entry goes to the anchors, marked as an export.
  if (!input.dryRun) tx.session.anchor?.markNext('export', 'auditexport');
  const aantallen = { beschikkingen: data.beschikkingen.length, indicaties: data.indicaties.length, termijnen: data.termijnen.length };
  const periode = `${input.periode.van} t/m ${input.periode.tot}`;
  if (input.dryRun) {
    logAccess(tx, { action: 'lezen', objectType: 'auditexport', detail: `proefrun ${periode}: niets geëxporteerd` });
    return { dryRun: true, aantallen, toegangslog: data.toegangslog, bestanden: [] };
  }
  const files = auditFiles(data, { gemaaktOp: nowIso(), gemaaktDoor: tx.session.user.username, gemeente: settings.gemeenteNaam });
  const base = `audit-${input.periode.van}-${input.periode.tot}`;
  logAccess(tx, {
    action: 'exporteren', objectType: 'auditexport',
    detail: `${periode}: ${aantallen.beschikkingen} beschikkingen, ${aantallen.indicaties} indicaties, ${aantallen.termijnen} termijnen; ` +
      (input.metBsn ? `MET BSN, reden: ${input.reden}` : 'zonder BSN') + `; toegangslog ${data.toegangslog.ok ? 'in orde' : 'NIET in orde'}`,
  });
  return {
    dryRun: false, aantallen, toegangslog: data.toegangslog,
    bestanden: [
      { naam: `${base}-beschikkingen.csv`, mime: 'text/csv; charset=utf-8', inhoud: files.beschikkingen },
      { naam: `${base}-indicaties.csv`, mime: 'text/csv; charset=utf-8', inhoud: files.indicaties },
      { naam: `${base}-termijnen.csv`, mime: 'text/csv; charset=utf-8', inhoud: files.termijnen },
      { naam: `${base}.json`, mime: 'application/json', inhoud: files.json },
    ],
  };
}

async function exportInzage(tx: TxContext, input: In<'export.inzage'>) {
  const settings = await readSettings(tx);
  const verzoek = await inzageVerzoekFor(tx, input.clientId, input.verzoekId);
  // Logged first, so the inzage itself is in the list the citizen gets.
  logAccess(tx, { action: input.dryRun ? 'lezen' : 'exporteren', objectType: 'inzage', objectId: input.clientId, clientId: input.clientId, detail: input.dryRun ? `proefrun inzage (AVG art. 15, verzoek ${verzoek.id})` : `inzage AVG art. 15 op verzoek ${verzoek.id}: JSON en PDF` });
  if (!input.dryRun) await markInzageUitgevoerd(tx, verzoek.id);
  const d = await collectInzage(tx, input.clientId, { gemaaktOp: nowIso(), gemeente: settings.gemeenteNaam });
  const aantallen = {
    vertegenwoordigers: d.vertegenwoordigers.length, meldingen: d.meldingen.length, verslagen: d.verslagen.length,
    aanvragen: d.aanvragen.length, indicaties: d.indicaties.length, beschikkingen: d.beschikkingen.length,
    termijnen: d.termijnen.length, brieven: d.brieven.length, toegang: d.toegang.length,
  };
  const bestandsnaam = `inzage-client-${input.clientId}-${tx.today()}`;
  if (input.dryRun) return { dryRun: true, bestandsnaam, aantallen, json: null, pdfBase64: null };
  const pdf = await inzagePdf(d);
  return { dryRun: false, bestandsnaam, aantallen, json: JSON.stringify(d, null, 2), pdfBase64: pdf.toString('base64') };
}

export const EXPORT_HANDLERS: HandlerTable<typeof EXPORT_CHANNELS> = {
  'export.status': transactional(exportStatus),
  'export.run': exportRun,
  'export.retry': transactional(exportRetry),
  'export.setSecret': transactional(setSecret),
  // Parsed on a worker thread before the transaction: a large or hostile file neither blocks the
  // main thread nor holds the write queue, so other calls keep answering meanwhile.
  'iwmo.importVerzoek': async (ctx, input) => {
    const parsed = await parseVerzoekInWorker(input.xml);
    return inTransaction(ctx, (tx) => importVerzoek(tx, { ...input, parsed }));
  },
  'export.audit': transactional(exportAudit),
  'export.inzage': transactional(exportInzage),
};
