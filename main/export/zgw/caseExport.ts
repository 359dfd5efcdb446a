/**
 * Exporting one Wmo case to the central zaaksysteem: a resumable step machine.
 *
 * Steps, in order (keys are stable for one plan):
 *   zaak → rol → status:<i>… → [heropenen] → eio:<key>… → zio:<key>… → besluit
 *   → bio:<documentKey> → resultaat → eindstatus
 *
 * A second beschikking in the same zaak (a wijziging, a beëindiging) finds the zaak closed by the
 * first one's eindstatus. The ZRC then refuses new documents and besluiten, so `heropenen` first
 * adds a status that is not the eindstatus (the Zaken API's way to reopen; the client needs the
 * scope zaken.heropenen), and the new eindstatus closes the zaak again. The zaak keeps the
 * resultaat of the first beschikking: a zaak has one, and it decides the archiving.
 *
 * - A step whose key is in `state` is skipped (its remote URL is known).
 * - `saveStep(key, url)` is awaited the moment a step succeeds; the caller persists it (the DB
 *   outbox), so after a crash, timeout or 5xx a new run resumes at the next step.
 * - Lost answers: the server may have committed an object while the answer never arrived
 *   (timeout, dropped connection). So before every create the step first looks the object up
 *   with the list filters the specs offer, and adopts what it finds instead of creating a
 *   second one:
 *     zaak        GET /zaken?identificatie&bronorganisatie          (client-chosen identificatie)
 *     rol         GET /rollen?zaak&roltype&betrokkeneType, the BSN matched in the answer (never in a URL)
 *     status      GET /statussen?zaak&statustype  (+ same datumStatusGezet)
 *     eio         GET /enkelvoudiginformatieobjecten?identificatie&bronorganisatie (client-chosen)
 *     zio         GET /zaakinformatieobjecten?zaak&informatieobject
 *     besluit     GET /besluiten?identificatie&verantwoordelijkeOrganisatie (client-chosen)
 *     bio         GET /besluitinformatieobjecten?besluit&informatieobject
 *     resultaat   GET /resultaten?zaak  (a zaak has at most one resultaat)
 */
import { createHash } from 'node:crypto';
import { LoketError } from '../../../shared/errors';
import { withRetry, type RetryOptions, type ZgwClient } from './client';
import type { Vertrouwelijkheidaanduiding } from './types';

export type StepState = Record<string, string>;

export interface CaseExportDocument {
  /** Stable key within the plan, e.g. 'gespreksverslag' or 'beschikking'. */
  key: string;
  /** Unique per bronorganisatie, ≤ 40. Default: derived from the zaak identificatie and key. */
  identificatie?: string;
  titel: string;
  bestandsnaam: string;
  pdfBase64: string;
  /** YYYY-MM-DD */
  creatiedatum: string;
  informatieobjecttype: string;
  auteur: string;
  taal: 'dut';
  indicatieGebruiksrecht: false;
  status: 'definitief';
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  /** YYYY-MM-DD, when the letter went out. */
  verzenddatum?: string;
}

export interface CaseExportStatus {
  statustype: string;
  /** ISO date-time */
  datumStatusGezet: string;
  toelichting?: string;
}

export interface CaseExportPlan {
  zaak: {
    /** RSIN of the gemeente, 9 digits. */
    bronorganisatie: string;
    verantwoordelijkeOrganisatie: string;
    zaaktype: string;
    /** Client-chosen, unique per bronorganisatie, ≤ 40: the key to find the zaak again. */
    identificatie: string;
    omschrijving?: string;
    startdatum: string;
    registratiedatum?: string;
    /** The legal deadline (Awb/Wmo clock). */
    uiterlijkeEinddatumAfdoening?: string;
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  };
  rol: {
    roltype: string;
    /** Required by the Zaken API (may be short, e.g. 'Aanvrager'). */
    roltoelichting: string;
    natuurlijkPersoon: {
      inpBsn: string;
      geslachtsnaam: string;
      voorvoegsel?: string;
      voorletters?: string;
      /** YYYY-MM-DD */
      geboortedatum?: string;
    };
  };
  /** The statussen before the end, in order. */
  statussen: CaseExportStatus[];
  /** The status that reopens the zaak when it is found closed (not of the eindstatus type). */
  heropenen?: CaseExportStatus;
  documents: CaseExportDocument[];
  besluit: {
    /** Unique per verantwoordelijkeOrganisatie, ≤ 50. Default: `<zaak identificatie>-B`. */
    identificatie?: string;
    besluittype: string;
    datum: string;
    ingangsdatum: string;
    vervaldatum?: string;
    vervalreden?: 'tijdelijk' | 'ingetrokken_overheid' | 'ingetrokken_belanghebbende';
    toelichting: string;
    /** Last day for bezwaar (Awb 6:7/6:8). */
    uiterlijkeReactiedatum: string;
    verzenddatum?: string;
    /** The document (by key) that is the beschikking. */
    documentKey: string;
  };
  resultaat: { resultaattype: string; toelichting: string };
  /** The final status; setting it closes the zaak, so it goes last. */
  eindstatus: CaseExportStatus;
}

export interface CaseExportDeps {
  client: ZgwClient;
  saveStep(stepKey: string, url: string): Promise<void>;
  /** Per-step retry of transient errors (5xx, network, timeout). Default: one attempt. */
  retry?: RetryOptions;
}

export type StepOutcome = 'skipped' | 'found' | 'created';

export interface CaseExportResult {
  state: StepState;
  zaakUrl: string;
  besluitUrl: string;
  steps: { key: string; outcome: StepOutcome; url: string }[];
}

/** The step keys for a plan, in execution order ('heropenen' comes only when needed, see reopenIfClosed). */
export function caseExportStepKeys(plan: CaseExportPlan): string[] {
  return [
    'zaak',
    'rol',
    ...plan.statussen.map((_, i) => `status:${i}`),
    ...plan.documents.map((d) => `eio:${d.key}`),
    ...plan.documents.map((d) => `zio:${d.key}`),
    'besluit',
    `bio:${plan.besluit.documentKey}`,
    'resultaat',
    'eindstatus',
  ];
}

export function documentIdentificatie(plan: CaseExportPlan, doc: CaseExportDocument): string {
  if (doc.identificatie) return doc.identificatie;
  const plain = `${plan.zaak.identificatie}-${doc.key}`;
  if (plain.length <= 40) return plain;
  const h = createHash('sha256').update(`${plan.zaak.bronorganisatie}|${plain}`).digest('hex').slice(0, 12);
  return `${plan.zaak.identificatie.slice(0, 27)}-${h}`;
}

export function besluitIdentificatie(plan: CaseExportPlan): string {
  return plan.besluit.identificatie ?? `${plan.zaak.identificatie}-B`;
}

/** Plan errors that would otherwise surface half-way through an export. */
export function checkCaseExportPlan(plan: CaseExportPlan): string[] {
  const errors: string[] = [];
  if (!plan.zaak.identificatie || plan.zaak.identificatie.length > 40) {
    errors.push("zaak.identificatie is verplicht (max. 40 tekens): zonder kan een export niet veilig herhaald worden");
  }
  const keys = new Set<string>();
  for (const d of plan.documents) {
    if (keys.has(d.key)) errors.push(`document '${d.key}' komt twee keer voor`);
    keys.add(d.key);
    if (documentIdentificatie(plan, d).length > 40) errors.push(`document '${d.key}': identificatie is langer dan 40 tekens`);
  }
  if (!keys.has(plan.besluit.documentKey)) {
    errors.push(`besluit.documentKey '${plan.besluit.documentKey}' hoort bij geen enkel document`);
  }
  if (besluitIdentificatie(plan).length > 50) errors.push('besluit.identificatie is langer dan 50 tekens');
  return errors;
}

function sameInstant(a: string | undefined, b: string): boolean {
  if (!a) return false;
  if (a === b) return true;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}

/**
 * Runs (or resumes) the export of one case. Throws the first error a step cannot get past
 * (ZgwClientError at once; ZgwTransientError after the retries); the state saved so far lets
 * the next run resume.
 */
export async function runCaseExport(
  plan: CaseExportPlan,
  state: StepState,
  deps: CaseExportDeps,
): Promise<CaseExportResult> {
  const problems = checkCaseExportPlan(plan);
  if (problems.length) throw new Error(`Exportplan ongeldig: ${problems.join('; ')}`);
  const { client } = deps;
  const st: StepState = { ...state };
  const steps: CaseExportResult['steps'] = [];

  async function step(
    key: string,
    find: () => Promise<string | undefined>,
    create: () => Promise<{ url: string }>,
  ): Promise<string> {
    const known = st[key];
    if (known) {
      steps.push({ key, outcome: 'skipped', url: known });
      return known;
    }
    const { url, outcome } = await withRetry(
      async () => {
        const found = await find();
        if (found) return { url: found, outcome: 'found' as const };
        const created = await create();
        return { url: created.url, outcome: 'created' as const };
      },
      { attempts: 1, ...deps.retry },
    );
    await deps.saveStep(key, url);
    st[key] = url;
    steps.push({ key, outcome, url });
    return url;
  }

  const z = plan.zaak;
  const zaakUrl = await step(
    'zaak',
    async () => (await client.findZaken({ identificatie: z.identificatie, bronorganisatie: z.bronorganisatie }))[0]?.url,
    () =>
      client.createZaak({
        identificatie: z.identificatie,
        bronorganisatie: z.bronorganisatie,
        verantwoordelijkeOrganisatie: z.verantwoordelijkeOrganisatie,
        zaaktype: z.zaaktype,
        startdatum: z.startdatum,
        ...(z.omschrijving !== undefined ? { omschrijving: z.omschrijving } : {}),
        ...(z.registratiedatum !== undefined ? { registratiedatum: z.registratiedatum } : {}),
        ...(z.uiterlijkeEinddatumAfdoening !== undefined
          ? { uiterlijkeEinddatumAfdoening: z.uiterlijkeEinddatumAfdoening }
          : {}),
        vertrouwelijkheidaanduiding: z.vertrouwelijkheidaanduiding,
      }),
  );

  const np = plan.rol.natuurlijkPersoon;
  await step(
    'rol',
    async () =>
      (
        await client.findRollen({
          zaak: zaakUrl,
          roltype: plan.rol.roltype,
          betrokkeneType: 'natuurlijk_persoon',
        })
        // The BSN is matched here, not sent in the query string (URLs end up in server logs);
        // /rollen has no body-based search in Zaken 1.5.1.
      ).find((r) => ((r as { betrokkeneIdentificatie?: { inpBsn?: string } }).betrokkeneIdentificatie)?.inpBsn === np.inpBsn)?.url,
    () =>
      client.createRol({
        zaak: zaakUrl,
        betrokkeneType: 'natuurlijk_persoon',
        roltype: plan.rol.roltype,
        roltoelichting: plan.rol.roltoelichting,
        betrokkeneIdentificatie: {
          inpBsn: np.inpBsn,
          geslachtsnaam: np.geslachtsnaam,
          ...(np.voorvoegsel ? { voorvoegselGeslachtsnaam: np.voorvoegsel } : {}),
          ...(np.voorletters ? { voorletters: np.voorletters } : {}),
          ...(np.geboortedatum ? { geboortedatum: np.geboortedatum } : {}),
        },
      }),
  );

  const newStatus = (s: CaseExportStatus) =>
    client.createStatus({
      zaak: zaakUrl,
      statustype: s.statustype,
      datumStatusGezet: s.datumStatusGezet,
      ...(s.toelichting ? { statustoelichting: s.toelichting } : {}),
    });
  const statusStep = (key: string, s: CaseExportStatus) =>
    step(
      key,
      async () =>
        (await client.findStatussen({ zaak: zaakUrl, statustype: s.statustype })).find((x) =>
          sameInstant(x.datumStatusGezet, s.datumStatusGezet),
        )?.url,
      () => newStatus(s),
    );
  for (const [i, s] of plan.statussen.entries()) await statusStep(`status:${i}`, s);

  /**
   * Not a fixed step: only a zaak found closed is reopened, and one closed by this plan's own
   * eindstatus (a run that ended before it could save that step) is left as it is.
   */
  async function reopenIfClosed(): Promise<void> {
    if (st.heropenen || st.eindstatus) return;
    const reopen = plan.heropenen;
    const outcome = await withRetry(
      async () => {
        const zaak = await client.get<{ einddatum?: string | null }>(zaakUrl);
        if (!zaak.einddatum) return undefined;
        const own = (await client.findStatussen({ zaak: zaakUrl, statustype: plan.eindstatus.statustype }))
          .some((x) => sameInstant(x.datumStatusGezet, plan.eindstatus.datumStatusGezet));
        if (own) return undefined;
        if (!reopen) {
          throw new LoketError('conflict', `Zaak ${z.identificatie} is in het zaaksysteem al afgesloten. ` +
            'Stel bij Export een statustype in om de zaak te heropenen.');
        }
        return (await newStatus(reopen)).url;
      },
      { attempts: 1, ...deps.retry },
    );
    if (!outcome) return;
    await deps.saveStep('heropenen', outcome);
    st.heropenen = outcome;
    steps.push({ key: 'heropenen', outcome: 'created', url: outcome });
  }
  await reopenIfClosed();

  const eioUrls = new Map<string, string>();
  for (const d of plan.documents) {
    const identificatie = documentIdentificatie(plan, d);
    const url = await step(
      `eio:${d.key}`,
      async () =>
        (await client.findEnkelvoudigInformatieObjecten({ identificatie, bronorganisatie: z.bronorganisatie }))[0]?.url,
      () =>
        client.createEnkelvoudigInformatieObject({
          identificatie,
          bronorganisatie: z.bronorganisatie,
          creatiedatum: d.creatiedatum,
          titel: d.titel,
          auteur: d.auteur,
          taal: d.taal,
          status: d.status,
          formaat: 'application/pdf',
          bestandsnaam: d.bestandsnaam,
          inhoud: d.pdfBase64,
          indicatieGebruiksrecht: d.indicatieGebruiksrecht,
          vertrouwelijkheidaanduiding: d.vertrouwelijkheidaanduiding,
          informatieobjecttype: d.informatieobjecttype,
          ...(d.verzenddatum ? { verzenddatum: d.verzenddatum } : {}),
        }),
    );
    eioUrls.set(d.key, url);
  }

  for (const d of plan.documents) {
    const informatieobject = eioUrls.get(d.key)!;
    await step(
      `zio:${d.key}`,
      async () => (await client.findZaakInformatieObjecten({ zaak: zaakUrl, informatieobject }))[0]?.url,
      () => client.createZaakInformatieObject({ zaak: zaakUrl, informatieobject, titel: d.titel }),
    );
  }

  const b = plan.besluit;
  const bId = besluitIdentificatie(plan);
  const besluitUrl = await step(
    'besluit',
    async () =>
      (await client.findBesluiten({ identificatie: bId, verantwoordelijkeOrganisatie: z.verantwoordelijkeOrganisatie }))[0]
        ?.url,
    () =>
      client.createBesluit({
        identificatie: bId,
        verantwoordelijkeOrganisatie: z.verantwoordelijkeOrganisatie,
        besluittype: b.besluittype,
        zaak: zaakUrl,
        datum: b.datum,
        ingangsdatum: b.ingangsdatum,
        toelichting: b.toelichting,
        uiterlijkeReactiedatum: b.uiterlijkeReactiedatum,
        ...(b.vervaldatum ? { vervaldatum: b.vervaldatum } : {}),
        ...(b.vervalreden ? { vervalreden: b.vervalreden } : {}),
        ...(b.verzenddatum ? { verzenddatum: b.verzenddatum } : {}),
      }),
  );

  const beschikkingUrl = eioUrls.get(b.documentKey)!;
  await step(
    `bio:${b.documentKey}`,
    async () =>
      (await client.findBesluitInformatieObjecten({ besluit: besluitUrl, informatieobject: beschikkingUrl }))[0]?.url,
    () => client.createBesluitInformatieObject({ besluit: besluitUrl, informatieobject: beschikkingUrl }),
  );

  await step(
    'resultaat',
    async () => (await client.findResultaten({ zaak: zaakUrl }))[0]?.url,
    () =>
      client.createResultaat({
        zaak: zaakUrl,
        resultaattype: plan.resultaat.resultaattype,
        toelichting: plan.resultaat.toelichting,
      }),
  );

  await statusStep('eindstatus', plan.eindstatus);

  return { state: st, zaakUrl, besluitUrl, steps };
}
