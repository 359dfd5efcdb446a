import { promises as fs } from 'node:fs';
import { LoketError } from '../shared/errors';
import { writeFileAtomic } from './db/keyslots';

/**
 * Local-mode lockout with back-off: after 5 wrong passwords in a row for one username, each
 * further try waits 30 s, then 60 s, 120 s … up to 15 minutes. Kept in a small file beside the
 * database (`<db>.aanmeldpogingen`, mode 0600) so a new CLI process or a restarted app counts on;
 * unknown usernames count the same way, so the answer never tells whether a user exists. It slows
 * guessing through the app; someone who copies the key slots can still guess offline (scrypt
 * N=2^17 is what protects against that).
 */

export const FREE_ATTEMPTS = 5;
const BASE_MS = 30_000;
const MAX_MS = 15 * 60_000;

interface Entry { fouten: number; tot: number }

const fileFor = (dbFile: string) => `${dbFile}.aanmeldpogingen`;

async function read(dbFile: string): Promise<Record<string, Entry>> {
  try {
    const v = JSON.parse(await fs.readFile(fileFor(dbFile), 'utf8')) as unknown;
    return v && typeof v === 'object' ? v as Record<string, Entry> : {};
  } catch {
    return {};
  }
}

/** Refuses while the username is locked out, saying for how long. */
export async function assertNotLockedOut(dbFile: string, username: string, now: number): Promise<void> {
  const e = (await read(dbFile))[username];
  if (e && e.tot > now) {
    const s = Math.ceil((e.tot - now) / 1000);
    throw new LoketError('wachtwoord', `Te veel mislukte pogingen om in te loggen als ${username}. Probeer het over ${s < 120 ? `${s} seconden` : `${Math.ceil(s / 60)} minuten`} opnieuw, of vraag de beheerder om hulp.`);
  }
}

export async function recordFailure(dbFile: string, username: string, now: number): Promise<void> {
  const all = await read(dbFile);
  const fouten = (all[username]?.fouten ?? 0) + 1;
  const wait = fouten < FREE_ATTEMPTS ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** (fouten - FREE_ATTEMPTS));
  all[username] = { fouten, tot: now + wait };
  await writeFileAtomic(fileFor(dbFile), JSON.stringify(all));
}

export async function clearFailures(dbFile: string, username: string): Promise<void> {
  const all = await read(dbFile);
  if (!(username in all)) return;
  delete all[username];
  await writeFileAtomic(fileFor(dbFile), JSON.stringify(all));
}
