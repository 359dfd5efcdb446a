/**
 * How the gemeente's decisions end toewijzingen (IV093): an aanbieder never holds two
 * toewijzingen for one client and product that overlap in time.
 *
 * - A wijziging replaces the toewijzing of the decision it changes: the old one ends the day
 *   before the new one starts, with a RedenWijziging for what happened (05 herbeoordeling:
 *   verkorting for a new volume at the same aanbieder, 09 overstap naar andere aanbieder,
 *   08 wijziging leveringsvorm when the product goes to a PGB).
 * - A beëindiging ends it on its per-datum, with the reason the consulent recorded (02, 06,
 *   07, 08, ...) or, without one, 02 when the client died and 05 otherwise.
 * - Whatever the decisions were, a later toewijzing for the same client, aanbieder and product
 *   ends an earlier overlapping one the day before it starts (05); one that the later one
 *   replaces from its first day is withdrawn (Einddatum = Ingangsdatum, RedenWijziging 13).
 *
 * Plain functions over plain records; the caller reads them from the store.
 */
import { addDays } from '../../../shared/dates';
import type { RedenEinde } from '../../../shared/schemas/zaak';

/** RedenWijziging (WMO002 / LDT_RedenWijziging) that this app sets. */
export type RedenWijziging = '02' | '05' | '06' | '07' | '08' | '09' | '12' | '13';


const REDEN_CODE: Record<RedenEinde, RedenWijziging> = {
  herbeoordeling: '05', overleden: '02', ander_domein: '06', verhuizing: '07', pgb: '08', andere_aanbieder: '09', op_verzoek_aanbieder: '12',
};

/** The RedenWijziging of a beëindiging: what the consulent recorded, else what the app knows. */
export function redenVoorBeeindiging(reden: RedenEinde | null, clientOverleden: boolean): RedenWijziging {
  if (reden) return REDEN_CODE[reden];
  return clientOverleden ? '02' : '05';
}

/** One granted toewijzing (a ZIN or PGB indicatie) with what the rules need. */
export interface Toewijzing {
  /** Order of the decisions: later grants replace earlier ones (the indicatie id). */
  volgorde: number;
  /** Null for a PGB (no toewijzing goes out for it, OP043). */
  toewijzingNummer: number | null;
  aanbiederAgb: string | null;
  leveringsvorm: string;
  productcategorie: string;
  productcode: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  /** The beschikking that granted it. */
  beschikkingId: number;
  /** Moment (ISO) the toewijzing last changed: the moment the deciding beschikking was vastgesteld. */
  gewijzigdOp: string;
  redenWijziging: RedenWijziging | null;
  /** The beschikking whose decision last changed it (the granting one, a wijziging or a beëindiging). */
  gewijzigdDoor: number;
}

/** A vastgestelde wijziging: its own beschikking, and the one it changes. */
export interface WijzigingBesluit {
  beschikkingId: number;
  vervangtId: number;
  /** Moment (ISO) it was vastgesteld. */
  moment: string;
}

const productKey = (t: Pick<Toewijzing, 'productcategorie' | 'productcode'>) => `${t.productcategorie}/${t.productcode ?? ''}`;

function beeindig<T extends Toewijzing>(old: T, start: string, reden: RedenWijziging, moment: string, door: number): T {
  const eind = addDays(start, -1);
  if (old.einddatum !== null && old.einddatum <= eind) return old; // already ends in time
  const changed = { gewijzigdOp: later(old.gewijzigdOp, moment), gewijzigdDoor: door };
  if (eind < old.ingangsdatum) return { ...old, einddatum: old.ingangsdatum, redenWijziging: '13', ...changed };
  return { ...old, einddatum: eind, redenWijziging: reden, ...changed };
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Applies the wijzigingen and the no-overlap rule to every toewijzing of one client (all
 * aanbieders, PGB included: a PGB for a product ends the ZIN toewijzing). Returns the ZIN
 * toewijzingen with their resulting Einddatum and RedenWijziging, in toewijzingNummer order.
 */
export function beeindigVervangen<T extends Toewijzing>(all: readonly T[], wijzigingen: readonly WijzigingBesluit[]): T[] {
  const out = [...all].sort((a, b) => a.volgorde - b.volgorde);

  for (const w of wijzigingen) {
    const nieuw = out.filter((t) => t.beschikkingId === w.beschikkingId);
    out.forEach((old, i) => {
      if (old.beschikkingId !== w.vervangtId || old.leveringsvorm !== 'ZIN') return;
      const zelfde = nieuw.filter((n) => n.productcategorie === old.productcategorie);
      if (!zelfde.length) return; // the wijziging does not touch this product
      const opvolger = zelfde.find((n) => n.leveringsvorm === 'ZIN' && n.aanbiederAgb === old.aanbiederAgb)
        ?? zelfde.find((n) => n.leveringsvorm === 'ZIN') ?? zelfde[0]!;
      const reden: RedenWijziging = opvolger.leveringsvorm !== 'ZIN' ? '08' : opvolger.aanbiederAgb !== old.aanbiederAgb ? '09' : '05';
      out[i] = beeindig(old, opvolger.ingangsdatum, reden, w.moment, w.beschikkingId);
    });
  }

  // The invariant, whatever the decisions: per aanbieder and product, a later toewijzing ends an
  // earlier one; a PGB for the product ends a ZIN toewijzing (OP043: never both at once).
  for (let j = 0; j < out.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = out[i]!;
      const b = out[j]!;
      if (a.leveringsvorm !== 'ZIN' || !a.aanbiederAgb || isIngetrokken(a) || isIngetrokken(b) || !overlapt(a, b)) continue;
      const pgb = b.leveringsvorm !== 'ZIN' && b.productcategorie === a.productcategorie;
      if (!pgb && (a.aanbiederAgb !== b.aanbiederAgb || productKey(a) !== productKey(b))) continue;
      out[i] = beeindig(a, b.ingangsdatum, pgb ? '08' : '05', b.gewijzigdOp, b.gewijzigdDoor);
    }
  }
  return out.filter((t) => t.leveringsvorm === 'ZIN');
}

/** Withdrawn before it started (OP087: Einddatum = Ingangsdatum with RedenWijziging 13). */
export function isIngetrokken(t: Pick<Toewijzing, 'ingangsdatum' | 'einddatum' | 'redenWijziging'>): boolean {
  return t.redenWijziging === '13' && t.einddatum === t.ingangsdatum;
}

export function overlapt(a: Pick<Toewijzing, 'ingangsdatum' | 'einddatum'>, b: Pick<Toewijzing, 'ingangsdatum' | 'einddatum'>): boolean {
  return (a.einddatum === null || b.ingangsdatum <= a.einddatum) && (b.einddatum === null || a.ingangsdatum <= b.einddatum);
}
