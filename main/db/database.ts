import 'reflect-metadata';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { DataSource, type EntityManager } from 'typeorm';
import { LoketError } from '../../shared/errors';
import { foldForSearch } from '../../shared/names';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one module that owns the database key. SQLCipher-compatible encryption (SQLite3 Multiple
 * Ciphers, cipher `sqlcipher`, legacy 4) with a raw 256-bit key, set in `prepareDatabase` because
 * TypeORM's own `key` option runs before cipher settings could be made (typeorm #10230).
 * Never enable query logging or `verbose`: they would write the key statement and BSNs to a log.
 */

export type RawDb = Sqlite.Database;

export interface Db {
  readonly file: string;
  readonly ds: DataSource;
  /** The underlying connection, for prepared statements on hot paths (search) and pragmas. */
  readonly raw: RawDb;
  /**
   * Runs `fn` in a transaction, one at a time: TypeORM shares one query runner for SQLite.
   * `durable: false` is for a call that only reads (its one write is the access-log entry of the
   * look): its commit does not wait for the disk, see `makeDb`.
   */
  write<T>(fn: (m: EntityManager) => Promise<T>, options?: { durable?: boolean }): Promise<T>;
  /** Called after every write that is on disk (the access-log anchor hangs here). */
  onCommit: (() => void) | null;
  /**
   * Derived work (the access log's per-client index) done in its own transactions while no call
   * has come for QUIET_MS: `due` is asked first, outside a transaction (`busy` when calls keep
   * coming), so an idle store takes no write lock; `slice` does one part and says whether more remains.
   */
  quietWork: { due: (raw: RawDb, busy: boolean) => boolean; slice: (raw: RawDb) => boolean } | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file when it does not exist (init); otherwise a missing file is an error. */
  create?: boolean;
  /** Run only the first N migrations (tests of the migration chain). */
  migrationsUpTo?: number;
  /** How long without a call before the quiet work starts (default QUIET_MS; tests use less). */
  quietMs?: number;
}

let nativeBinding: string | undefined;

/**
 * The Electron main process loads a build of the SQLCipher module made for Electron's ABI
 * (build/electron-native.mjs), beside the Node build that the CLI, the server and the tests use.
 */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** The module build set by useNativeBinding, for worker threads that open a connection of their own. */
export function nativeBindingInUse(): string | undefined {
  return nativeBinding;
}

const statementCache = new WeakMap<RawDb, Map<string, Sqlite.Statement<unknown[]>>>();

/** A statement prepared once per connection: for the statements every call runs (search, session checks). */
export function prepared(raw: RawDb, sql: string): Sqlite.Statement<unknown[]> {
  let cache = statementCache.get(raw);
  if (!cache) statementCache.set(raw, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = raw.prepare(sql)));
  return stmt;
}

/** Opens a raw connection with the module build in use (see useNativeBinding). */
export function openConnection(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): RawDb {
  return new Sqlite(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** A raw connection opened with the database key (backups, restores, the store's worker jobs). */
export function openWithKey(file: string, key: Buffer, readonly = true): RawDb {
  const conn = openConnection(file, { readonly, fileMustExist: true });
  try {
    applyKey(conn, key);
  } catch (e) {
    conn.close();
    throw e;
  }
  return conn;
}

export function keyPragma(key: Buffer): string {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  return `key="x'${key.toString('hex')}'"`;
}

/** Cipher settings and key; then read sqlite_master, because a wrong key only fails at the first read. */
export function applyKey(conn: RawDb, key: Buffer): void {
  conn.pragma(`cipher='sqlcipher'`);
  conn.pragma('legacy=4');
  conn.pragma(keyPragma(key));
  try {
    conn.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    throw new LoketError('opslag',
      'De database kan niet worden geopend met deze sleutel. Is dit het juiste databasebestand?');
  }
}

/** SQL functions the schema relies on (triggers of migration 0002 call loket_fold). */
function registerFunctions(conn: RawDb): void {
  conn.function('loket_fold', { deterministic: true, varargs: true }, (...parts: unknown[]) =>
    foldForSearch(parts.filter((p) => typeof p === 'string' && p.length > 0).join(' ')));
}

/** Everything but the key: the same settings for every connection (and for the benchmark's plaintext copy). */
export function configureConnection(conn: RawDb): void {
  conn.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, not only a process crash.
  conn.pragma('synchronous = FULL');
  // Deleted records are overwritten, not left in free pages (Archiefwet destruction, AVG).
  conn.pragma('secure_delete = ON');
  conn.pragma('busy_timeout = 5000');
  // 64 MiB of decrypted pages: every page read from disk is decrypted again, so at 100k
  // clients a small cache, not the cipher itself, is what made queries slower than plaintext.
  conn.pragma('cache_size = -65536');
  // Sorts and temporary indexes stay in memory: SQLite's temp files are not encrypted.
  conn.pragma('temp_store = MEMORY');
  // Checkpoint every ~160 MB of WAL instead of SQLite's 4 MB: pages written again and again (the
  // access log's tail and index) are copied once per checkpoint, not forty times. Measured on the
  // team-server bench at 50 desks: 10,000 pages took a quarter off COMMIT against SQLite's 1,000;
  // 40,000 took the p95 of most calls down by another 5-20 ms (A/B, twice). A checkpoint on a
  // worker thread every 250 ms measured worse: it copies the hot pages far more often.
  conn.pragma('wal_autocheckpoint = 40000');
  registerFunctions(conn);
}

export async function openDatabase(file: string, key: Buffer, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrationsUpTo === undefined ? MIGRATIONS : MIGRATIONS.slice(0, options.migrationsUpTo);
  const ds = new DataSource({
    type: 'better-sqlite3',
    driver: Sqlite,
    database: file,
    ...(nativeBinding ? { nativeBinding } : {}),
    fileMustExist: !options.create,
    entities: ENTITIES,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // TypeORM keeps prepared statements FIFO, 100 by default: the team server's mix of queries
    // (IN lists of every length) evicted its own hot statements and prepared them again per call.
    statementCacheSize: 2000,
    prepareDatabase: (conn: RawDb) => {
      applyKey(conn, key);
      configureConnection(conn);
    },
  });
  try {
    await ds.initialize();
  } catch (e) {
    if (e instanceof LoketError) throw e;
    if ((e as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new LoketError('opslag', `Databasebestand ${file} bestaat niet. Maak het eerst aan met 'loket init'.`);
    }
    throw e;
  }
  const raw = (ds.driver as unknown as { databaseConnection: RawDb }).databaseConnection;
  await runMigrations(ds, raw);
  // Planner statistics for tables that lack them (a fresh or bulk-loaded database): without them
  // SQLite picks slow plans for the werkvoorraad. Cheap when the statistics are current.
  raw.pragma('optimize = 0x10002');
  return makeDb(file, ds, raw, options.quietMs ?? QUIET_MS);
}

/**
 * Migrations that rebuild a table would cascade-delete child rows with foreign keys on, so they
 * run with foreign keys off, and a foreign_key_check afterwards must come back empty.
 */
async function runMigrations(ds: DataSource, raw: RawDb): Promise<void> {
  if (!(await ds.showMigrations())) return;
  raw.pragma('foreign_keys = OFF');
  try {
    await ds.runMigrations({ transaction: 'each' });
    const problems = raw.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) {
      throw new LoketError('opslag', `Na het bijwerken van de database kloppen ${problems.length} verwijzingen niet. Zet de laatste back-up terug en neem contact op met de beheerder.`);
    }
  } finally {
    raw.pragma('foreign_keys = ON');
  }
}

/** How long the log entries of reads may wait for the disk (see makeDb). */
export const READ_LOG_SYNC_MS = 1000;

/** How long the store must go without a call before it does its quiet work (`Db.quietWork`). */
export const QUIET_MS = 15_000;

/**
 * Commits of changes wait for the disk (synchronous FULL, one fsync of the WAL). A call that only
 * reads still writes its access-log entries, and waiting for an fsync on every search made the
 * fsync the largest cost of a busy server. So a read commits with synchronous NORMAL: in WAL mode
 * that is never corrupt, and its entries reach the disk with the next change (an fsync of the WAL
 * covers every frame before it) or, at the latest, READ_LOG_SYNC_MS later. A power cut can thus
 * lose the log entries of the last second of reading, never a change or the entries that record
 * it. The log anchor is written only for a head that is on disk.
 */
function makeDb(file: string, ds: DataSource, raw: RawDb, quietMs: number): Db {
  let queue: Promise<unknown> = Promise.resolve();
  let unsynced: NodeJS.Timeout | null = null;
  let lastCall = Date.now();
  let working = false;
  let closing = false;
  // Slices of quiet work, one transaction each, queued behind the calls like any write; it goes
  // on while the store stays quiet, and does one slice per tick while busy (if it says so).
  const quietTick = async () => {
    const work = db.quietWork;
    if (working || closing || !work) return;
    working = true;
    try {
      for (;;) {
        const busy = Date.now() - lastCall < quietMs;
        if (!work.due(raw, busy)) break;
        const more = await run(() => work.slice(raw), false);
        if (!more || busy || closing) break;
        await new Promise((r) => setImmediate(r));
      }
    } catch {
      // Derived data only: the next tick tries again, and readers never depend on it being done.
    } finally {
      working = false;
    }
  };
  const quietTimer = setInterval(() => void quietTick(), quietMs);
  quietTimer.unref();
  const syncReads = () => {
    if (unsynced) clearTimeout(unsynced);
    unsynced = null;
    try {
      const fd = openSync(`${file}-wal`, 'r+');
      try { fsyncSync(fd); } finally { closeSync(fd); }
    } catch {
      // No WAL file (checkpointed and truncated): everything is in the database file already.
    }
    db.onCommit?.();
  };
  const db: Db = {
    file,
    ds,
    raw,
    onCommit: null,
    quietWork: null,
    write<T>(fn: (m: EntityManager) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
      lastCall = Date.now();
      return run(fn, options.durable ?? true);
    },
    async close() {
      closing = true;
      clearInterval(quietTimer);
      await queue;
      if (unsynced) syncReads();
      if (!ds.isInitialized) return;
      // Keeps the query planner's statistics current (SQLite's advice: run it before closing).
      raw.pragma('optimize');
      raw.pragma('wal_checkpoint(TRUNCATE)');
      await ds.destroy();
    },
  };
  function run<T>(fn: (m: EntityManager) => Promise<T> | T, durable: boolean): Promise<T> {
    const result = queue.then(async () => {
      if (!durable) prepared(raw, 'PRAGMA synchronous = NORMAL').run();
      try {
        return await ds.transaction(async (m) => {
          // Take the write lock first, as BEGIN IMMEDIATE would: a writer in another process then
          // makes us wait (busy_timeout) instead of failing later with SQLITE_BUSY_SNAPSHOT.
          prepared(raw, 'DELETE FROM settings WHERE 0').run();
          return fn(m);
        });
      } finally {
        if (!durable) prepared(raw, 'PRAGMA synchronous = FULL').run();
      }
    }).then((value) => {
      if (durable) {
        if (unsynced) clearTimeout(unsynced);
        unsynced = null;
        db.onCommit?.();
      } else if (!unsynced) {
        unsynced = setTimeout(() => { queue = queue.then(syncReads); }, READ_LOG_SYNC_MS);
        unsynced.unref();
      }
      return value;
    });
    queue = result.catch(() => undefined);
    return result;
  }
  return db;
}
