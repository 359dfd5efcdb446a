import { createRouter, type Router } from '../../main/router';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/channels';
import type { Role } from '../../shared/roles';
import { ADMIN_PASSWORD, freshVault, TEST_KDF, USER_PASSWORD } from './vault';
import { lock } from '../../main/vault';

/** Drives cases through the real router on a real encrypted database, as the people at the desk. */

export const DESK_USERS: { username: string; roles: Role[]; mandaat?: string }[] = [
  { username: 'anna', roles: ['consulent'] },
  { username: 'bram', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026' },
  { username: 'carla', roles: ['administratie'] },
  { username: 'dirk', roles: ['auditor'] },
];

export const LETTERHEAD = {
  gemeenteNaam: 'Voorbeeldstad', gemeentecode: '9999', rsin: '001234567',
  adres: { straat: 'Marktplein 1', postcode: '1234 AB', plaats: 'Voorbeeldstad' },
  telefoon: '14 0999', email: 'wmo@voorbeeldstad.nl', website: 'www.voorbeeldstad.nl', logoPngBase64: null,
  ondertekenaar: { naam: 'J. de Boer', functie: 'teamleider Wmo' },
  mandaat: 'namens het college van burgemeester en wethouders',
  bezwaarAdres: { tav: 'het college van burgemeester en wethouders', adres: 'Postbus 100', postcode: '1230 AA', plaats: 'Voorbeeldstad' },
  autoLockMinuten: 10,
};

export class Desk {
  private routers: Router[] = [];
  constructor(readonly dbFile: string) {}

  static async open(options: { letterhead?: boolean } = {}): Promise<Desk> {
    const v = await freshVault(DESK_USERS);
    await lock(v.admin);
    const desk = new Desk(v.file);
    if (options.letterhead !== false) {
      const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
      await ok(beheer, 'settings.update', LETTERHEAD);
    }
    return desk;
  }

  async as(username: string, today = '2026-04-20', password = USER_PASSWORD): Promise<Router> {
    const r = createRouter({ dbFile: this.dbFile, route: 'test', kdf: TEST_KDF, today: () => today });
    const res = await r.call('session.unlock', { username, password });
    if (!res.ok) throw new Error(res.error.message);
    this.routers.push(r);
    return r;
  }

  async close(): Promise<void> {
    for (const r of this.routers) await r.close();
  }
}

export async function ok<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await r.call(channel, input);
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  return res.value;
}

/** A call that must be refused: its Dutch error. */
export async function refused<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>): Promise<{ code: string; message: string; field?: string }> {
  const res = await r.call(channel, input);
  if (res.ok) throw new Error(`${channel} should have been refused`);
  return res.error;
}

export interface CaseIds {
  clientId: number;
  meldingId: number;
  aanvraagId: number;
  indicatieId: number;
  beschikkingId: number;
}

/**
 * A Wmo case for an existing client up to a concept toekenning (hulp bij het huishouden, 3 uur per
 * week, ZIN), as the consulent; the beslistermijn runs from `ontvangenOp`.
 */
export async function conceptToekenning(anna: Router, clientId: number, ontvangenOp = '2026-04-13'): Promise<Omit<CaseIds, 'clientId'>> {
  const m = await ok(anna, 'melding.create', {
    clientId, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Ik kan mijn huis niet meer schoonhouden.',
    toestemming: true, clientondersteuningAangeboden: true,
  });
  await ok(anna, 'onderzoek.save', {
    meldingId: m.melding.id, datum: '2026-04-10', aanwezigen: 'cliënt, dochter, consulent', behoeften: 'Zelfstandig thuis wonen.',
    eigenKracht: 'Licht werk lukt zelf.', netwerk: 'Dochter kan niet meer helpen.', mantelzorgOndersteuning: 'Respijtzorg besproken.',
    algemeneVoorzieningen: 'Geen passende algemene voorziening.', benodigdeOndersteuning: 'Hulp bij het huishouden.',
    pgbUitgelegd: true, bijdrageUitgelegd: true, conclusies: 'Maatwerkvoorziening is nodig.',
  });
  const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp, omschrijving: 'Hulp bij het huishouden' });
  const i = await ok(anna, 'indicatie.create', {
    aanvraagId: a.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN',
    aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01', einddatum: '2027-04-30',
    motivering: 'Het zware huishoudelijke werk lukt niet zelf en het netwerk kan het niet overnemen.',
  });
  const b = await ok(anna, 'beschikking.create', {
    aanvraagId: a.id, soort: 'toekenning', indicatieIds: [i.id], besluitTekst: 'U krijgt hulp bij het huishouden, 3 uur per week.',
    motivering: 'Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
  });
  return { meldingId: m.melding.id, aanvraagId: a.id, indicatieId: i.id, beschikkingId: b.id };
}

/** A Wmo case up to a vastgestelde toekenning (hulp bij het huishouden, 3 uur per week, ZIN). */
export async function vastgesteldeToekenning(desk: Desk, client: { bsn: string; voornamen: string; geslachtsnaam: string; voorvoegsel?: string }): Promise<CaseIds> {
  const anna = await desk.as('anna', '2026-04-13');
  const c = await ok(anna, 'client.create', {
    ...client, geboortedatum: '1941-05-12', geslacht: '2', straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
  });
  const ids = await conceptToekenning(anna, c.id);
  await ok(anna, 'beschikking.submit', { id: ids.beschikkingId });
  await ok(await desk.as('bram', '2026-04-20'), 'beschikking.approve', { id: ids.beschikkingId });
  return { clientId: c.id, ...ids };
}
