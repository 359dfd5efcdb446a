import type { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { Aanbieder, AanbiederInputSchema, Wijk, WijkInputSchema } from '../../shared/ipc/keuzelijst-channels';
import { logAccess, type TxContext } from './context';

/**
 * The beheerder's pick lists of wijken and aanbieders (migration 0015), and the two checks the
 * client and indicatie operations make against them: a wijk or aanbieder is one from the list,
 * never a new one made up by a typo.
 */

type WijkRow = { id: number; naam: string; actief: number; clienten: number };
type AanbiederRow = { id: number; agb_code: string; naam: string; actief: number };

const wijk = (r: WijkRow): Wijk => ({ id: r.id, naam: r.naam, actief: r.actief === 1, clienten: r.clienten });
const aanbieder = (r: AanbiederRow): Aanbieder => ({ id: r.id, agbCode: r.agb_code, naam: r.naam, actief: r.actief === 1 });

const WIJK_SELECT = `SELECT w.id, w.naam, w.actief, (SELECT count(*) FROM clients c WHERE c.wijk = w.naam) AS clienten FROM wijken w`;

export function wijken(tx: Pick<TxContext, 'raw'>): { wijken: Wijk[] } {
  return { wijken: (tx.raw.prepare(`${WIJK_SELECT} ORDER BY w.naam`).all() as WijkRow[]).map(wijk) };
}

export function aanbieders(tx: Pick<TxContext, 'raw'>): { aanbieders: Aanbieder[] } {
  return { aanbieders: (tx.raw.prepare('SELECT * FROM aanbieders ORDER BY naam, agb_code').all() as AanbiederRow[]).map(aanbieder) };
}

export function wijkOpslaan(tx: TxContext, input: z.output<typeof WijkInputSchema>): Wijk {
  const same = tx.raw.prepare('SELECT id, naam FROM wijken WHERE naam = ? COLLATE NOCASE').get(input.naam) as { id: number; naam: string } | undefined;
  if (same && same.id !== input.id) {
    throw new LoketError('conflict', `Wijk ${same.naam} staat al in de lijst. Kies een andere naam, of zet de bestaande wijk weer aan.`, 'naam');
  }
  let id = input.id;
  if (id === undefined) {
    id = Number(tx.raw.prepare('INSERT INTO wijken (naam, actief) VALUES (?, ?)').run(input.naam, input.actief ? 1 : 0).lastInsertRowid);
    logAccess(tx, { action: 'beheer', objectType: 'wijk', objectId: id, detail: `wijk ${input.naam} toegevoegd` });
  } else {
    const old = tx.raw.prepare('SELECT naam FROM wijken WHERE id = ?').get(id) as { naam: string } | undefined;
    if (!old) throw new LoketError('niet_gevonden', `Wijk ${id} bestaat niet (meer). Laad de lijst opnieuw.`, 'id');
    tx.raw.prepare('UPDATE wijken SET naam = ?, actief = ? WHERE id = ?').run(input.naam, input.actief ? 1 : 0, id);
    // Clients keep the wijk's name: a rename carries over to them, in this same transaction.
    if (old.naam !== input.naam) tx.raw.prepare('UPDATE clients SET wijk = ? WHERE wijk = ?').run(input.naam, old.naam);
    logAccess(tx, {
      action: 'beheer', objectType: 'wijk', objectId: id,
      detail: `wijk ${old.naam}${old.naam !== input.naam ? ` heet nu ${input.naam}` : ''}${input.actief ? '' : ' (niet meer te kiezen)'}`,
    });
  }
  return wijk(tx.raw.prepare(`${WIJK_SELECT} WHERE w.id = ?`).get(id) as WijkRow);
}

export function aanbiederOpslaan(tx: TxContext, input: z.output<typeof AanbiederInputSchema>): Aanbieder {
  const same = tx.raw.prepare('SELECT id, naam FROM aanbieders WHERE agb_code = ?').get(input.agbCode) as { id: number; naam: string } | undefined;
  if (same && same.id !== input.id) {
    throw new LoketError('conflict', `AGB-code ${input.agbCode} staat al in de lijst, bij ${same.naam}. Pas die aanbieder aan in plaats van een tweede te maken.`, 'agbCode');
  }
  let id = input.id;
  if (id === undefined) {
    id = Number(tx.raw.prepare('INSERT INTO aanbieders (agb_code, naam, actief) VALUES (?, ?, ?)').run(input.agbCode, input.naam, input.actief ? 1 : 0).lastInsertRowid);
  } else {
    const res = tx.raw.prepare('UPDATE aanbieders SET agb_code = ?, naam = ?, actief = ? WHERE id = ?').run(input.agbCode, input.naam, input.actief ? 1 : 0, id);
    if (res.changes === 0) throw new LoketError('niet_gevonden', `Aanbieder ${id} bestaat niet (meer). Laad de lijst opnieuw.`, 'id');
  }
  logAccess(tx, { action: 'beheer', objectType: 'aanbieder', objectId: id, detail: `${input.naam} (AGB ${input.agbCode})${input.actief ? '' : ', niet meer te kiezen'}` });
  return aanbieder(tx.raw.prepare('SELECT * FROM aanbieders WHERE id = ?').get(id) as AanbiederRow);
}

/**
 * The wijk of a client as the list spells it. A wijk no longer in use may stay on a client that
 * already had it (`huidige`), but is not chosen anew.
 */
export function gekozenWijk(tx: Pick<TxContext, 'raw'>, naam: string | null, huidige: string | null = null): string | null {
  if (naam === null) return null;
  const r = tx.raw.prepare('SELECT naam, actief FROM wijken WHERE naam = ? COLLATE NOCASE').get(naam.trim()) as { naam: string; actief: number } | undefined;
  if (r && (r.actief === 1 || r.naam === huidige)) return r.naam;
  throw new LoketError('invoer', r
    ? `Wijk ${r.naam} is niet meer te kiezen. Kies een andere wijk uit de lijst.`
    : `Wijk "${naam}" staat niet in de lijst van wijken. Kies een wijk uit de lijst; een nieuwe wijk voegt de beheerder toe (Beheer › Keuzelijsten).`, 'wijk');
}

/** The aanbieder of an indicatie: one from the list and still contracted (active); its name comes from the list. */
export function gekozenAanbieder(tx: Pick<TxContext, 'raw'>, agbCode: string): Aanbieder {
  const r = tx.raw.prepare('SELECT * FROM aanbieders WHERE agb_code = ?').get(agbCode.replace(/[\s.-]/g, '')) as AanbiederRow | undefined;
  if (!r) {
    throw new LoketError('invoer', `AGB-code ${agbCode} staat niet in de lijst van aanbieders. Kies een aanbieder uit de lijst; een nieuwe aanbieder voegt de beheerder toe (Beheer › Keuzelijsten).`, 'aanbiederAgb');
  }
  if (r.actief !== 1) throw new LoketError('invoer', `${r.naam} (AGB ${r.agb_code}) is niet meer te kiezen. Kies een andere aanbieder uit de lijst.`, 'aanbiederAgb');
  return aanbieder(r);
}
