import { In, type EntityManager } from 'typeorm';
import { WET_LABELS, type Wet } from '../../shared/schemas/zaak';
import { LoketError } from '../../shared/errors';
import {
  AanvraagEntity, BeschikkingAuteursView, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, LetterEntity,
  MeldingEntity, OnderzoekEntity, TermijnEntity, UserEntity,
} from '../db/entities';
import { renderLetter } from '../letters/render';
import type { TxContext } from '../services/context';
import { atwKlok } from '../services/atw';
import { gespreksverslagData } from '../services/letterData';
import { meldingKenmerk } from '../services/zaakRecords';
import type { CaseExportDocument, CaseExportPlan, CaseExportStatus } from './zgw/caseExport';
import type { ExportConfig } from './config';

/**
 * Builds the CaseExportPlan for one verzonden beschikking from the database rows. Every value is
 * derived from stored data only (no clock), so a resumed run builds the same plan and the step
 * machine's lookups find what an earlier run created.
 *
 * - zaak = the melding's case (identificatie = the melding's kenmerk);
 * - documents: the gespreksverslag (the stored letter, else rendered from the onderzoek when the
 *   letterhead is complete) and the stored beschikking letter (exactly the bytes that were sent);
 * - besluit: uiterlijkeReactiedatum = end of the bezwaartermijn after the verzenddatum;
 * - uiterlijkeEinddatumAfdoening = the beschikking termijn (Wmo 2.3.5 / Awb 4:13, after Atw).
 */

const TOEGEKEND = new Set(['toekenning', 'gedeeltelijke_toekenning', 'wijziging']);

export interface ZgwPlanResult {
  plan: CaseExportPlan;
  clientId: number;
  kenmerk: string;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
/**
 * A calendar date as a fixed instant (the step machine matches statussen on it). The n-th
 * beschikking of a zaak sets its statussen n minutes into the day, so that a wijziging sent the
 * same day still reopens after, and closes after, the beschikking before it.
 */
const instant = (date: string, second: number, n = 0) => {
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${date}T${pad(Math.floor(n / 60) % 24)}:${pad(n % 60)}:0${second}Z`;
};

export async function buildZgwPlan(m: EntityManager, beschikkingId: number, cfg: ExportConfig): Promise<ZgwPlanResult> {
  const e = cfg.export;
  const b = await m.findOneBy(BeschikkingEntity, { id: beschikkingId });
  if (!b) throw new LoketError('niet_gevonden', `Beschikking ${beschikkingId} bestaat niet (meer).`);
  if (b.status !== 'verzonden' || !b.verzondenOp || !b.vastgesteldOp) {
    throw new LoketError('conflict', `Beschikking ${b.kenmerk} is nog niet verzonden; alleen verzonden beschikkingen gaan naar het zaaksysteem.`);
  }
  const aanvraag = await m.findOneByOrFail(AanvraagEntity, { id: b.aanvraagId });
  const melding = await m.findOneByOrFail(MeldingEntity, { id: aanvraag.meldingId });
  const client = await m.findOneByOrFail(ClientEntity, { id: melding.clientId });
  // Every author of the besluit (vier-ogen: whoever wrote or took it over); ZGW allows 200 characters.
  const auteurs = (await m.findOneByOrFail(BeschikkingAuteursView, { beschikkingId: b.id })).namen.slice(0, 200);
  const consulent = await m.findOneByOrFail(UserEntity, { id: melding.consulentId });
  const links = await m.findBy(BeschikkingIndicatieEntity, { beschikkingId: b.id });
  const indicaties = links.length ? await m.findBy(IndicatieEntity, { id: In(links.map((l) => l.indicatieId)) }) : [];
  const termijn = await m.findOneBy(TermijnEntity, { meldingId: melding.id, soort: 'beschikking' });
  const zaakId = meldingKenmerk(melding);
  // How many beschikkingen of this zaak went out before this one (a wijziging or beëindiging).
  const eerdere = await m.createQueryBuilder(BeschikkingEntity, 'b')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .where(`a.meldingId = :meldingId AND b.status = 'verzonden' AND b.id < :id`, { meldingId: melding.id, id: b.id })
    .getCount();
  const vertrouwelijk = 'vertrouwelijk' as const;

  const statussen: CaseExportStatus[] = [];
  if (e.statustypen.ontvangen) {
    statussen.push({ statustype: e.statustypen.ontvangen, datumStatusGezet: instant(melding.datum, 0), toelichting: 'Melding ontvangen' });
  }
  if (e.statustypen.aanvraag) {
    statussen.push({ statustype: e.statustypen.aanvraag, datumStatusGezet: instant(aanvraag.ontvangenOp, 1), toelichting: 'Aanvraag ontvangen' });
  }

  const documents: CaseExportDocument[] = [];
  if (e.informatieobjecttypen.gespreksverslag) {
    const verslag = await gespreksverslagPdf(m, melding.id, zaakId);
    if (verslag) {
      documents.push({
        key: 'gespreksverslag', identificatie: `${zaakId}-GV`, titel: `Gespreksverslag ${zaakId}`,
        bestandsnaam: `gespreksverslag-${zaakId}.pdf`, pdfBase64: verslag.pdf.toString('base64'), creatiedatum: verslag.datum,
        informatieobjecttype: e.informatieobjecttypen.gespreksverslag, auteur: consulent.displayName, taal: 'dut',
        indicatieGebruiksrecht: false, status: 'definitief', vertrouwelijkheidaanduiding: vertrouwelijk,
        ...(verslag.verzonden ? { verzenddatum: verslag.verzonden } : {}),
      });
    }
  }
  const letter = await m.findOne(LetterEntity, { where: { beschikkingId: b.id }, order: { id: 'DESC' } });
  if (!letter) throw new LoketError('conflict', `Bij beschikking ${b.kenmerk} is geen verzonden brief opgeslagen; verstuur de brief eerst.`);
  documents.push({
    key: 'beschikking', identificatie: b.kenmerk, titel: `Beschikking ${b.kenmerk}`, bestandsnaam: `beschikking-${b.kenmerk}.pdf`,
    pdfBase64: Buffer.from(letter.pdf).toString('base64'), creatiedatum: letter.createdAt.slice(0, 10),
    informatieobjecttype: e.informatieobjecttypen.beschikking, auteur: auteurs, taal: 'dut',
    indicatieGebruiksrecht: false, status: 'definitief', vertrouwelijkheidaanduiding: vertrouwelijk, verzenddatum: b.verzondenOp,
  });

  const ingang = indicaties.map((i) => i.ingangsdatum).sort()[0] ?? b.vastgesteldOp;
  const einden = indicaties.map((i) => i.einddatum);
  const verval = einden.length > 0 && einden.every((x): x is string => !!x) ? einden.sort().at(-1)! : undefined;
  const toegekend = TOEGEKEND.has(b.soort);
  // Reopening takes a status that is not the eindstatus: the latest phase the zaak knows.
  const reopenType = e.statustypen.aanvraag || e.statustypen.ontvangen || undefined;
  const wet = melding.wet as Wet;
  const plan: CaseExportPlan = {
    zaak: {
      bronorganisatie: cfg.rsin, verantwoordelijkeOrganisatie: cfg.rsin, zaaktype: e.zaaktype, identificatie: zaakId,
      omschrijving: clip(`${WET_LABELS[wet] ?? wet}: ${aanvraag.omschrijving}`, 80), startdatum: melding.datum,
      registratiedatum: melding.createdAt.slice(0, 10),
      ...(termijn?.uiterlijk ? { uiterlijkeEinddatumAfdoening: termijn.uiterlijk } : {}),
      vertrouwelijkheidaanduiding: vertrouwelijk,
    },
    rol: {
      roltype: e.roltype, roltoelichting: 'Aanvrager',
      natuurlijkPersoon: {
        inpBsn: client.bsn, geslachtsnaam: client.geslachtsnaam,
        ...(client.voorvoegsel ? { voorvoegsel: client.voorvoegsel } : {}),
        ...(client.voorletters ? { voorletters: client.voorletters } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(client.geboortedatum) && !client.geboortedatum.includes('-00') ? { geboortedatum: client.geboortedatum } : {}),
      },
    },
    statussen,
    ...(reopenType
      ? { heropenen: { statustype: reopenType, datumStatusGezet: instant(b.verzondenOp, 1, eerdere), toelichting: `Heropend voor beschikking ${b.kenmerk}` } }
      : {}),
    documents,
    besluit: {
      identificatie: `${zaakId}-${b.kenmerk}`, besluittype: e.besluittype, datum: b.vastgesteldOp, ingangsdatum: ingang,
      ...(verval ? { vervaldatum: verval, vervalreden: 'tijdelijk' as const } : {}),
      toelichting: clip(b.besluitTekst, 1000), uiterlijkeReactiedatum: (await atwKlok({ m })).bezwaarEinde(b.verzondenOp),
      verzenddatum: b.verzondenOp, documentKey: 'beschikking',
    },
    resultaat: {
      resultaattype: toegekend ? e.resultaattypen.toegekend : e.resultaattypen.afgewezen,
      toelichting: toegekend ? 'Toegekend' : b.soort === 'buiten_behandeling' ? 'Buiten behandeling gesteld' : 'Afgewezen',
    },
    eindstatus: { statustype: e.statustypen.afgehandeld, datumStatusGezet: instant(b.verzondenOp, 2, eerdere), toelichting: `Beschikking ${b.kenmerk} verzonden` },
  };
  return { plan, clientId: client.id, kenmerk: b.kenmerk };
}

/** The stored gespreksverslag letter, else one rendered from the onderzoek; null when neither can be had. */
async function gespreksverslagPdf(m: EntityManager, meldingId: number, kenmerk: string):
  Promise<{ pdf: Buffer; datum: string; verzonden: string | null } | null> {
  const stored = await m.findOne(LetterEntity, { where: { meldingId, soort: 'gespreksverslag' }, order: { id: 'DESC' } });
  const onderzoek = await m.findOneBy(OnderzoekEntity, { meldingId });
  if (stored) return { pdf: Buffer.from(stored.pdf), datum: stored.createdAt.slice(0, 10), verzonden: onderzoek?.verslagVerzondenOp ?? stored.createdAt.slice(0, 10) };
  if (!onderzoek) return null;
  // Rendered with a fixed date (the day of the gesprek), so the bytes are the same on every run.
  const datum = onderzoek.verslagVerzondenOp ?? onderzoek.datum;
  try {
    // The letter's data is read through the entity manager only.
    const data = await gespreksverslagData({ m } as unknown as TxContext, meldingId, kenmerk, datum);
    return { pdf: await renderLetter(data), datum, verzonden: onderzoek.verslagVerzondenOp };
  } catch {
    return null; // letterhead incomplete: the zaak goes without the verslag rather than not at all
  }
}
