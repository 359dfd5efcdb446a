import { IsNull } from 'typeorm';
import { atwEinde, GELIJKGESTELDE_DAGEN, isWerkdag, plusWerkdagen } from '../../shared/holidays';
import { addDays, weekday } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type { GelijkgesteldeDagInput } from '../../shared/ipc/atw-channels';
import type { Wet } from '../../shared/schemas/zaak';
import { bezwaarTermijnEinde, computeTermijn, type TermijnResult } from '../../shared/termijnen';
import type { RawDb } from '../db/database';
import { SettingEntity, TermijnEntity, type TermijnRow } from '../db/entities';
import { logAccess, type TxContext } from './context';

/** Setting that holds the beheerder's days made equal to a feestdag by a later koninklijk besluit. */
const KEY = 'atw.gelijkgesteld';

async function eigenDagen(tx: Pick<TxContext, 'm'>): Promise<GelijkgesteldeDagInput[]> {
  const row = await tx.m.findOneBy(SettingEntity, { key: KEY });
  return Array.isArray(row?.value) ? (row.value as GelijkgesteldeDagInput[]) : [];
}

/**
 * The one clock of the app: every legal term (beslistermijnen, bezwaartermijn, persoonlijk plan,
 * iStandaarden werkdagen) counts with the same days, the shipped koninklijk-besluit days plus the
 * beheerder's (Atw art. 3 lid 3). Get it with `atwKlok(tx)`; code that needs an end date asks it,
 * never the shared functions without the day list.
 */
export class AtwKlok {
  constructor(readonly extra: ReadonlySet<string>) {}

  /** A case term (onderzoek, beschikking) after verlenging, opschorting and the Atw. */
  termijn(t: Pick<TermijnRow, 'startdatum' | 'wet' | 'soort' | 'verlengingen' | 'opschortingen'>): TermijnResult {
    return computeTermijn({
      start: t.startdatum, wet: t.wet as Wet, soort: t.soort, verlengingen: t.verlengingen, opschortingen: t.opschortingen, extraFeestdagen: this.extra,
    });
  }

  /** Last day of the bezwaartermijn (Awb 6:7, 6:8) after bekendmaking on this day. */
  bezwaarEinde(bekendmaking: string): string {
    return bezwaarTermijnEinde(bekendmaking, this.extra);
  }

  /** Last day of a statutory term of `dagen` days after `start` (Atw art. 1 and 2). */
  dagenNa(start: string, dagen: number): string {
    return atwEinde(start, addDays(start, dagen), this.extra);
  }

  /** `n` werkdagen after `start` (the iStandaarden terms). */
  werkdagenNa(start: string, n: number): string {
    return plusWerkdagen(start, n, this.extra);
  }
}

export async function atwKlok(tx: Pick<TxContext, 'm'>): Promise<AtwKlok> {
  return new AtwKlok(new Set((await eigenDagen(tx)).map((d) => d.datum)));
}

/** The same clock for code that works on the raw connection (the demo's bulk load). */
export function atwKlokRaw(raw: RawDb): AtwKlok {
  const row = raw.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const dagen = row ? (JSON.parse(row.value) as unknown) : [];
  return new AtwKlok(new Set(Array.isArray(dagen) ? (dagen as GelijkgesteldeDagInput[]).map((d) => d.datum) : []));
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
  // A new besluit moves the end of every term still running: recount them with the new list.
  const klok = await atwKlok(tx);
  let herberekend = 0;
  for (const t of await tx.m.find(TermijnEntity, { where: { afgerondOp: IsNull() } })) {
    const uiterlijk = klok.termijn(t).uiterlijk;
    if (uiterlijk !== t.uiterlijk) {
      await tx.m.update(TermijnEntity, { id: t.id }, { uiterlijk });
      herberekend++;
    }
  }
  logAccess(tx, { action: 'beheer', objectType: 'atw-gelijkgestelde-dagen', detail: `${input.dagen.length} eigen dagen; ${herberekend} lopende termijnen herberekend` });
  return lijst(tx);
}
