import { SEARCH_COUNT_CAP } from '../../../shared/schemas/client';
import { prepared, type RawDb } from '../database';

/**
 * SQLite only: client search. The FTS5 trigram index `clients_fts` (migration 0002, kept by its
 * triggers) and the folded `zoeknaam` (kept by `loket_fold`). Search is the team server's hottest
 * call: every statement is prepared once per connection (`prepared`). What to run for what was
 * typed is decided in main/services/clients.ts and fuzzy.ts.
 */

/** A clients row as search reads it: column names and SQLite's 0/1 booleans. */
export interface ClientSearchRow {
  id: number; bsn: string; voornamen: string; voorletters: string | null; voorvoegsel: string | null;
  geslachtsnaam: string; partner_voorvoegsel: string | null; partner_geslachtsnaam: string | null;
  naamgebruik: string; geboortedatum: string; straat: string | null; huisnummer: number | null;
  huisletter: string | null; huisnummer_toevoeging: string | null; postcode: string | null;
  woonplaats: string | null; wijk: string | null; geheimhouding: number; overleden: number;
}

/** Rows found and how many match in all, counted up to SEARCH_COUNT_CAP (capped: more match). */
export interface FoundClients { rows: ClientSearchRow[]; total: number; capped?: boolean }

/** A name word and the client it belongs to, before the rows are read. */
export interface NameCandidate { id: number; zoeknaam: string }

/** One condition on clients, each with the order its results are shown in. */
export type ClientCondition =
  | { by: 'bsn'; bsn: string }
  | { by: 'postcode'; postcode: string; huisnummer?: number }
  | { by: 'geboortedatum'; geboortedatum: string }
  /** The street as typed or its start ("Hovenl 37"); LIKE ignores case. */
  | { by: 'adres'; straatBegin: string; huisnummer: number; huisletter?: string }
  /** Folded names starting with `zoeknaam`. */
  | { by: 'zoeknaamBegin'; zoeknaam: string };

function sql(c: ClientCondition): { where: string; order: string; params: unknown[] } {
  switch (c.by) {
    case 'bsn': return { where: 'bsn = ?', order: 'id', params: [c.bsn] };
    case 'postcode': return c.huisnummer !== undefined
      ? { where: 'postcode = ? AND huisnummer = ?', order: 'geslachtsnaam', params: [c.postcode, c.huisnummer] }
      : { where: 'postcode = ?', order: 'huisnummer, geslachtsnaam', params: [c.postcode] };
    case 'geboortedatum': return { where: 'geboortedatum = ?', order: 'zoeknaam', params: [c.geboortedatum] };
    case 'adres': {
      const straat = `${c.straatBegin.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return c.huisletter
        ? { where: `huisnummer = ? AND straat LIKE ? ESCAPE '\\' AND upper(huisletter) = ?`, order: 'straat, geslachtsnaam', params: [c.huisnummer, straat, c.huisletter] }
        : { where: `huisnummer = ? AND straat LIKE ? ESCAPE '\\'`, order: 'straat, huisletter, geslachtsnaam', params: [c.huisnummer, straat] };
    }
    case 'zoeknaamBegin': return { where: 'zoeknaam >= ? AND zoeknaam < ?', order: 'zoeknaam', params: zoeknaamRange(c.zoeknaam) };
  }
}

/** Names starting with q: a range on the index of zoeknaam, not a LIKE. */
const zoeknaamRange = (q: string) => [q, `${q}\uffff`];

/** A count that stops one past the cap: the scan ends there instead of at the last match. */
function countCapped(raw: RawDb, countSql: string, params: unknown[]): { total: number; capped: boolean } {
  const n = prepared(raw, `SELECT count(*) FROM (${countSql} LIMIT ${SEARCH_COUNT_CAP + 1})`).pluck().get(...params) as number;
  return n > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, capped: true } : { total: n, capped: false };
}

/** One condition on clients: the first `limit` rows in order, and how many match in all. */
export function clientsPage(raw: RawDb, condition: ClientCondition, limit: number): FoundClients {
  const { where, order, params } = sql(condition);
  const rows = prepared(raw, `SELECT * FROM clients WHERE ${where} ORDER BY ${order} LIMIT ?`).all(...params, limit) as ClientSearchRow[];
  if (rows.length < limit) return { rows, total: rows.length };
  return { rows, ...countCapped(raw, `SELECT 1 FROM clients WHERE ${where}`, params) };
}

/** The first `limit` clients whose folded name starts with q, without counting. */
export function clientsByZoeknaamBegin(raw: RawDb, q: string, limit: number): ClientSearchRow[] {
  return prepared(raw, 'SELECT * FROM clients WHERE zoeknaam >= ? AND zoeknaam < ? ORDER BY zoeknaam LIMIT ?')
    .all(...zoeknaamRange(q), limit) as ClientSearchRow[];
}

/** An FTS5 phrase: the word matched as it is, wherever it occurs (trigrams). */
const ftsPhrase = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** How many folded names contain q (3+ characters), up to the cap. */
export function countZoeknaamContaining(raw: RawDb, q: string): { total: number; capped: boolean } {
  return countCapped(raw, 'SELECT 1 FROM clients_fts WHERE clients_fts MATCH ?', [ftsPhrase(q)]);
}

/** The first `limit` clients whose folded name contains q (3+ characters), by name. */
export function clientsWithZoeknaamContaining(raw: RawDb, q: string, limit: number): ClientSearchRow[] {
  return prepared(raw, `SELECT c.* FROM clients_fts f JOIN clients c ON c.id = f.rowid
      WHERE clients_fts MATCH ? ORDER BY c.zoeknaam LIMIT ?`).all(ftsPhrase(q), limit) as ClientSearchRow[];
}

/** Every client whose folded name contains each of the words (3+ characters each). */
export function namesContainingAll(raw: RawDb, words: string[]): NameCandidate[] {
  return prepared(raw, `SELECT c.id, c.zoeknaam FROM clients_fts f JOIN clients c ON c.id = f.rowid WHERE clients_fts MATCH ?`)
    .all(words.map(ftsPhrase).join(' AND ')) as NameCandidate[];
}

/**
 * At most `limit` clients whose folded name contains, for every group, one of its alternatives
 * (those of 3+ characters; with none, the typed word itself).
 */
export function namesContainingOneOfEach(raw: RawDb, groups: { typed: string; alternatives: string[] }[], limit: number): NameCandidate[] {
  const match = groups.map((g) => `(${g.alternatives.filter((w) => w.length >= 3).map(ftsPhrase).join(' OR ') || `"${g.typed}"`})`);
  return prepared(raw, `SELECT c.id, c.zoeknaam FROM clients_fts f JOIN clients c ON c.id = f.rowid
      WHERE clients_fts MATCH ? LIMIT ?`).all(match.join(' AND '), limit) as NameCandidate[];
}

/** The clients by id, in the order given. */
export function clientsByIds(raw: RawDb, ids: number[]): ClientSearchRow[] {
  const byId = prepared(raw, 'SELECT * FROM clients WHERE id = ?');
  return ids.map((id) => byId.get(id) as ClientSearchRow);
}

/**
 * Changes when clients were added, removed or renamed (migration 0006 counts renames): the
 * vocabulary of name words is rebuilt only then.
 */
export function nameVocabularyVersion(raw: RawDb): string {
  return prepared(raw, `SELECT coalesce(max(id), 0) || '/' || count(*) || '/' || (SELECT n FROM client_name_changes WHERE id = 1) FROM clients`)
    .pluck().get() as string;
}

/** Every distinct folded name, one at a time. */
export function distinctZoeknamen(raw: RawDb): Iterable<string> {
  return raw.prepare('SELECT DISTINCT zoeknaam FROM clients').pluck().iterate() as Iterable<string>;
}

/** FTS5 keeps deleted terms in older segments until they merge: after a destruction, rebuild from the content table. */
export function rebuildClientSearch(raw: RawDb): void {
  raw.prepare(`INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')`).run();
}
