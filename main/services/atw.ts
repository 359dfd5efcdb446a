import { GELIJKGESTELDE_DAGEN, isWerkdag } from '../../shared/holidays';
import { weekday } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type { GelijkgesteldeDagInput } from '../../shared/ipc/atw-channels';
import { SettingEntity } from '../db/entities';
import { logAccess, type TxContext } from './context';

/** Setting that holds the beheerder's days made equal to a feestdag by a later koninklijk besluit. */
const KEY = 'atw.gelijkgesteld';

async function eigenDagen(tx: Pick<TxContext, 'm'>): Promise<GelijkgesteldeDagInput[]> {
  const row = await tx.m.findOneBy(SettingEntity, { key: KEY });
  return Array.isArray(row?.value) ? (row.value as GelijkgesteldeDagInput[]) : [];
}

/** The beheerder's extra days, for every deadline the app computes (Atw art. 1 and 2). */
export async function atwExtraDagen(tx: Pick<TxContext, 'm'>): Promise<ReadonlySet<string>> {
  return new Set((await eigenDagen(tx)).map((d) => d.datum));
}

export async function lijst(tx: Pick<TxContext, 'm'>) {
  const eigen = await eigenDagen(tx);
  const dagen = [
    ...GELIJKGESTELDE_DAGEN.map((d) => ({ datum: d.datum, naam: d.naam, besluit: d.besluit, meegeleverd: true })),
    ...eigen.map((d) => ({ ...d, meegeleverd: false })),
  ].sort((a, b) => a.datum.localeCompare(b.datum));
  return { dagen };
}

export async function zet(tx: TxContext, input: { dagen: GelijkgesteldeDagInput[] }) {
  const gezien = new Set<string>();
  for (const d of input.dagen) {
    if (gezien.has(d.datum)) throw new LoketError('invoer', `${d.datum} staat twee keer in de lijst.`, 'dagen');
    gezien.add(d.datum);
    if (weekday(d.datum) >= 6) throw new LoketError('invoer', `${d.datum} valt in het weekend; dat telt al niet als werkdag.`, 'dagen');
    if (!isWerkdag(d.datum)) throw new LoketError('invoer', `${d.datum} is al een feestdag of gelijkgestelde dag; u hoeft hem niet toe te voegen.`, 'dagen');
  }
  await tx.m.save(SettingEntity, { key: KEY, value: input.dagen });
  logAccess(tx, { action: 'beheer', objectType: 'atw-gelijkgestelde-dagen', detail: `${input.dagen.length} eigen dagen` });
  return lijst(tx);
}
