import { eenheidLabel, frequentieLabel } from '../../shared/codelists';
import { bezwaarTermijnEinde } from '../../shared/termijnen';
import type { LetterDataInput as LetterData } from '../letters/types';
import {
  AanvraagEntity, BeschikkingEntity, ClientEntity, MeldingEntity, OnderzoekEntity, RepresentativeEntity, UserEntity,
  type BeschikkingRow, type ClientRow,
} from '../db/entities';
import { readSettings } from './admin';
import { toBeschikking } from './beschikkingen';
import { adresRegels, clientNaam } from './clients';
import type { TxContext } from './context';

/**
 * Maps database rows to the plain data a letter needs. The address block is decided here:
 * a representative who receives the post (curator, bewindvoerder, mentor, gemachtigde) gets the
 * letter, on behalf of the client; with BRP geheimhouding the letter goes to the client only.
 */

export async function addressee(tx: TxContext, client: ClientRow): Promise<LetterData['geadresseerde']> {
  const naam = clientNaam(client);
  if (!client.geheimhouding) {
    const rep = (await tx.m.findBy(RepresentativeEntity, { clientId: client.id })).find((r) => r.ontvangtPost);
    if (rep && rep.adresregels.length > 0) {
      return { naam: rep.naam, adresregels: [`inzake ${naam}`, ...rep.adresregels] };
    }
  }
  return { naam, adresregels: adresRegels(client) };
}

async function common(tx: TxContext, meldingId: number, datum: string) {
  const settings = await readSettings(tx);
  const melding = await tx.m.findOneByOrFail(MeldingEntity, { id: meldingId });
  const client = await tx.m.findOneByOrFail(ClientEntity, { id: melding.clientId });
  const consulent = await tx.m.findOneByOrFail(UserEntity, { id: melding.consulentId });
  const gemeente: LetterData['gemeente'] = {
    naam: settings.gemeenteNaam, gemeentecode: settings.gemeentecode,
    adres: { straat: settings.adres.straat, postcode: settings.adres.postcode, plaats: settings.adres.plaats },
    telefoon: settings.telefoon, email: settings.email || undefined, website: settings.website || undefined,
    logoPng: settings.logoPngBase64 ?? undefined,
    ondertekenaar: { naam: settings.ondertekenaar.naam, functie: settings.ondertekenaar.functie },
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
      geadresseerde: await addressee(tx, client),
      client: { naam: clientNaam(client), geboortedatum: /^\d{4}-\d{2}-\d{2}$/.test(client.geboortedatum) && !client.geboortedatum.includes('-00') ? client.geboortedatum : undefined },
      datum,
      contactpersoon: { naam: consulent.displayName, telefoon: settings.telefoon, email: settings.email || undefined },
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
  return {
    ...base,
    soort: 'beschikking',
    kenmerk: row.kenmerk,
    beschikking: {
      soort: b.soort,
      aanvraagDatum: aanvraag.ontvangenOp,
      meldingDatum: base.melding.datum,
      besluitTekst: b.besluitTekst,
      // An afwijzing grants nothing: the letter names what was asked for, in the words of the aanvraag.
      voorzieningen: b.soort === 'afwijzing' && b.indicaties.length === 0
        ? [{ productcategorieLabel: '', productLabel: aanvraag.omschrijving, leveringsvorm: 'ZIN' as const, ingangsdatum: aanvraag.ontvangenOp }]
        : b.indicaties.map((i) => ({
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
        // A beëindiging ends the voorziening early, on its own date.
        einddatum: b.soort === 'beeindiging' && b.perDatum ? b.perDatum : i.einddatum,
      })),
      motivering: b.motivering,
      wettelijkeGrondslag: b.wettelijkeGrondslag,
      // The CAK bijdrage applies to Wmo maatwerkvoorzieningen, not to jeugdhulp.
      eigenBijdrage: b.indicaties.some((i) => i.wet === 'wmo') && (b.soort === 'toekenning' || b.soort === 'gedeeltelijke_toekenning' || b.soort === 'wijziging'),
      vorigeBeschikkingKenmerk: vorige?.kenmerk,
      vorigeBeschikkingDatum: vorige?.vastgesteldOp ?? undefined,
      bezwaarTermijnEinde: bezwaarTermijnEinde(datum),
      vierOgen: { opgesteldDoor: b.auteur, vastgesteldDoor: accordeur?.displayName, mandaat: accordeur?.mandaat ?? undefined },
    },
  };
}

export async function ontvangstbevestigingData(tx: TxContext, meldingId: number, kenmerk: string, datum: string): Promise<LetterData> {
  const { base } = await common(tx, meldingId, datum);
  return { ...base, soort: 'ontvangstbevestiging', kenmerk };
}

export async function gespreksverslagData(tx: TxContext, meldingId: number, kenmerk: string, datum: string): Promise<LetterData> {
  const { base } = await common(tx, meldingId, datum);
  const o = await tx.m.findOneByOrFail(OnderzoekEntity, { meldingId });
  return {
    ...base, soort: 'gespreksverslag', kenmerk,
    verslag: {
      gespreksDatum: o.datum, aanwezigen: o.aanwezigen.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean),
      behoeften: o.behoeften, eigenKracht: o.eigenKracht, netwerk: o.netwerk,
      mantelzorgOndersteuning: o.mantelzorgOndersteuning, algemeneVoorzieningen: o.algemeneVoorzieningen,
      pgbUitgelegd: o.pgbUitgelegd, bijdrageUitgelegd: o.bijdrageUitgelegd, conclusies: o.conclusies,
    },
  };
}
