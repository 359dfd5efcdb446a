import { z } from 'zod';
import { LoketError } from '../shared/errors';
import { todayIso } from '../shared/today';
import { inputTextProblem } from '../shared/text';
import { CHANNELS, isChannel, type CallResult, type ChannelName } from '../shared/ipc/channels';
import { mayCall } from '../shared/ipc/access';
import type { AnchorConfig } from './anchor';
import { appendLog } from './auditlog';
import type { KdfParams } from './db/keyslots';
import { checkHandlers, HANDLERS } from './handlers';
import type { HandlerContext, SessionControl } from './services/context';
import { GEBRUIKER_INGETROKKEN, idleMinutes, rereadSessionUser, SESSIE_VERLOPEN } from './session-guard';
import { lock, unlock, type Route, type Session } from './vault';

/**
 * The typed IPC router: the one door to the services. Electron's ipcMain.handle, the `loket` CLI
 * and the Playwright bridge all call `Router.call`. It validates input (zod), enforces roles
 * (auditors never write), runs the handler, validates the output, and turns every failure into
 * a Dutch message for a person — never a stack trace across the boundary, never a partial write
 * (a handler opens at most one transaction; the operations it calls share it).
 *
 * Sessions live in slots, not in the router: a call names the slot of its caller. The app, the CLI
 * and tests use the router's own slot (`router.local`, the default); a server keeps one slot per
 * client over the same router.
 */

export interface RouterOptions {
  dbFile: string;
  route: Route;
  /** Key-derivation cost for slots written in this session (tests use a cheap one). */
  kdf?: KdfParams;
  /** Where the access log's head is anchored outside the database (file, syslog). */
  anchor?: AnchorConfig;
  /** Today's date (ISO); tests pin it. */
  today?: () => string;
  /** Milliseconds since the epoch, for the idle lock; tests move it. */
  clock?: () => number;
  /** How a login opens a session; default: the user's key slot opens the database file (vault.unlock). */
  openSession?: (username: string, password: string) => Promise<Session>;
  /**
   * The team server: one database open for every slot, and the server's own idle and absolute
   * timeouts. Ending a slot's session then never closes the database.
   */
  sharedDatabase?: boolean;
}

/** Where one caller's session lives between calls: null until unlock and after lock. */
export interface SessionSlot {
  session: Session | null;
  /** When the person last did something through the router (clock ms), for the idle lock. */
  lastActivity?: number;
}

export interface CallOptions {
  /** The caller's session slot; default the router's own (`router.local`). */
  slot?: SessionSlot;
  /** A call the app makes by itself (the export timer): it does not count as activity. */
  background?: boolean;
}

export class Router {
  /** The slot of this process's own caller (the window, the CLI, a test). */
  readonly local: SessionSlot = { session: null, lastActivity: 0 };

  constructor(readonly options: RouterOptions) {
    checkHandlers(HANDLERS);
  }

  /** The local caller's session (read-only view of `local`). */
  get session(): Session | null {
    return this.local.session;
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  async call<C extends ChannelName>(channel: C | string, rawInput: unknown, opts: CallOptions = {}): Promise<CallResult<C>> {
    const slot = opts.slot ?? this.local;
    try {
      const value = await this.dispatch(channel, rawInput, slot);
      return { ok: true, value } as CallResult<C>;
    } catch (e) {
      return { ok: false, error: toErrorData(e) };
    } finally {
      if (!opts.background && !isIdleHeartbeat(channel, rawInput)) slot.lastActivity = this.now();
    }
  }

  private async dispatch(channel: string, rawInput: unknown, slot: SessionSlot): Promise<unknown> {
    if (!isChannel(channel)) throw new LoketError('invoer', `Onbekende opdracht '${channel}'.`);
    const def = CHANNELS[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToLoketError(parsed.error, rawInput);
    const text = inputTextProblem(def.input, parsed.data);
    if (text) throw new LoketError('invoer', `Veld '${text.path}' ${text.message}`, text.path);
    const ended = await this.guardSession(slot, channel, def.writes);
    const session = slot.session;
    if (def.roles !== 'public') {
      if (ended) throw new LoketError('vergrendeld', ended);
      if (!session) throw new LoketError('geen_toegang', 'U bent niet ingelogd of de sessie is vergrendeld. Log opnieuw in.');
      const roles = session.user.roles;
      if (!mayCall(roles, channel)) {
        await logRefusal(session, channel, def.writes, null, 'rol niet bevoegd');
        throw new LoketError('geen_toegang', ('refusal' in def && def.refusal) || `Uw rol (${roles.join(', ')}) mag dit niet doen (${channel}). Vraag een collega met de juiste rol.`);
      }
    }
    const handler = HANDLERS.get(channel) as (ctx: HandlerContext<Session | null>, input: unknown) => Promise<unknown>;
    const ctx: HandlerContext<Session | null> = {
      session, sessions: this.sessionControl(slot), today: this.options.today ?? (() => todayIso()), writes: def.writes,
    };
    let output: unknown;
    try {
      output = await handler(ctx, parsed.data);
    } catch (e) {
      // The call's transaction rolled back: a refusal by a service, or a failure that is not the
      // caller's input, is logged now, in a transaction of its own.
      const s = slot.session;
      if (s?.db.ds.isInitialized) {
        if (e instanceof LoketError && e.code === 'geen_toegang') {
          await logRefusal(s, channel, def.writes, e.clientId ?? null, 'geweigerd door de dienst');
        } else if (!(e instanceof LoketError) && !(e instanceof z.ZodError)) {
          await logRefusal(s, channel, def.writes, null, 'mislukt door een interne fout; niets opgeslagen', 'mislukt');
        }
      }
      throw e;
    }
    return def.output.parse(output);
  }

  /** The narrow interface a handler gets to change its caller's session. */
  private sessionControl(slot: SessionSlot): SessionControl {
    return {
      unlock: async (username, password) => {
        await this.close(slot);
        const o = this.options;
        const s = o.openSession
          ? await o.openSession(username, password)
          : await unlock({ file: o.dbFile, username, password, route: o.route, kdf: o.kdf, anchor: o.anchor, now: o.clock });
        slot.session = s;
        return s;
      },
      lock: () => this.close(slot),
    };
  }

  /**
   * Before every call: the session's user re-read from the database (a removed user's open session
   * ends here; changed roles or mandate count from this call on), and the idle lock. Returns why
   * the session ended, after logging the refused call and locking; null when it goes on.
   */
  private async guardSession(slot: SessionSlot, channel: string, writes: boolean): Promise<string | null> {
    const s = slot.session;
    if (!s || !s.db.ds.isInitialized) return null;
    const idle = idleMinutes(s);
    if (!this.options.sharedDatabase && this.now() - (slot.lastActivity ?? 0) > idle * 60_000) {
      await this.endSession(slot, `automatisch vergrendeld na ${idle} minuten zonder activiteit`, channel, writes);
      return SESSIE_VERLOPEN(idle);
    }
    const user = rereadSessionUser(s);
    if (!user) {
      await this.endSession(slot, 'sessie beëindigd: gebruiker verwijderd of uitgeschakeld', channel, writes);
      return GEBRUIKER_INGETROKKEN;
    }
    s.user = user;
    return null;
  }

  private async endSession(slot: SessionSlot, reason: string, channel: string | null, writes = false): Promise<void> {
    const s = slot.session;
    if (!s) return;
    if (channel) await logRefusal(s, channel, writes, null, reason);
    slot.session = null;
    if (!this.options.sharedDatabase) await lock(s, reason);
  }

  /** Locks when the idle time has passed; the Electron main process calls this on a timer. */
  async lockIfIdle(slot: SessionSlot = this.local): Promise<boolean> {
    const s = slot.session;
    if (!s || !s.db.ds.isInitialized) return false;
    const idle = idleMinutes(s);
    if (this.now() - (slot.lastActivity ?? 0) <= idle * 60_000) return false;
    await this.endSession(slot, `automatisch vergrendeld na ${idle} minuten zonder activiteit`, null);
    return true;
  }

  /** Locks at once with a reason for the log (system suspend, screen lock). */
  async lockNow(reason: string, slot: SessionSlot = this.local): Promise<void> {
    await this.endSession(slot, reason, null);
  }

  /** Locks the slot's session (default: the local one). */
  async close(slot: SessionSlot = this.local): Promise<void> {
    const s = slot.session;
    slot.session = null;
    if (s && !this.options.sharedDatabase) await lock(s);
  }
}

/** The renderer's heartbeat while nobody touches keyboard or mouse: not activity. */
function isIdleHeartbeat(channel: string, input: unknown): boolean {
  return channel === 'session.activity' && (input as { active?: unknown } | null)?.active !== true;
}

/** A refused or failed call, in a transaction of its own (the call's own, if any, was rolled back). */
function logRefusal(s: Session, channel: string, writes: boolean, clientId: number | null, detail: string,
  result: 'geweigerd' | 'mislukt' = 'geweigerd'): Promise<void> {
  return s.db.write(async () => {
    appendLog(s.db.raw, {
      actor: s.user.username, role: s.user.roles.join(','), action: writes ? 'wijzigen' : 'lezen',
      objectType: channel, clientId, result, origin: s.origin, detail,
    });
  });
}

export function createRouter(options: RouterOptions): Router {
  return new Router(options);
}


const DUTCH_TYPES: Record<string, string> = {
  string: 'tekst', number: 'een getal', int: 'een heel getal', boolean: 'ja of nee', object: 'een groep velden',
  array: 'een lijst', date: 'een datum', bigint: 'een getal',
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** The first problem, as a Dutch sentence that names the field. */
export function zodToLoketError(error: z.ZodError, input?: unknown): LoketError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const label = field ? `Veld '${field}'` : 'De invoer';
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const value = valueAt(input, issue.path);
    message = value === undefined || value === null
      ? 'ontbreekt. Vul het in.'
      : `heeft niet de goede vorm: hier hoort ${DUTCH_TYPES[issue.expected] ?? issue.expected}.`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `bevat onbekende velden (${issue.keys.join(', ')}).`;
  }
  return new LoketError('invoer', `${label} ${/^[a-z]/.test(message) ? message : `: ${message}`}`.replace(' : ', ': '), field || undefined);
}

function toErrorData(e: unknown): { code: string; message: string; field?: string } {
  if (e instanceof LoketError) return e.toJSON();
  if (e instanceof z.ZodError) return zodToLoketError(e).toJSON();
  // Unknown failure: say something useful, keep details (which may hold personal data) out of it.
  return { code: 'intern', message: 'Er ging iets mis in Sociaal Loket. Uw invoer is niet opgeslagen; probeer het opnieuw of meld het aan de beheerder.' };
}
