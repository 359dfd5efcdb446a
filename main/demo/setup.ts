/**
 * Creating a demo database end to end: init (when the file is absent), bulk import, key slots
 * for the demo users, a few real letters, settings for letters. Used by `loket demo`, the bench
 * and the tests.
 */
import { existsSync } from 'node:fs';
import { appendLog } from '../auditlog';
import { openDatabase, type Db } from '../db/database';
import { openSlot, STRONG_KDF, writeSlot, type KdfParams } from '../db/keyslots';
import { BeschikkingEntity, LetterEntity, SettingEntity, UserEntity, type BeschikkingRow } from '../db/entities';
import { printBatch, type BatchItem } from '../letters/batch';
import { sha256Hex } from '../letters/hash';
import { initVault, originFor, type Route, type Session } from '../vault';
import type { TxContext } from '../services/context';
import { beschikkingLetterData } from '../services/letterData';
import { LoketError } from '../../shared/errors';
import { demoUsers, importDemo, type DemoStats } from './generate';
import { WOONPLAATS } from './data';

export interface CreateDemoOptions {
  file: string;
  clients: number;
  seed: number;
  today: string;
  admin: string;
  adminPassword: string;
  /** Password of every demo user that can log in. */
  demoPassword: string;
  kdf?: KdfParams;
  route?: Route;
  allowNonBsnIds?: boolean;
  zoeknaamMode?: 'rebuild' | 'triggers';
  /**
   * Which sent beschikkingen get their real letter: 'all' (default: a consistent demo that exports
   * without errors) or the first N (the benchmark at 100,000 clients, where rendering every letter
   * would take longer than the measurement itself).
   */
  letters?: number | 'all';
  onProgress?: (done: number, total: number) => void;
}

export interface CreateDemoResult extends DemoStats {
  created: boolean;
  /** Letterhead settings that were empty and now hold demo values (names as in Instellingen). */
  settingsFilled: string[];
  recoveryKey: string | null;
  logins: { username: string; displayName: string; roles: string[] }[];
  letters: number;
  timings: { initMs: number; importMs: number; slotsMs: number; lettersMs: number };
}

const DEMO_SETTINGS = {
  rsin: '',
  adres: { straat: 'Raadhuisplein 1', postcode: '7411 AA', plaats: WOONPLAATS },
  telefoon: '14 0999',
  email: 'wmo@voorbeeldstad.example',
  website: 'www.voorbeeldstad.example',
  logoPngBase64: null,
  ondertekenaar: { naam: 'drs. A. de Wethouder', functie: 'teamleider Wmo en Jeugd' },
  mandaat: 'namens het college van burgemeester en wethouders',
  bezwaarAdres: { tav: 'het college van burgemeester en wethouders', adres: 'Postbus 100', postcode: '7400 AC', plaats: WOONPLAATS },
  autoLockMinuten: 10,
  // The general letterhead is the Wmo-loket's; the Jeugdwet and Participatiewet letters have their own sender.
  afzenderPerWet: {
    wmo: { afdeling: 'Wmo-loket', email: '', functie: '' },
    jeugdwet: { afdeling: 'Team Jeugd en Gezin', email: 'jeugd@voorbeeldstad.example', functie: 'teamleider Jeugd en Gezin' },
    participatiewet: { afdeling: 'Werk en Inkomen', email: 'werkeninkomen@voorbeeldstad.example', functie: 'teamleider Werk en Inkomen' },
  },
};

const SETTING_LABELS: Record<string, string> = {
  adres: 'adres van de gemeente', telefoon: 'telefoon', email: 'e-mail', website: 'website',
  ondertekenaar: 'ondertekenaar', bezwaarAdres: 'bezwaaradres', afzenderPerWet: 'afzender per wet',
};

function isEmptySetting(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(isEmptySetting);
  return false;
}

/**
 * Writes the demo letterhead into the settings where a field is empty (a database made by
 * `loket init` has none), and keeps what the beheerder filled in. Returns what it filled.
 */
async function fillDemoSettings(db: Db): Promise<string[]> {
  const row = await db.ds.getRepository(SettingEntity).findOneBy({ key: 'instellingen' });
  const stored = (row?.value ?? {}) as Record<string, unknown>;
  const filled: string[] = [];
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(DEMO_SETTINGS)) {
    if (!(key in SETTING_LABELS) || !isEmptySetting(stored[key])) continue;
    merged[key] = value;
    filled.push(SETTING_LABELS[key] ?? key);
  }
  if (filled.length > 0) {
    await db.write((m) => m.save(SettingEntity, { key: 'instellingen', value: merged }));
  }
  return filled;
}

export async function createDemoDatabase(o: CreateDemoOptions): Promise<CreateDemoResult> {
  const kdf = o.kdf ?? STRONG_KDF;
  const route = o.route ?? 'cli';
  let t = performance.now();
  let recoveryKey: string | null = null;
  const created = !existsSync(o.file);
  if (created) {
    recoveryKey = (await initVault({
      file: o.file, gemeente: WOONPLAATS, gemeentecode: '9999', admin: o.admin, adminName: 'Demo-beheerder',
      password: o.adminPassword, kdf, route,
    })).recoveryKey;
  }
  const key = await openSlot(o.file, o.admin, o.adminPassword);
  const db = await openDatabase(o.file, key);
  const initMs = performance.now() - t;
  try {
    const admin = await db.ds.getRepository(UserEntity).findOneBy({ username: o.admin, active: true });
    if (!admin || !admin.roles.includes('beheerder')) {
      throw new LoketError('geen_toegang', `Alleen een beheerder kan demogegevens laden; ${o.admin} is geen actieve beheerder.`);
    }
    // The demo renders letters, which need a letterhead: fill what the beheerder left empty.
    const settingsFilled = await fillDemoSettings(db);
    t = performance.now();
    const stats = importDemo(db, {
      clients: o.clients, seed: o.seed, today: o.today, allowNonBsnIds: o.allowNonBsnIds, zoeknaamMode: o.zoeknaamMode,
      actor: o.admin, origin: originFor(route), onProgress: o.onProgress,
    });
    const importMs = performance.now() - t;

    t = performance.now();
    const logins = demoUsers(o.clients, o.seed).filter((u) => u.login);
    // Key slots one after another: each scrypt takes 128 MiB at the strong setting.
    for (const u of logins) await writeSlot(o.file, u.username, o.demoPassword, key, kdf);
    const slotsMs = performance.now() - t;

    t = performance.now();
    const session: Session = { db, user: admin, origin: originFor(route), key, kdf };
    const letters = await renderDemoLetters(db, session, o.today, o.letters ?? 'all');
    const lettersMs = performance.now() - t;
    await db.write(async () => {
      appendLog(db.raw, {
        actor: o.admin, role: 'beheerder', action: 'beheer', objectType: 'demogegevens', result: 'gelukt', origin: originFor(route),
        detail: `demogegevens: ${stats.counts.clients} cliënten, ${stats.records} records, ${letters} brieven, ${logins.length} demo-gebruikers met inlog`,
      });
    });
    return {
      ...stats, created, recoveryKey, letters, settingsFilled,
      logins: logins.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles })),
      timings: { initMs, importMs, slotsMs, lettersMs },
    };
  } finally {
    await db.close();
  }
}

/**
 * Renders and stores the letter of every sent beschikking that has none (or of the first `count`,
 * for the benchmark), through the same letter data mapping and worker batch as the print queue,
 * so a demo database exports to a zaaksysteem without "geen verzonden brief" errors.
 * Returns how many letters were stored; a letter that cannot be rendered is an error in the demo.
 */
export async function renderDemoLetters(db: Db, session: Session, today: string, count: number | 'all'): Promise<number> {
  if (count !== 'all' && count <= 0) return 0;
  const unsent = db.ds.createQueryBuilder(BeschikkingEntity, 'b').select('b.id', 'id')
    .where(`b.status = 'verzonden'`)
    .andWhere((q) => `NOT EXISTS ${q.subQuery().select('1').from(LetterEntity, 'l').where('l.beschikkingId = b.id').getQuery()}`)
    .orderBy('b.id');
  const ids = (await (count === 'all' ? unsent : unsent.limit(count)).getRawMany<{ id: number }>()).map((r) => r.id);
  if (ids.length === 0) return 0;
  const rows = new Map<number, BeschikkingRow>();
  const items: BatchItem[] = [];
  // Letter data is read inside one transaction (a consistent snapshot), then rendered on workers.
  await db.write(async (m) => {
    const tx: TxContext = { m, raw: db.raw, session, today: () => today };
    for (const id of ids) {
      const row = await m.findOneByOrFail(BeschikkingEntity, { id });
      rows.set(id, row);
      items.push({ id: String(id), data: await beschikkingLetterData(tx, row, row.verzondenOp ?? today) });
    }
  });
  const result = await printBatch(items, { mode: 'separate' });
  if (result.failures.length > 0) {
    const f = result.failures[0]!;
    throw new Error(`demo: de brief van beschikking ${f.id} kon niet worden gemaakt (${f.reason}); ${result.failures.length} brieven mislukt`);
  }
  await db.write(async (m) => {
    for (const file of result.files ?? []) {
      const row = rows.get(Number(file.id))!;
      const pdf = Buffer.from(file.pdf);
      await m.insert(LetterEntity, {
        soort: `beschikking-${row.soort}`, meldingId: null, beschikkingId: row.id, pdf, sha256: sha256Hex(pdf),
        createdAt: `${row.verzondenOp ?? today}T14:00:00.000Z`, createdBy: session.user.id,
      });
    }
  });
  return result.files?.length ?? 0;
}
