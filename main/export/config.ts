import type { EntityManager } from 'typeorm';
import { EXPORT_DEFAULTS, type ExportSettings, type Settings } from '../../shared/schemas/admin';
import { SettingEntity } from '../db/entities';
import { readSettings } from '../services/admin';

/**
 * The export configuration as the runners need it: the settings' `export` part, the RSIN to use
 * and the real ZGW secret, which is stored apart (settings key 'export.secret') and never leaves
 * the main process.
 */

export const SECRET_KEY = 'export.secret';

export interface ExportConfig {
  settings: Settings;
  export: ExportSettings;
  /** RSIN of the gemeente (export.rsin, else the top-level rsin). */
  rsin: string;
  secret: string;
}

export async function readExportConfig(m: EntityManager): Promise<ExportConfig> {
  const settings = await readSettings({ m });
  const e = settings.export ?? EXPORT_DEFAULTS;
  const row = await m.findOneBy(SettingEntity, { key: SECRET_KEY });
  const secret = typeof row?.value === 'string' ? row.value : '';
  return { settings, export: e, rsin: e.rsin || settings.rsin, secret };
}

/** What is missing before a ZGW export can run; empty when it is configured. */
export function zgwConfigProblems(c: ExportConfig): string[] {
  const e = c.export;
  const missing: string[] = [];
  const need = (v: string, label: string) => { if (!v) missing.push(label); };
  need(e.zakenUrl, 'URL Zaken API');
  need(e.documentenUrl, 'URL Documenten API');
  need(e.besluitenUrl, 'URL Besluiten API');
  need(e.clientId, 'client-id');
  need(c.secret, 'secret');
  need(c.rsin, 'RSIN');
  need(e.zaaktype, 'zaaktype');
  need(e.roltype, 'roltype');
  need(e.statustypen.afgehandeld, 'statustype afgehandeld');
  need(e.informatieobjecttypen.beschikking, 'informatieobjecttype beschikking');
  need(e.besluittype, 'besluittype');
  need(e.resultaattypen.toegekend, 'resultaattype toegekend');
  need(e.resultaattypen.afgewezen, 'resultaattype afgewezen');
  return missing;
}

export function iwmoConfigProblems(c: ExportConfig): string[] {
  return c.export.iwmoOutDir ? [] : ['map voor iWmo/iJw-berichten (GGk)'];
}

/** A 9-digit number (BSN, RSIN) never goes into a stored error or a status screen. */
export function scrubNumbers(s: string): string {
  return s.replace(/\b\d{9}\b/g, '•••••••••');
}
