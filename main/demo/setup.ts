/**
 * Creating a demo database end to end: init (when the file is absent), bulk import, key slots
 * for the demo users, a few real letters, settings for letters. Used by `loket demo`, the bench
 * and the tests.
 */
import { existsSync } from 'node:fs';
import { appendLog } from '../auditlog';
import { openDatabase, type Db } from '../db/database';
import { openSlot, STRONG_KDF, writeSlot, type KdfParams } from '../db/keyslots';
import { BeschikkingEntity, UserEntity } from '../db/entities';
import { renderLetter } from '../letters/render';
import { sha256Hex } from '../letters/hash';
import { initVault, originFor, type Route, type Session } from '../vault';
import type { HandlerContext, TxContext } from '../services/context';
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
  /** How many real beschikking letters to render and store (default 4). */
  letters?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CreateDemoResult extends DemoStats {
  created: boolean;
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
};

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
    if (created) {
      db.raw.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('instellingen', ?)`).run(JSON.stringify(DEMO_SETTINGS));
    }
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
    const letters = await renderDemoLetters(db, session, o.today, o.letters ?? 4);
    const lettersMs = performance.now() - t;
    await db.write(async () => {
      appendLog(db.raw, {
        actor: o.admin, role: 'beheerder', action: 'beheer', objectType: 'demogegevens', result: 'gelukt', origin: originFor(route),
        detail: `demogegevens: ${stats.counts.clients} cliënten, ${stats.records} records, ${letters} brieven, ${logins.length} demo-gebruikers met inlog`,
      });
    });
    return {
      ...stats, created, recoveryKey, letters,
      logins: logins.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles })),
      timings: { initMs, importMs, slotsMs, lettersMs },
    };
  } finally {
    await db.close();
  }
}

/**
 * Renders real letters for a few sent beschikkingen of different soorten, through the same letter
 * data mapping as the print queue, and stores them as sent letters. Returns how many were stored.
 */
export async function renderDemoLetters(db: Db, session: Session, today: string, count: number): Promise<number> {
  if (count <= 0) return 0;
  const ids = db.raw.prepare(`SELECT id FROM (
      SELECT b.id, b.soort, row_number() OVER (PARTITION BY b.soort ORDER BY b.id) AS rn
      FROM beschikkingen b WHERE b.status = 'verzonden'
        -- afwijzing/beeindiging letters need a voorziening the service does not link (reported)
        AND b.soort IN ('toekenning', 'gedeeltelijke_toekenning', 'wijziging', 'buiten_behandeling') AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.beschikking_id = b.id))
    WHERE rn = 1 ORDER BY id LIMIT ?`).all(count) as { id: number }[];
  let stored = 0;
  await db.write(async (m) => {
    const ctx = { router: null, session, today: () => today, m, raw: db.raw } as unknown as TxContext & HandlerContext;
    for (const { id } of ids) {
      const row = await m.findOneByOrFail(BeschikkingEntity, { id });
      const data = await beschikkingLetterData(ctx, row, row.verzondenOp ?? today);
      const pdf = await renderLetter(data);
      db.raw.prepare(`INSERT INTO letters (soort, melding_id, beschikking_id, pdf, sha256, created_at, created_by) VALUES (?, NULL, ?, ?, ?, ?, ?)`)
        .run(`beschikking-${row.soort}`, row.id, pdf, sha256Hex(pdf), `${row.verzondenOp ?? today}T14:00:00.000Z`, session.user.id);
      stored++;
    }
  });
  return stored;
}
