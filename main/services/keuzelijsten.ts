import type { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { Aanbieder, AanbiederInputSchema, Wijk, WijkInputSchema } from '../../shared/ipc/keuzelijst-channels';
import { AanbiederEntity, ClientEntity, WijkEntity, type AanbiederRow } from '../db/entities';
import { logAccess, type TxContext } from './context';

/**
 * The beheerder's pick lists of wijken and aanbieders (migration 0015), and the two checks the
 * client and indicatie operations make against them: a wijk or aanbieder is one from the list,
 * never a new one made up by a typo.
 */

type WijkRaw = { id: number; naam: string; actief: number; clienten: number };

const wijk = (r: WijkRaw): Wijk => ({ id: r.id, naam: r.naam, actief: r.actief === 1, clienten: r.clienten });
const aanbieder = (r: AanbiederRow): Aanbieder => ({ id: r.id, agbCode: r.agbCode, naam: r.naam, actief: r.actief });

/** Wijken with the number of clients that live in each (the client's wijk is the wijk's name). */
function wijkRows(tx: Pick<TxContext, 'm'>) {
  return tx.m.createQueryBuilder(WijkEntity, 'w')
    .select(['w.id AS id', 'w.naam AS naam', 'w.actief AS actief'])
    .addSelect((sq) => sq.select('count(*)').from(ClientEntity, 'c').where('c.wijk = w.naam'), 'clienten');
}

export async function wijken(tx: Pick<TxContext, 'm'>): Promise<{ wijken: Wijk[] }> {
  return { wijken: (await wijkRows(tx).orderBy('w.naam').getRawMany<WijkRaw>()).map(wijk) };
}

export async function aanbieders(tx: Pick<TxContext, 'm'>): Promise<{ aanbieders: Aanbieder[] }> {
  return { aanbieders: (await tx.m.find(AanbiederEntity, { order: { naam: 'ASC', agbCode: 'ASC' } })).map(aanbieder) };
}

export async function wijkOpslaan(tx: TxContext, input: z.output<typeof WijkInputSchema>): Promise<Wijk> {
  // wijken.naam is COLLATE NOCASE (migration 0015): "haven" finds "Haven".
  const same = await tx.m.findOne(WijkEntity, { where: { naam: input.naam }, select: { id: true, naam: true } });
  if (same && same.id !== input.id) {
    throw new LoketError('conflict', `Wijk ${same.naam} staat al in de lijst. Kies een andere naam, of zet de bestaande wijk weer aan.`, 'naam');
  }
  let id = input.id;
  if (id === undefined) {
    id = (await tx.m.insert(WijkEntity, { naam: input.naam, actief: input.actief })).identifiers[0]!.id as number;
    logAccess(tx, { action: 'beheer', objectType: 'wijk', objectId: id, detail: `wijk ${input.naam} toegevoegd` });
  } else {
    const old = await tx.m.findOne(WijkEntity, { where: { id }, select: { id: true, naam: true } });
    if (!old) throw new LoketError('niet_gevonden', `Wijk ${id} bestaat niet (meer). Laad de lijst opnieuw.`, 'id');
    await tx.m.update(WijkEntity, { id }, { naam: input.naam, actief: input.actief });
    // Clients keep the wijk's name: a rename carries over to them, in this same transaction.
    if (old.naam !== input.naam) await tx.m.update(ClientEntity, { wijk: old.naam }, { wijk: input.naam });
    logAccess(tx, {
      action: 'beheer', objectType: 'wijk', objectId: id,
      detail: `wijk ${old.naam}${old.naam !== input.naam ? ` heet nu ${input.naam}` : ''}${input.actief ? '' : ' (niet meer te kiezen)'}`,
    });
  }
  return wijk((await wijkRows(tx).where('w.id = :id', { id }).getRawOne<WijkRaw>())!);
}

export async function aanbiederOpslaan(tx: TxContext, input: z.output<typeof AanbiederInputSchema>): Promise<Aanbieder> {
  const same = await tx.m.findOne(AanbiederEntity, { where: { agbCode: input.agbCode }, select: { id: true, naam: true } });
  if (same && same.id !== input.id) {
    throw new LoketError('conflict', `AGB-code ${input.agbCode} staat al in de lijst, bij ${same.naam}. Pas die aanbieder aan in plaats van een tweede te maken.`, 'agbCode');
  }
  let id = input.id;
  const fields = { agbCode: input.agbCode, naam: input.naam, actief: input.actief };
  if (id === undefined) {
    id = (await tx.m.insert(AanbiederEntity, fields)).identifiers[0]!.id as number;
  } else {
    const res = await tx.m.update(AanbiederEntity, { id }, fields);
    if (res.affected === 0) throw new LoketError('niet_gevonden', `Aanbieder ${id} bestaat niet (meer). Laad de lijst opnieuw.`, 'id');
  }
  logAccess(tx, { action: 'beheer', objectType: 'aanbieder', objectId: id, detail: `${input.naam} (AGB ${input.agbCode})${input.actief ? '' : ', niet meer te kiezen'}` });
  return aanbieder(await tx.m.findOneByOrFail(AanbiederEntity, { id }));
}

/**
 * The wijk of a client as the list spells it. A wijk no longer in use may stay on a client that
 * already had it (`huidige`), but is not chosen anew.
 */
export async function gekozenWijk(tx: Pick<TxContext, 'm'>, naam: string | null, huidige: string | null = null): Promise<string | null> {
  if (naam === null) return null;
  // wijken.naam is COLLATE NOCASE: the list's spelling wins over the typed one.
  const r = await tx.m.findOne(WijkEntity, { where: { naam: naam.trim() }, select: { id: true, naam: true, actief: true } });
  if (r && (r.actief || r.naam === huidige)) return r.naam;
  throw new LoketError('invoer', r
    ? `Wijk ${r.naam} is niet meer te kiezen. Kies een andere wijk uit de lijst.`
    : `Wijk "${naam}" staat niet in de lijst van wijken. Kies een wijk uit de lijst; een nieuwe wijk voegt de beheerder toe (Beheer › Keuzelijsten).`, 'wijk');
}

/** The aanbieder of an indicatie: one from the list and still contracted (active); its name comes from the list. */
export async function gekozenAanbieder(tx: Pick<TxContext, 'm'>, agbCode: string): Promise<Aanbieder> {
  const r = await tx.m.findOneBy(AanbiederEntity, { agbCode: agbCode.replace(/[\s.-]/g, '') });
  if (!r) {
    throw new LoketError('invoer', `AGB-code ${agbCode} staat niet in de lijst van aanbieders. Kies een aanbieder uit de lijst; een nieuwe aanbieder voegt de beheerder toe (Beheer › Keuzelijsten).`, 'aanbiederAgb');
  }
  if (!r.actief) throw new LoketError('invoer', `${r.naam} (AGB ${r.agbCode}) is niet meer te kiezen. Kies een andere aanbieder uit de lijst.`, 'aanbiederAgb');
  return aanbieder(r);
}
