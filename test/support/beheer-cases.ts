import type { Router } from '../../main/router';
import type { ClientInputSchema } from '../../shared/schemas/client';
import type { BeschikkingSoort, Wet } from '../../shared/schemas/zaak';
import type { z } from 'zod';
import { ok, type Desk } from './cases';

/** Builds cases through the router for the beheer tests: any law, dates, indicaties and besluit. */

export interface IndicatieSpec {
  productcategorie: string;
  leveringsvorm: 'ZIN' | 'PGB';
  budgetCents?: number;
  ingangsdatum: string;
  einddatum: string;
}

export interface CaseSpec {
  clientId: number;
  wet: Wet;
  melding: string;
  hulpvraag?: string;
  mantelzorger?: string;
  onderzoek?: string;
  onderzoekTekst?: string;
  aanvraag?: string;
  indicaties?: IndicatieSpec[];
  beschikking?: { soort: BeschikkingSoort; vastgesteld: string; besluitTekst?: string };
}

export interface BuiltCase { meldingId: number; aanvraagId: number | null; indicatieIds: number[]; beschikkingId: number | null }

export class CaseBuilder {
  private routers = new Map<string, Router>();
  /**
   * With `verzenden`, the gespreksverslag is sent on the day of the onderzoek and the beschikking
   * printed and confirmed on the day it is vastgesteld: that meets the legal terms (Wmo 2.3.2,
   * Awb 3:41), as at the desk.
   */
  constructor(readonly desk: Desk, readonly today = '2026-06-30', readonly opties: { verzenden?: boolean } = {}) {}

  async as(user: string, today = this.today): Promise<Router> {
    const key = `${user}@${today}`;
    let r = this.routers.get(key);
    if (!r) {
      r = await this.desk.as(user, today);
      this.routers.set(key, r);
    }
    return r;
  }

  async client(input: Omit<z.input<typeof ClientInputSchema>, 'geboortedatum'> & { geboortedatum?: string }): Promise<number> {
    const adres = { straat: 'Kerkstraat', huisnummer: 1, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' };
    return (await ok(await this.as('anna'), 'client.create', { geboortedatum: '1950-01-01', ...(this.opties.verzenden ? adres : {}), ...input })).id;
  }

  async build(s: CaseSpec): Promise<BuiltCase> {
    const anna = await this.as('anna');
    const m = await ok(anna, 'melding.create', {
      clientId: s.clientId, datum: s.melding, kanaal: 'telefoon', wet: s.wet,
      hulpvraag: s.hulpvraag ?? 'Ondersteuning nodig in het dagelijks leven.', toestemming: true, clientondersteuningAangeboden: true,
      mantelzorger: s.mantelzorger ?? null,
    });
    const meldingId = m.melding.id;
    if (s.onderzoek) {
      const t = s.onderzoekTekst ?? 'Besproken in het keukentafelgesprek.';
      await ok(anna, 'onderzoek.save', {
        meldingId, datum: s.onderzoek, aanwezigen: 'cliënt en consulent', behoeften: t, eigenKracht: t, netwerk: t,
        mantelzorgOndersteuning: t, algemeneVoorzieningen: t, benodigdeOndersteuning: t, pgbUitgelegd: true, bijdrageUitgelegd: true,
        conclusies: 'Maatwerk is nodig.',
      });
      if (this.opties.verzenden) await ok(await this.as('anna', s.onderzoek), 'letter.melding', { meldingId, soort: 'gespreksverslag' });
    }
    if (!s.aanvraag) return { meldingId, aanvraagId: null, indicatieIds: [], beschikkingId: null };
    const a = await ok(anna, 'aanvraag.create', { meldingId, ontvangenOp: s.aanvraag, omschrijving: 'Aanvraag maatwerkvoorziening' });
    const indicatieIds: number[] = [];
    for (const i of s.indicaties ?? []) {
      const pgb = i.leveringsvorm === 'PGB';
      const ind = await ok(anna, 'indicatie.create', {
        aanvraagId: a.id, productcategorie: i.productcategorie, leveringsvorm: i.leveringsvorm,
        ...(pgb ? { budgetCents: i.budgetCents ?? 100000, pgbZorgverlener: 'formeel' as const, pgbTariefCents: 5000 } : { omvang: { volume: 2, eenheid: '04', frequentie: '2' }, aanbiederAgb: '12345678' }),
        ingangsdatum: i.ingangsdatum, einddatum: i.einddatum, motivering: 'Nodig volgens het onderzoek, zie verslag.',
      });
      indicatieIds.push(ind.id);
    }
    if (!s.beschikking) return { meldingId, aanvraagId: a.id, indicatieIds, beschikkingId: null };
    const b = await ok(anna, 'beschikking.create', {
      aanvraagId: a.id, soort: s.beschikking.soort, indicatieIds,
      besluitTekst: s.beschikking.besluitTekst ?? `Besluit over uw aanvraag (${s.beschikking.soort}).`,
      motivering: 'Uit het onderzoek blijkt wat u nodig heeft en wat u zelf kunt.',
      wettelijkeGrondslag: [s.wet === 'jeugdwet' ? 'Jeugdwet art. 2.3' : 'Wmo 2015 art. 2.3.5'],
    });
    await ok(anna, 'beschikking.submit', { id: b.id });
    await ok(await this.as('bram', s.beschikking.vastgesteld), 'beschikking.approve', { id: b.id });
    if (this.opties.verzenden) {
      const carla = await this.as('carla', s.beschikking.vastgesteld);
      const gen = await ok(carla, 'print.generate', { beschikkingIds: [b.id] });
      await ok(carla, 'print.confirm', { id: gen.batch!.id });
    }
    return { meldingId, aanvraagId: a.id, indicatieIds, beschikkingId: b.id };
  }
}
