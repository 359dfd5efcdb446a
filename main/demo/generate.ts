/**
 * Demo data for Sociaal Loket: seeded, reproducible clients with a realistic case history,
 * bulk-loaded through prepared statements on `db.raw` inside large transactions.
 *
 * BSNs: only numbers from the iWmo/iJw test range 999900006–999999990 that pass the elfproef
 * (domain.md §3), shuffled by the seed. That range holds exactly 9,091 valid numbers. Benchmarks
 * need more clients: with `allowNonBsnIds` the clients beyond that capacity get 9-digit numbers
 * that FAIL the elfproef (9999xxxxx first, then downwards from 999899999): such a number is
 * never anyone's BSN, and the app's own input validation would refuse it.
 */
import { standaardHandeltIn } from '../../shared/schemas/client';
import { appendLog } from '../auditlog';
import { FILL as WERKVOORRAAD_STAND_FILL } from '../db/migrations/0020-werkvoorraad-stand';
import type { Db, RawDb } from '../db/database';
import { passesElfproef, TEST_BSN_MAX, TEST_BSN_MIN } from '../../shared/bsn';
import { PRODUCTCATEGORIEEN, PRODUCTCATEGORIEEN_JEUGD } from '../../shared/codelists';
import { addDays } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import { foldForSearch } from '../../shared/names';
import type { Role } from '../../shared/roles';
import { atwKlokRaw } from '../services/atw';
import {
  AANBIEDERS, ACHTERNAMEN, GRONDSLAG_JEUGD, GRONDSLAG_WMO, HULPVRAGEN_JEUGD, HULPVRAGEN_PW, HULPVRAGEN_WMO,
  POSTCODE_LETTERS, VERSLAG, VOORNAMEN_M, VOORNAMEN_V, WIJKEN, WOONPLAATS, type Wijk,
} from './data';
import { mulberry32, shuffle, type Rng } from './prng';

// ------------------------------------------------------------------------------------ BSNs

/** Every valid BSN in the test range, ascending (9,091 numbers). */
export function validTestBsns(): string[] {
  const out: string[] = [];
  for (let n = Number(TEST_BSN_MIN); n <= Number(TEST_BSN_MAX); n++) {
    const s = String(n);
    if (passesElfproef(s)) out.push(s);
  }
  return out;
}

export const TEST_BSN_CAPACITY = 9091;

/** n distinct identifiers in seed order: valid test BSNs, then (only if allowed) non-BSN numbers. */
export function bsnPool(rng: Rng, n: number, allowNonBsnIds: boolean): string[] {
  const valid = validTestBsns();
  if (n <= valid.length) return shuffle(rng, valid).slice(0, n);
  if (!allowNonBsnIds) {
    throw new LoketError('invoer',
      `De testreeks 999900006–999999990 bevat maar ${valid.length} geldige BSN's; ${n} cliënten kan niet met echte test-BSN's. ` +
      `Kies --clients ${valid.length} of minder, of (alleen voor benchmarks) --nep-bsn.`, 'clients');
  }
  const extra: string[] = [];
  for (let x = 999_900_000; x <= 999_999_999 && valid.length + extra.length < n; x++) {
    if (!passesElfproef(String(x))) extra.push(String(x));
  }
  for (let x = 999_899_999; valid.length + extra.length < n; x--) {
    if (!passesElfproef(String(x))) extra.push(String(x));
  }
  return shuffle(rng, [...valid, ...extra]);
}

// ------------------------------------------------------------------------------------ users

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  mandaat: string | null;
  /** Gets a key slot (can log in with the demo password). */
  login: boolean;
}

export const MANDAAT = 'Mandaatbesluit sociaal domein Voorbeeldstad 2025: Wmo 2015 en Jeugdwet';

export function demoUsers(clients: number, seed: number): DemoUser[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const nConsulenten = Math.min(40, Math.max(4, Math.round(clients / 2500)));
  const person = (i: number, v: boolean) => {
    const [vv, gn] = ACHTERNAMEN[(i * 7 + rng.int(0, ACHTERNAMEN.length - 1)) % ACHTERNAMEN.length]!;
    return `${rng.pick(v ? VOORNAMEN_V : VOORNAMEN_M)} ${vv ? `${vv} ` : ''}${gn}`;
  };
  const users: DemoUser[] = [];
  for (let i = 1; i <= nConsulenten; i++) {
    users.push({ username: `consulent${String(i).padStart(2, '0')}`, displayName: person(i, i % 2 === 0), roles: ['consulent'], mandaat: null, login: i <= 2 });
  }
  for (let i = 1; i <= 3; i++) {
    users.push({ username: `besluit${i}`, displayName: person(100 + i, i % 2 === 1), roles: ['consulent', 'besluitbevoegd'], mandaat: MANDAAT, login: true });
  }
  users.push({ username: 'admin1', displayName: person(200, true), roles: ['administratie'], mandaat: null, login: true });
  users.push({ username: 'admin2', displayName: person(201, false), roles: ['administratie'], mandaat: null, login: false });
  users.push({ username: 'auditor', displayName: person(300, true), roles: ['auditor'], mandaat: null, login: true });
  return users;
}

// ------------------------------------------------------------------------------------ options

export interface DemoOptions {
  clients: number;
  seed: number;
  /** Reference date (ISO): histories end here, overdue termijnen are overdue relative to it. */
  today: string;
  /** Beyond the 9,091 valid test BSNs: non-BSN numbers (benchmarks only). */
  allowNonBsnIds?: boolean;
  /**
   * 'rebuild' (default): zoeknaam computed in JS, the zoeknaam insert trigger set aside during the
   * load and the FTS index rebuilt in one statement. 'triggers': the schema's triggers do it per row.
   */
  zoeknaamMode?: 'rebuild' | 'triggers';
  /** Clients per transaction (and per access-log entry). */
  batchClients?: number;
  /** For the access log. */
  actor: string;
  origin: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoStats {
  counts: Record<string, number>;
  records: number;
  ms: number;
  /** First user id of the demo users, in demoUsers() order. */
  userIds: Record<string, number>;
}

const TABLES = ['users', 'households', 'clients', 'representatives', 'meldingen', 'onderzoeken', 'aanvragen',
  'indicaties', 'beschikkingen', 'beschikking_indicaties', 'termijnen'] as const;

// ------------------------------------------------------------------------------------ helpers

const WMO_CATEGORIEEN: readonly (readonly [string, number])[] = [
  ['01', 34], ['02', 18], ['03', 7], ['04', 2], ['06', 3], ['07', 10], ['08', 8], ['11', 4], ['12', 4], ['13', 6], ['14', 3], ['15', 1],
];
const JEUGD_CATEGORIEEN: readonly (readonly [string, number])[] = [
  ['45', 35], ['54', 15], ['41', 8], ['43', 5], ['44', 3], ['40', 4], ['42', 5], ['50', 8], ['51', 7], ['52', 6], ['46', 2], ['48', 2],
];
for (const [c] of WMO_CATEGORIEEN) if (!PRODUCTCATEGORIEEN.some((x) => x.code === c)) throw new Error(`WMO020 mist ${c}`);
for (const [c] of JEUGD_CATEGORIEEN) if (!PRODUCTCATEGORIEEN_JEUGD.some((x) => x.code === c)) throw new Error(`JZ020 mist ${c}`);
const HULPMIDDEL = new Set(['11', '12', '13', '14']);
const CATEGORIE_NAAM: Record<string, string> = {
  '01': 'hulp bij het huishouden', '02': 'begeleiding', '03': 'persoonlijke verzorging', '04': 'kortdurend verblijf',
  '06': 'ondersteuning thuis', '07': 'dagbesteding', '08': 'vervoer', '11': 'een rolstoel', '12': 'een vervoervoorziening',
  '13': 'een woonvoorziening', '14': 'een hulpmiddel', '15': 'beschermd wonen',
};

const ts = (date: string, hour = 9): string => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const maxDate = (a: string, b: string) => (a > b ? a : b);

interface Person {
  geslacht: '1' | '2' | '0';
  voornamen: string;
  voorvoegsel: string | null;
  geslachtsnaam: string;
  age: number;
}

function voornamen(rng: Rng, v: boolean, age: number): string {
  const list = v ? VOORNAMEN_V : VOORNAMEN_M;
  const n = age >= 60 ? rng.weighted([[1, 30], [2, 45], [3, 25]]) : rng.weighted([[1, 60], [2, 35], [3, 5]]);
  const names: string[] = [];
  while (names.length < n) {
    const x = rng.pick(list);
    if (!names.includes(x)) names.push(x);
  }
  return names.join(' ');
}

function achternaam(rng: Rng): [string | null, string] {
  const [vv, gn] = rng.weighted(ACHTERNAMEN.map(([a, b, w]) => [[a, b] as const, w] as const));
  return [vv || null, gn];
}

function person(rng: Rng, v: boolean, age: number, surname?: [string | null, string]): Person {
  const [voorvoegsel, geslachtsnaam] = surname ?? achternaam(rng);
  return { geslacht: rng.chance(0.003) ? '0' : v ? '2' : '1', voornamen: voornamen(rng, v, age), voorvoegsel, geslachtsnaam, age };
}

function adultAge(rng: Rng): number {
  return rng.weighted([[() => rng.int(18, 44), 15], [() => rng.int(45, 64), 22], [() => rng.int(65, 79), 35], [() => rng.int(80, 99), 28]])();
}

// ------------------------------------------------------------------------------------ the import

/**
 * Generates the demo data into an open database (normally fresh from initVault) and returns the
 * counts. Refuses a database that already holds clients. The demo users are inserted here;
 * their key slots are written by the caller (createDemoDatabase), which knows the password.
 */
export function importDemo(db: Db, o: DemoOptions): DemoStats {
  const t0 = performance.now();
  const raw = db.raw;
  const klok = atwKlokRaw(raw);
  const existing = (raw.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  if (existing > 0) {
    throw new LoketError('conflict', `Deze database bevat al ${existing} cliënten. Demogegevens gaan alleen in een lege database: kies een nieuw bestand.`);
  }
  const rng = mulberry32(o.seed);
  const bsns = bsnPool(mulberry32(o.seed ^ 0xb5b), o.clients, o.allowNonBsnIds ?? false);
  const mode = o.zoeknaamMode ?? 'rebuild';
  const batchClients = o.batchClients ?? 10_000;
  const today = o.today;

  // Foreign keys are checked once at the end (foreign_key_check), not per row; the ids are ours.
  raw.pragma('foreign_keys = OFF');
  const oldCache = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma('cache_size = -131072'); // 128 MiB while loading: index pages stay in memory

  const maxId = (t: string) => (raw.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${t}`).get() as { n: number }).n;
  let userId = maxId('users');
  let householdId = maxId('households');
  let clientId = 0;
  let repId = maxId('representatives');
  let meldingId = maxId('meldingen');
  let onderzoekId = maxId('onderzoeken');
  let aanvraagId = maxId('aanvragen');
  let indicatieId = maxId('indicaties');
  let beschikkingId = maxId('beschikkingen');
  let termijnId = maxId('termijnen');
  let toewijzingNr = 0;
  const kenmerkSeq = new Map<string, number>();
  for (const r of raw.prepare(`SELECT substr(kenmerk, 5, 4) AS y, count(*) AS n FROM beschikkingen GROUP BY y`).all() as { y: string; n: number }[]) kenmerkSeq.set(r.y, r.n);

  const ins = {
    user: raw.prepare(`INSERT INTO users (id, username, display_name, roles, mandaat, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)`),
    household: raw.prepare(`INSERT INTO households (id, naam, regisseur_id, plan_doelen, plan_afspraken, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, ?)`),
    client: raw.prepare(`INSERT INTO clients (id, bsn, voornamen, voorletters, voorvoegsel, geslachtsnaam, partner_voorvoegsel, partner_geslachtsnaam,
      naamgebruik, geslacht, geboortedatum, straat, huisnummer, huisletter, huisnummer_toevoeging, postcode, woonplaats, telefoon, email, wijk,
      geheimhouding, overleden, niet_ingezetene, household_id, created_at, updated_at, zoeknaam)
      VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 0, ?, ?, ?, ?)`),
    rep: raw.prepare(`INSERT INTO representatives (id, client_id, soort, naam, adresregels, telefoon, email, ontvangt_post, handelt_in) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)`),
    melding: raw.prepare(`INSERT INTO meldingen (id, client_id, consulent_id, datum, kanaal, wet, hulpvraag, toestemming, clientondersteuning_aangeboden,
      persoonlijk_plan_ontvangen_op, mantelzorger, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, NULL, ?, ?, ?)`),
    onderzoek: raw.prepare(`INSERT INTO onderzoeken (id, melding_id, datum, aanwezigen, behoeften, eigen_kracht, netwerk, mantelzorg_ondersteuning,
      algemene_voorzieningen, benodigde_ondersteuning, pgb_uitgelegd, bijdrage_uitgelegd, conclusies, verslag_verzonden_op, opmerkingen_client, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, NULL, ?)`),
    aanvraag: raw.prepare(`INSERT INTO aanvragen (id, melding_id, ontvangen_op, omschrijving) VALUES (?, ?, ?, ?)`),
    indicatie: raw.prepare(`INSERT INTO indicaties (id, aanvraag_id, wet, productcategorie, productcode, volume, eenheid, frequentie, budget_cents,
      leveringsvorm, aanbieder_agb, aanbieder_naam, ingangsdatum, einddatum, motivering, toewijzing_nummer, created_at, pgb_zorgverlener, pgb_tarief_cents)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    beschikking: raw.prepare(`INSERT INTO beschikkingen (id, aanvraag_id, kenmerk, soort, besluit_tekst, motivering, wettelijke_grondslag, status,
      auteur_id, accordeur_id, ter_accordering_op, vastgesteld_op, verzonden_op, vervangt_id, per_datum, created_at, updated_at,
      vastgesteld_moment, reden_einde, niet_toegekend)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    link: raw.prepare(`INSERT INTO beschikking_indicaties (beschikking_id, indicatie_id) VALUES (?, ?)`),
    termijn: raw.prepare(`INSERT INTO termijnen (id, melding_id, soort, wet, startdatum, verlengingen, opschortingen, uiterlijk, afgerond_op, behaald)
      VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`),
  };
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));

  // Users
  const users = demoUsers(o.clients, o.seed);
  const userIds: Record<string, number> = {};
  const takenNames = new Set((raw.prepare('SELECT username FROM users').all() as { username: string }[]).map((u) => u.username));
  raw.transaction(() => {
    for (const u of users) {
      if (takenNames.has(u.username)) throw new LoketError('conflict', `Gebruiker ${u.username} bestaat al in deze database.`);
      userIds[u.username] = ++userId;
      ins.user.run(userId, u.username, u.displayName, JSON.stringify(u.roles), u.mandaat, ts(today, 8));
      counts.users!++;
    }
  })();
  // The beheerder's pick lists: the demo's wijken and contracted aanbieders (a second demo run adds nothing twice).
  raw.transaction(() => {
    for (const w of WIJKEN) raw.prepare('INSERT OR IGNORE INTO wijken (naam) VALUES (?)').run(w.naam);
    for (const [agb, naam] of AANBIEDERS) raw.prepare('INSERT OR IGNORE INTO aanbieders (agb_code, naam) VALUES (?, ?)').run(agb, naam);
  })();
  const consulenten = users.filter((u) => u.roles[0] === 'consulent' && !u.roles.includes('besluitbevoegd')).map((u) => userIds[u.username]!);
  const besluitbevoegden = users.filter((u) => u.roles.includes('besluitbevoegd')).map((u) => userIds[u.username]!);
  // Each wijk has its own consulenten (round-robin).
  const wijkConsulenten = WIJKEN.map((_, wi) => consulenten.filter((_, ci) => ci % WIJKEN.length === wi || consulenten.length < WIJKEN.length));

  // zoeknaam/FTS: set the per-row trigger aside and rebuild once (measured faster; see bench).
  const insertTrigger = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'clients_zoeknaam_insert'`).get() as { sql: string } | undefined;
  if (mode === 'rebuild' && insertTrigger) raw.exec('DROP TRIGGER clients_zoeknaam_insert');
  // The werkvoorraad's standing (migration 0020): derived once after the load instead of by a
  // trigger on every inserted row (which more than doubled the import at 100,000 clients).
  const standTriggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'werkvoorraad\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[];
  for (const t of standTriggers) raw.exec(`DROP TRIGGER ${t.name}`);

  type Hist = { toegekend: { beschikkingId: number; date: string; cats: string[]; indicaties: { id: number; ingang: string; einde: string | null }[] }[] };

  const addMelding = (cid: number, p: Person & { geboortedatum: string; overleden: boolean; wijk: number; pgb: boolean }, hist: Hist, regisseur: number | null) => {
    const mid = ++meldingId;
    const wet = p.age < 18 ? 'jeugdwet' : rng.chance(0.06) ? 'participatiewet' : 'wmo';
    // Three years of history, with a recent surge so the werkvoorraad holds open cases.
    let d0 = addDays(today, -(rng.chance(0.15) ? rng.int(0, 100) : rng.int(0, 3 * 365)));
    d0 = maxDate(d0, addDays(p.geboortedatum, 60));
    const stall = rng.chance(0.12);
    const slow = (days: number) => (stall ? Math.round(days * 3) : days);
    const consulent = regisseur ?? rng.pick(wijkConsulenten[p.wijk]!);
    const hulpvraag = rng.pick(wet === 'jeugdwet' ? HULPVRAGEN_JEUGD : wet === 'wmo' ? HULPVRAGEN_WMO : HULPVRAGEN_PW);
    const kanaal = rng.weighted([['telefoon', 40], ['balie', 15], ['email', 12], ['digitaal', 15], ['verwijzer', 10], ['brief', 4], ['huisbezoek', 4]] as const);
    const mantelzorger = p.age >= 65 && rng.chance(0.4) ? `${rng.pick(['dochter', 'zoon', 'partner', 'buurvrouw', 'schoonzoon'])} ${rng.pick(VOORNAMEN_V)}` : null;

    // Onderzoek termijn (starts at the melding).
    const verlengd = rng.chance(0.04);
    // The onderzoek term is no Awb beslistermijn (Wmo, verordening jeugdhulp): extended with the client's consent.
    const grond = wet === 'participatiewet' ? {} : { grond: 'instemming_client' as const, grondTekst: 'mondeling, bij het verzetten van het gesprek' };
    const tOnd = { startdatum: d0, wet, soort: 'onderzoek' as const, verlengingen: verlengd ? [{ dagen: 14, reden: 'Het gesprek kon door ziekte van de cliënt later plaatsvinden.', op: addDays(d0, 20), ...grond }] : [], opschortingen: [] };
    const uiterlijkOnd = klok.termijn(tOnd).uiterlijk;
    const ondDatum = addDays(d0, slow(rng.int(5, 34)));
    const ondDone = ondDatum <= today;
    let status: 'open' | 'afgesloten' = 'open';

    // The onderzoek term is met when the written verslag is sent, not on the day of the gesprek.
    const verzonden = ondDone ? addDays(ondDatum, rng.int(1, 6)) : null;
    const verslagWeg = verzonden !== null && verzonden <= today;
    const termijnOnd = ++termijnId;
    ins.termijn.run(termijnOnd, mid, 'onderzoek', wet, d0, JSON.stringify(tOnd.verlengingen), uiterlijkOnd,
      verslagWeg ? verzonden : null, verslagWeg ? (uiterlijkOnd !== null && verzonden <= uiterlijkOnd ? 1 : 0) : null);
    counts.termijnen!++;

    const geenMaatwerk = rng.chance(0.08);
    if (ondDone && verzonden) {
      ins.onderzoek.run(++onderzoekId, mid, ondDatum, rng.pick(['cliënt, consulent', 'cliënt, dochter, consulent', 'ouders, consulent', 'cliënt, partner, consulent']),
        rng.pick(VERSLAG.behoeften), rng.pick(VERSLAG.eigenKracht), rng.pick(VERSLAG.netwerk), rng.pick(VERSLAG.mantelzorg), rng.pick(VERSLAG.algemeen),
        rng.pick(VERSLAG.benodigd), wet === 'wmo' ? 1 : 0, geenMaatwerk ? VERSLAG.conclusie[2]! : rng.pick(VERSLAG.conclusie.slice(0, 2)),
        verzonden <= today ? verzonden : null, ts(ondDatum, 15));
      counts.onderzoeken!++;
    }
    const aanvraagDatum = addDays(ondDatum, rng.int(0, 9));
    const doAanvraag = ondDone && wet !== 'participatiewet' && !geenMaatwerk && aanvraagDatum <= today;
    if (ondDone && !doAanvraag && addDays(ondDatum, 21) <= today) status = 'afgesloten';

    if (doAanvraag) {
      const aid = ++aanvraagId;
      // Only a decision whose voorzieningen still run can be changed or ended (60 days covers the
      // time from aanvraag to the new decision's start).
      const running = hist.toegekend.filter((h) => h.indicaties.some((i) => i.einde === null || i.einde > addDays(aanvraagDatum, 60)));
      const prior = running.length > 0 && rng.chance(0.25) ? running[running.length - 1]! : null;
      const soort = prior
        ? rng.weighted([['wijziging', 70], ['beeindiging', 30]] as const)
        : rng.weighted([['toekenning', 80], ['gedeeltelijke_toekenning', 6], ['afwijzing', 9], ['buiten_behandeling', 5]] as const);
      ins.aanvraag.run(aid, mid, aanvraagDatum, soort === 'beeindiging' ? 'Verzoek om beëindiging van de voorziening' : `Aanvraag ${wet === 'wmo' ? 'maatwerkvoorziening Wmo' : 'jeugdhulp'}`);
      counts.aanvragen!++;
      const uiterlijkBes = klok.termijn({ startdatum: aanvraagDatum, wet, soort: 'beschikking', verlengingen: [], opschortingen: [] }).uiterlijk;
      const concept = addDays(aanvraagDatum, slow(rng.int(1, 6)));
      const ta = addDays(concept, rng.int(0, 3));
      const vs = addDays(ta, slow(rng.int(1, 6)));
      const vz = addDays(vs, rng.int(0, 2));
      const bStatus = concept > today ? null : vz <= today ? 'verzonden' : vs <= today ? 'vastgesteld' : ta <= today ? 'ter_accordering' : 'concept';
      const fixed = bStatus === 'vastgesteld' || bStatus === 'verzonden';
      const termijnBes = ++termijnId;
      // The beschikking term is met at bekendmaking (sending), not at vaststelling.
      const bekend = bStatus === 'verzonden';
      ins.termijn.run(termijnBes, mid, 'beschikking', wet, aanvraagDatum, '[]', uiterlijkBes, bekend ? vz : null,
        bekend ? (uiterlijkBes !== null && vz <= uiterlijkBes ? 1 : 0) : null);
      counts.termijnen!++;

      if (bStatus) {
        const bid = ++beschikkingId;
        const needsIndicaties = soort === 'toekenning' || soort === 'gedeeltelijke_toekenning' || soort === 'wijziging';
        const cats: string[] = [];
        const ingang = addDays(vs, rng.int(1, 10));
        const granted: { id: number; ingang: string; einde: string | null }[] = [];
        // A beëindiging names the voorzieningen it ends, as the service requires: the earlier
        // decision's indicaties, stopped on one date within their term (for the letter and iWmo).
        let perDatum: string | null = null;
        if (soort === 'beeindiging' && prior) {
          for (const i of prior.indicaties) {
            ins.link.run(bid, i.id);
            counts.beschikking_indicaties!++;
          }
          const start = prior.indicaties.reduce((a, i) => (i.ingang > a ? i.ingang : a), ingang);
          const end = prior.indicaties.reduce<string | null>((a, i) => (i.einde !== null && (a === null || i.einde < a) ? i.einde : a), null);
          perDatum = end !== null && end < start ? end : start;
        }
        if (needsIndicaties) {
          const n = rng.weighted([[1, 75], [2, 22], [3, 3]]);
          const pool = wet === 'wmo' ? WMO_CATEGORIEEN : JEUGD_CATEGORIEEN;
          while (cats.length < n) {
            const c = rng.weighted(pool);
            if (!cats.includes(c)) cats.push(c);
          }
          // Links first: the insert trigger on beschikking_indicaties looks up a beschikking that
          // does not exist yet (foreign keys are checked at the end), so a vastgestelde one can be loaded.
          for (const cat of cats) {
            const iid = ++indicatieId;
            const hulpmiddel = HULPMIDDEL.has(cat);
            const pgb = !hulpmiddel && p.pgb;
            const jaren = wet === 'jeugdwet' ? 1 : rng.weighted([[1, 50], [2, 35], [5, 15]]);
            const einde = hulpmiddel ? null : addDays(addDays(ingang, jaren * 365), -1);
            const [agb, aanbieder] = hulpmiddel ? AANBIEDERS[5]! : cat === '08' ? AANBIEDERS[6]! : wet === 'jeugdwet' ? AANBIEDERS[4]! : rng.pick(AANBIEDERS.slice(0, 4));
            const omvang: [number | null, string | null, string | null] = pgb ? [null, null, null]
              : hulpmiddel ? [1, '82', '6']
              : cat === '01' ? [rng.int(2, 6), '04', '2']
              : cat === '07' ? [rng.int(2, 6), '16', '2']
              : cat === '08' ? [rng.int(20, 80), '82', '4']
              : [rng.int(1, 5), '04', '2'];
            ins.indicatie.run(iid, aid, wet, cat, omvang[0], omvang[1], omvang[2], pgb ? rng.int(15, 120) * 10_000 : null,
              pgb ? 'PGB' : 'ZIN', pgb ? null : agb, pgb ? null : aanbieder, ingang, einde,
              `Uit het onderzoek van ${ondDatum} blijkt dat ${CATEGORIE_NAAM[cat] ?? 'deze ondersteuning'} nodig is.`,
              !pgb && bStatus === 'verzonden' ? ++toewijzingNr : null, ts(concept, 11), pgb ? 'formeel' : null, pgb ? 3_000 : null);
            counts.indicaties!++;
            ins.link.run(bid, iid);
            counts.beschikking_indicaties!++;
            granted.push({ id: iid, ingang, einde });
          }
        }
        const year = concept.slice(0, 4);
        const seq = (kenmerkSeq.get(year) ?? 0) + 1;
        kenmerkSeq.set(year, seq);
        const accordeur = fixed ? rng.pick(besluitbevoegden.filter((b) => b !== consulent)) : null;
        const label = cats.map((c) => CATEGORIE_NAAM[c] ?? `categorie ${c}`).join(' en ');
        const besluit = soort === 'afwijzing' ? 'Wij wijzen uw aanvraag af.'
          : soort === 'buiten_behandeling' ? 'Wij nemen uw aanvraag niet in behandeling, omdat de gevraagde gegevens niet zijn aangevuld.'
          : soort === 'beeindiging' ? 'Wij beëindigen de voorziening uit ons eerdere besluit.'
          : soort === 'wijziging' ? `Wij wijzigen uw voorziening: u krijgt ${label}.`
          : `Wij kennen u ${label} toe${soort === 'gedeeltelijke_toekenning' ? ', maar minder dan u vroeg' : ''}.`;
        ins.beschikking.run(bid, aid, `BES-${year}-${String(seq).padStart(6, '0')}`, soort, besluit,
          soort === 'afwijzing' ? 'U kunt met algemene voorzieningen en hulp uit uw netwerk zelf voldoende zelfredzaam blijven.'
            : 'Uit het onderzoek blijkt dat u deze ondersteuning nodig heeft om zelfstandig te blijven wonen en mee te doen.',
          JSON.stringify(wet === 'wmo' ? GRONDSLAG_WMO : GRONDSLAG_JEUGD), bStatus, consulent, accordeur,
          bStatus === 'concept' ? null : ta, fixed ? vs : null, bStatus === 'verzonden' ? vz : null,
          prior ? prior.beschikkingId : null, perDatum, ts(concept, 10), ts(bStatus === 'verzonden' ? vz : bStatus === 'vastgesteld' ? vs : bStatus === 'ter_accordering' ? ta : concept, 14),
          fixed ? ts(vs, 13) : null,
          soort === 'beeindiging' ? (p.overleden ? 'overleden' : rng.weighted([['herbeoordeling', 60], ['ander_domein', 25], ['verhuizing', 15]] as const)) : null,
          JSON.stringify(soort === 'gedeeltelijke_toekenning' ? [{ wat: 'Een deel van de gevraagde uren', waarom: 'Uw netwerk kan een deel van deze hulp geven (gebruikelijke hulp en mantelzorg).' }] : []));
        counts.beschikkingen!++;
        if (bStatus === 'verzonden') {
          status = 'afgesloten';
          if (soort === 'toekenning' || soort === 'gedeeltelijke_toekenning' || soort === 'wijziging') hist.toegekend.push({ beschikkingId: bid, date: vs, cats, indicaties: granted });
          // What has ended or been replaced cannot be ended or changed again.
          if ((soort === 'beeindiging' || soort === 'wijziging') && prior) hist.toegekend.splice(hist.toegekend.indexOf(prior), 1);
        }
      }
    }
    if (p.overleden) status = 'afgesloten';
    ins.melding.run(mid, cid, consulent, d0, kanaal, wet, hulpvraag, rng.chance(0.85) ? 1 : 0, mantelzorger, status, ts(d0, 9));
    counts.meldingen!++;
  };

  const addClient = (p: Person, adres: { wijk: number; straat: string; huisnummer: number; huisletter: string | null; toevoeging: string | null; postcode: string },
    partner: [string | null, string] | null, naamgebruik: 'E' | 'P' | 'V' | 'N', hh: number | null, regisseur: number | null) => {
    const cid = ++clientId;
    const bsn = bsns[cid - 1]!;
    const geboortedatum = addDays(today, -(p.age * 365 + Math.floor(p.age / 4) + rng.int(0, 364)));
    const overleden = p.age >= 80 && rng.chance(0.03);
    const geheim = rng.chance(0.01);
    const pgb = rng.chance(p.age < 18 ? 0.1 : 0.15);
    const zoeknaam = mode === 'rebuild'
      ? foldForSearch([p.geslachtsnaam, p.voorvoegsel, partner?.[1], partner?.[0], p.voornamen].filter((x): x is string => typeof x === 'string' && x.length > 0).join(' '))
      : '';
    const email = p.age >= 18 && p.age < 80 && rng.chance(0.3) ? `${foldForSearch(p.voornamen.split(' ')[0]!).replace(/\s/g, '')}.${cid}@voorbeeld.example` : null;
    ins.client.run(cid, bsn, p.voornamen, p.voorvoegsel, p.geslachtsnaam, partner?.[0] ?? null, partner?.[1] ?? null, naamgebruik, p.geslacht,
      geboortedatum, adres.straat, adres.huisnummer, adres.huisletter, adres.toevoeging, adres.postcode, WOONPLAATS, email, WIJKEN[adres.wijk]!.naam,
      geheim ? 1 : 0, overleden ? 1 : 0, hh, ts(addDays(today, -rng.int(0, 5 * 365)), 8), ts(today, 8), zoeknaam);
    counts.clients!++;
    if (p.age >= 70 && rng.chance(0.05)) {
      const soort = rng.weighted([['bewindvoerder', 50], ['mentor', 25], ['curator', 10], ['gemachtigde', 15]] as const);
      ins.rep.run(++repId, cid, soort, soort === 'bewindvoerder' ? 'Bewindvoering Het Anker B.V.' : soort === 'mentor' ? 'Mentorschap Oost' : `${rng.pick(VOORNAMEN_V)} ${p.geslachtsnaam}`,
        JSON.stringify(['Postbus 1234', '7400 AB  Voorbeeldstad']), soort === 'bewindvoerder' ? 1 : 0, JSON.stringify(standaardHandeltIn(soort)));
      counts.representatives!++;
    }
    const nMeldingen = p.age < 18 ? rng.weighted([[0, 20], [1, 55], [2, 20], [3, 5]]) : rng.weighted([[0, 12], [1, 45], [2, 28], [3, 15]]);
    const hist: Hist = { toegekend: [] };
    const full = { ...p, geboortedatum, overleden, wijk: adres.wijk, pgb };
    for (let i = 0; i < nMeldingen; i++) addMelding(cid, full, hist, regisseur);
  };

  const batchStart = () => clientId;
  const logBatch = (from: number, to: number) => {
    appendLog(raw, {
      actor: o.actor, role: 'beheerder', action: 'aanmaken', objectType: 'demogegevens', result: 'gelukt', origin: o.origin,
      detail: `demogegevens geladen: cliënten ${from}–${to} (seed ${o.seed})`,
    });
  };

  const generateBatch = (until: number) => {
    const from = batchStart() + 1;
    while (clientId < until) {
      const remaining = until - clientId;
      const size = Math.min(remaining, rng.weighted([[1, 68], [2, 22], [3, 6], [4, 4]]));
      const wi = rng.int(0, WIJKEN.length - 1);
      const wijk: Wijk = WIJKEN[wi]!;
      const straatIdx = rng.int(0, wijk.straten.length - 1);
      const huisnummer = rng.int(1, 180);
      // Postcode follows the street and the even/odd side, like real ones: stable per address block.
      const digits = wijk.postcodes[(straatIdx + (huisnummer > 90 ? 1 : 0)) % wijk.postcodes.length]!;
      const letters = POSTCODE_LETTERS[(straatIdx * 37 + Math.floor(huisnummer / 12) * 2 + (huisnummer % 2)) % POSTCODE_LETTERS.length]!;
      const adres = {
        wijk: wi, straat: wijk.straten[straatIdx]!, huisnummer, huisletter: rng.chance(0.05) ? rng.pick(['A', 'B', 'C']) : null,
        toevoeging: rng.chance(0.04) ? rng.pick(['1', '2', 'bis', 'II']) : null, postcode: `${digits} ${letters}`,
      };
      if (size === 1) {
        const age = adultAge(rng);
        const v = rng.chance(0.58);
        const p = person(rng, v, age);
        // Widowed or married with the partner not a client: the partner's name is on record.
        const gehuwd = age >= 30 && rng.chance(v ? 0.45 : 0.3);
        const partner = gehuwd ? achternaam(rng) : null;
        const naamgebruik = partner && v ? rng.weighted([['E', 45], ['V', 30], ['P', 15], ['N', 10]] as const) : partner ? rng.weighted([['E', 92], ['N', 8]] as const) : 'E';
        addClient(p, adres, partner, naamgebruik, null, null);
        continue;
      }
      const hh = ++householdId;
      const regisseur = rng.chance(0.6) ? rng.pick(wijkConsulenten[wi]!) : null;
      const eenOuder = size >= 2 && rng.chance(size === 2 ? 0.25 : 0.3);
      const ageA = eenOuder ? rng.int(25, 50) : size >= 3 ? rng.int(30, 52) : adultAge(rng);
      const a = person(rng, eenOuder ? rng.chance(0.8) : false, ageA);
      const surnameA: [string | null, string] = [a.voorvoegsel, a.geslachtsnaam];
      ins.household.run(hh, `Huishouden ${a.voorvoegsel ? `${a.voorvoegsel[0]!.toUpperCase()}${a.voorvoegsel.slice(1)} ` : ''}${a.geslachtsnaam}`, regisseur, '[]', ts(today, 8), ts(today, 8));
      counts.households!++;
      let members = 1;
      if (!eenOuder) {
        const b = person(rng, true, Math.max(18, ageA + rng.int(-6, 4)));
        addClient(a, adres, [b.voorvoegsel, b.geslachtsnaam], rng.weighted([['E', 90], ['N', 10]] as const), hh, regisseur);
        addClient(b, adres, surnameA, rng.weighted([['E', 40], ['V', 30], ['P', 20], ['N', 10]] as const), hh, regisseur);
        members = 2;
      } else {
        addClient(a, adres, null, 'E', hh, regisseur);
      }
      while (members < size) {
        const child = person(rng, rng.chance(0.5), rng.int(0, Math.min(17, ageA - 18)), surnameA);
        addClient(child, adres, null, 'E', hh, regisseur);
        members++;
      }
    }
    logBatch(from, clientId);
  };

  try {
    while (clientId < o.clients) {
      const until = Math.min(o.clients, clientId + batchClients);
      raw.transaction(() => generateBatch(until))();
      o.onProgress?.(clientId, o.clients);
    }
  } finally {
    if (mode === 'rebuild' && insertTrigger) {
      raw.transaction(() => {
        raw.exec(`INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')`);
        raw.exec(insertTrigger.sql);
      })();
    }
    if (standTriggers.length > 0) {
      raw.transaction(() => {
        raw.exec(`DELETE FROM werkvoorraad_stand; ${WERKVOORRAAD_STAND_FILL}`);
        for (const t of standTriggers) raw.exec(t.sql);
      })();
    }
    raw.pragma(`cache_size = ${oldCache}`);
    raw.pragma('foreign_keys = ON');
  }
  const problems = raw.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`demo import: ${problems.length} broken references`);
  // Planner statistics for the freshly loaded tables.
  raw.exec('ANALYZE');
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, records, ms: performance.now() - t0, userIds };
}

/** Folds the way the zoeknaam trigger does (for checks). */
export function zoeknaamOf(c: { geslachtsnaam: string; voorvoegsel: string | null; partner_geslachtsnaam: string | null; partner_voorvoegsel: string | null; voornamen: string }): string {
  return foldForSearch([c.geslachtsnaam, c.voorvoegsel, c.partner_geslachtsnaam, c.partner_voorvoegsel, c.voornamen]
    .filter((x): x is string => typeof x === 'string' && x.length > 0).join(' '));
}

export type { RawDb };
