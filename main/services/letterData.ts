import { eenheidLabel, frequentieLabel } from '../../shared/codelists';
import { addDays } from '../../shared/dates';
import { aanhefVoor, aanhefVoorNaam } from '../../shared/names';
import type { Wet } from '../../shared/schemas/zaak';
import { euro } from '../letters/format';
import type { LetterDataInput as LetterData } from '../letters/types';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, MeldingEntity, OnderzoekEntity,
  RepresentativeEntity, TermijnEntity, UserEntity, VoornemenEntity, type BeschikkingRow, type ClientRow, type IndicatieRow,
  type RepresentativeRow,
} from '../db/entities';
import { readSettings } from './admin';
import { atwKlok } from './atw';
import { toBeschikking } from './beschikkingen';
import { adresRegels, clientNaam } from './clients';
import type { TxContext } from './context';
import { persoonlijkPlanUiterlijk } from './zaken';
import { toIndicatie } from './zaakRecords';

/**
 * Maps database rows to the plain data a letter needs. The address block is decided here, from
 * what each representative acts in: a care letter goes to the one who acts for the client in
 * care matters (curator BW 1:378, mentor BW 1:450, parent or voogd, a gemachtigde for care), and
 * speaks to them about the client. BRP geheimhouding does not stop post to the client's own legal
 * representative. A representative for money only (beschermingsbewindvoerder, BW 1:431) gets a
 * copy where the client wants that.
 */

const ROL_VOORRANG = ['curator', 'mentor', 'ouder_voogd', 'gemachtigde'] as const;
const ROL_LABEL: Record<string, string> = {
  curator: 'curator', mentor: 'mentor', bewindvoerder: 'beschermingsbewindvoerder', gemachtigde: 'gemachtigde', ouder_voogd: 'ouder of voogd',
};

/** Who gets the letter in the client's place (acts in care), and who gets a copy (where the client wants that). */
async function ontvangers(tx: TxContext, clientId: number): Promise<{ zorg: RepresentativeRow | undefined; kopie: RepresentativeRow[] }> {
  const reps = await tx.m.find(RepresentativeEntity, { where: { clientId }, order: { id: 'ASC' } });
  const zorg = ROL_VOORRANG.map((soort) => reps.find((r) => r.soort === soort && r.handeltIn.includes('zorg') && r.adresregels.length > 0))
    .find((r): r is RepresentativeRow => r !== undefined);
  return { zorg, kopie: reps.filter((r) => r !== zorg && r.ontvangtPost && r.adresregels.length > 0) };
}

/**
 * The copies (afschriften) of a letter, one per representative who gets one: the same letter,
 * addressed in the window to them, marked "Afschrift". Printed with the original.
 */
export async function afschriften(tx: TxContext, letter: LetterData, clientId: number): Promise<LetterData[]> {
  const { kopie } = await ontvangers(tx, clientId);
  return kopie.map((r) => ({
    ...letter,
    afschrift: { aan: { naam: r.naam, organisatie: r.organisatie ?? undefined, adresregels: r.adresregels }, rolLabel: ROL_LABEL[r.soort] ?? r.soort },
  }));
}

export async function addressee(tx: TxContext, client: ClientRow): Promise<Pick<LetterData, 'geadresseerde' | 'kopieAan'>> {
  const { zorg, kopie } = await ontvangers(tx, client.id);
  const kopieAan = kopie.map((r) => `${r.naam}${r.organisatie ? `, ${r.organisatie}` : ''} (${ROL_LABEL[r.soort] ?? r.soort})`);
  if (zorg) {
    return {
      geadresseerde: {
        naam: zorg.naam, organisatie: zorg.organisatie ?? undefined, adresregels: zorg.adresregels,
        aanhef: aanhefVoorNaam(zorg.naam, zorg.geslacht), rol: zorg.soort as NonNullable<LetterData['geadresseerde']['rol']>,
      },
      kopieAan,
    };
  }
  const naamDelen = {
    voornamen: client.voornamen, voorletters: client.voorletters, voorvoegsel: client.voorvoegsel, geslachtsnaam: client.geslachtsnaam,
    partnerVoorvoegsel: client.partnerVoorvoegsel, partnerGeslachtsnaam: client.partnerGeslachtsnaam,
    naamgebruik: client.naamgebruik as 'E' | 'P' | 'V' | 'N', geslacht: client.geslacht,
  };
  return { geadresseerde: { naam: clientNaam(client), adresregels: adresRegels(client), aanhef: aanhefVoor(naamDelen) }, kopieAan };
}

async function common(tx: TxContext, meldingId: number, datum: string) {
  const settings = await readSettings(tx);
  const melding = await tx.m.findOneByOrFail(MeldingEntity, { id: meldingId });
  const client = await tx.m.findOneByOrFail(ClientEntity, { id: melding.clientId });
  const consulent = await tx.m.findOneByOrFail(UserEntity, { id: melding.consulentId });
  // Each law its own sender where the beheerder set one (a Jeugdwet letter from the "Wmo-loket" is wrong).
  const eigen = settings.afzenderPerWet[melding.wet as Wet];
  const email = eigen.email || settings.email;
  const gemeente: LetterData['gemeente'] = {
    naam: settings.gemeenteNaam, gemeentecode: settings.gemeentecode,
    adres: { straat: settings.adres.straat, postcode: settings.adres.postcode, plaats: settings.adres.plaats },
    telefoon: settings.telefoon, email: email || undefined, website: settings.website || undefined,
    afdeling: eigen.afdeling || settings.afdeling || undefined,
    logoPng: settings.logoPngBase64 ?? undefined,
    ondertekenaar: { naam: settings.ondertekenaar.naam, functie: eigen.functie || settings.ondertekenaar.functie },
    mandaat: settings.mandaat,
    bezwaarAdres: {
      tav: settings.bezwaarAdres.tav, postbusOfStraat: settings.bezwaarAdres.adres,
      postcode: settings.bezwaarAdres.postcode, plaats: settings.bezwaarAdres.plaats,
    },
  };
  return {
    melding, client,
    base: {
      gemeente,
      wet: melding.wet as Wet,
      ...(await addressee(tx, client)),
      client: { naam: clientNaam(client), geslacht: client.geslacht as '0' | '1' | '2', geboortedatum: /^\d{4}-\d{2}-\d{2}$/.test(client.geboortedatum) && !client.geboortedatum.includes('-00') ? client.geboortedatum : undefined },
      datum,
      contactpersoon: { naam: consulent.displayName, telefoon: settings.telefoon, email: email || undefined },
      melding: { datum: melding.datum, hulpvraag: melding.hulpvraag },
    },
  };
}

export async function beschikkingLetterData(tx: TxContext, row: BeschikkingRow, datum: string): Promise<LetterData> {
  const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: row.aanvraagId });
  const { base } = await common(tx, aanvraag.meldingId, datum);
  const b = await toBeschikking(tx, row);
  const vorige = row.vervangtId ? await tx.m.findOneBy(BeschikkingEntity, { id: row.vervangtId }) : null;
  const accordeur = row.accordeurId ? await tx.m.findOneByOrFail(UserEntity, { id: row.accordeurId }) : null;
  const voornemen = row.voornemenId ? await tx.m.findOneBy(VoornemenEntity, { id: row.voornemenId }) : null;
  const bron = b.wettelijkeGrondslag.find((g) => /verordening/i.test(g))
    ?? `de verordening ${base.wet === 'jeugdwet' ? 'jeugdhulp' : 'maatschappelijke ondersteuning'} van de gemeente ${base.gemeente.naam}`;
  const vervangen = new Map<number, IndicatieRow>();
  for (const i of b.indicaties) {
    if (i.vervangtIndicatieId !== null) vervangen.set(i.id, await tx.m.findOneByOrFail(IndicatieEntity, { id: i.vervangtIndicatieId }));
  }
  // A wijziging replaces the earlier decision: what it granted stops the day before the new start.
  const start = row.perDatum ?? b.indicaties.map((i) => i.ingangsdatum).sort()[0];
  const vervalt = b.soort === 'wijziging' && row.vervangtId && start
    ? (await indicatiesVan(tx, row.vervangtId)).filter((i) => i.einddatum === null || i.einddatum >= start)
      .map((i) => ({ ...voorziening(toIndicatie(i)), einddatum: addDays(start, -1) }))
    : [];
  return {
    ...base,
    soort: 'beschikking',
    kenmerk: row.kenmerk,
    beschikking: {
      soort: b.soort,
      aanvraagDatum: row.ambtshalveAanleiding ? undefined : aanvraag.ontvangenOp,
      meldingDatum: base.melding.datum,
      besluitTekst: b.besluitTekst,
      // An afwijzing grants nothing: the letter names what was asked for, in the words of the aanvraag.
      voorzieningen: b.soort === 'afwijzing' && b.indicaties.length === 0
        ? [{ productcategorieLabel: '', productLabel: aanvraag.omschrijving, leveringsvorm: 'ZIN' as const, ingangsdatum: aanvraag.ontvangenOp }]
        : b.indicaties.map((i) => {
          const v = voorziening(i);
          const oud = vervangen.get(i.id);
          return {
            ...v,
            // A beëindiging ends the voorziening early, on its own date.
            einddatum: b.soort === 'beeindiging' && b.perDatum ? b.perDatum : i.einddatum,
            pgb: i.leveringsvorm === 'PGB' && i.pgbZorgverlener && i.pgbTariefCents && i.budgetCents
              ? {
                zorgverlener: i.pgbZorgverlener, tariefCents: i.pgbTariefCents, tariefEenheidLabel: 'per uur', bron,
                berekening: `${euro(i.budgetCents)} voor de hele periode: ${Math.round(i.budgetCents / i.pgbTariefCents)} uur × ${euro(i.pgbTariefCents)} per uur`,
              }
              : undefined,
            vervangt: oud ? (oud.leveringsvorm === 'ZIN' ? `zorg in natura${oud.aanbiederNaam ? ` van ${oud.aanbiederNaam}` : ''}` : 'het eerdere pgb') : undefined,
          };
        }),
      nietToegekend: row.nietToegekend,
      vervalt,
      ambtshalve: row.ambtshalveAanleiding
        ? { aanleiding: row.ambtshalveAanleiding, voornemenDatum: voornemen?.verzondenOp, zienswijze: voornemen?.zienswijze ?? undefined }
        : undefined,
      motivering: b.motivering,
      wettelijkeGrondslag: b.wettelijkeGrondslag,
      // The CAK bijdrage applies to Wmo maatwerkvoorzieningen, not to jeugdhulp.
      // A beëindiging tells the client that the CAK bijdrage stops too.
      eigenBijdrage: b.indicaties.some((i) => i.wet === 'wmo') && ['toekenning', 'gedeeltelijke_toekenning', 'wijziging', 'beeindiging'].includes(b.soort),
      vorigeBeschikkingKenmerk: vorige?.kenmerk,
      vorigeBeschikkingDatum: vorige?.vastgesteldOp ?? undefined,
      bezwaarTermijnEinde: (await atwKlok(tx)).bezwaarEinde(datum),
      vierOgen: { opgesteldDoor: b.auteur, vastgesteldDoor: accordeur?.displayName, mandaat: accordeur?.mandaat ?? undefined },
    },
  };
}

export async function ontvangstbevestigingData(tx: TxContext, meldingId: number, kenmerk: string, datum: string): Promise<LetterData> {
  const { base, melding } = await common(tx, meldingId, datum);
  const onderzoek = await tx.m.findOneBy(TermijnEntity, { meldingId, soort: 'onderzoek' });
  return {
    ...base, soort: 'ontvangstbevestiging', kenmerk,
    termijnen: {
      onderzoekUiterlijk: onderzoek?.uiterlijk ?? undefined,
      persoonlijkPlanUiterlijk: melding.wet === 'wmo' ? persoonlijkPlanUiterlijk(melding.datum, await atwKlok(tx)) : undefined,
    },
  };
}

export async function gespreksverslagData(tx: TxContext, meldingId: number, kenmerk: string, datum: string): Promise<LetterData> {
  const { base, melding } = await common(tx, meldingId, datum);
  const o = await tx.m.findOneByOrFail(OnderzoekEntity, { meldingId });
  return {
    ...base, soort: 'gespreksverslag', kenmerk,
    verslag: {
      gespreksDatum: o.datum, aanwezigen: o.aanwezigen.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean),
      behoeften: o.behoeften, eigenKracht: o.eigenKracht, netwerk: o.netwerk,
      mantelzorgOndersteuning: o.mantelzorgOndersteuning, algemeneVoorzieningen: o.algemeneVoorzieningen,
      pgbUitgelegd: o.pgbUitgelegd, bijdrageUitgelegd: o.bijdrageUitgelegd, conclusies: o.conclusies,
      benodigdeOndersteuning: o.benodigdeOndersteuning || undefined,
      opmerkingen: o.opmerkingenClient ?? undefined,
      persoonlijkPlan: melding.wet === 'wmo'
        ? { ontvangenOp: melding.persoonlijkPlanOntvangenOp, gebruik: o.persoonlijkPlanGebruik ?? undefined }
        : undefined,
    },
  };
}

async function indicatiesVan(tx: TxContext, beschikkingId: number): Promise<IndicatieRow[]> {
  const links = await tx.m.findBy(BeschikkingIndicatieEntity, { beschikkingId });
  const rows: IndicatieRow[] = [];
  for (const l of links) rows.push(await tx.m.findOneByOrFail(IndicatieEntity, { id: l.indicatieId }));
  return rows.sort((a, b) => a.id - b.id);
}

/** An indicatie as the letter names it. */
function voorziening(i: ReturnType<typeof toIndicatie>): NonNullable<LetterData['beschikking']>['voorzieningen'][number] {
  return {
    productcategorieLabel: i.productcategorieLabel,
    productcode: i.productcode ?? undefined,
    productLabel: i.productcategorieLabel,
    omvang: i.omvang ? {
      volume: i.omvang.volume,
      eenheidLabel: eenheidLabel(i.omvang.eenheid, i.omvang.volume).toLowerCase(),
      frequentieLabel: frequentieLabel(i.omvang.frequentie).toLowerCase(),
    } : undefined,
    budgetCents: i.budgetCents ?? undefined,
    budgetPeriodeLabel: i.budgetCents !== null ? 'voor de hele periode' : undefined,
    leveringsvorm: i.leveringsvorm,
    aanbieder: i.leveringsvorm === 'ZIN' && i.aanbiederAgb ? { naam: i.aanbiederNaam ?? `aanbieder ${i.aanbiederAgb}`, agb: i.aanbiederAgb } : undefined,
    ingangsdatum: i.ingangsdatum,
    einddatum: i.einddatum,
  };
}

/** The voornemen (Awb 4:8) about an earlier decision. */
export async function voornemenData(tx: TxContext, vorige: BeschikkingRow, kenmerk: string, datum: string,
  v: NonNullable<LetterData['voornemen']>): Promise<LetterData> {
  const aanvraag = await tx.m.findOneByOrFail(AanvraagEntity, { id: vorige.aanvraagId });
  const { base } = await common(tx, aanvraag.meldingId, datum);
  return { ...base, soort: 'voornemen', kenmerk, voornemen: v };
}

/** The verdaging (Awb 4:14) of the beschikking term. */
export async function verdagingData(tx: TxContext, meldingId: number, kenmerk: string, datum: string,
  v: NonNullable<LetterData['verdaging']>): Promise<LetterData> {
  const { base } = await common(tx, meldingId, datum);
  return { ...base, soort: 'verdaging', kenmerk, verdaging: v };
}

/** The request to complete the aanvraag (Awb 4:5). */
export async function aanvulverzoekData(tx: TxContext, meldingId: number, kenmerk: string, datum: string,
  a: NonNullable<LetterData['aanvulverzoek']>): Promise<LetterData> {
  const { base } = await common(tx, meldingId, datum);
  return { ...base, soort: 'aanvulverzoek', kenmerk, aanvulverzoek: a };
}
