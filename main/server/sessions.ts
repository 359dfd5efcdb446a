import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionSlot } from '../router';
import type { Session } from '../vault';

/**
 * Server-side sessions: an opaque random token (256 bits) is all the client holds; the server
 * keeps who it is, where it comes from and when it was last used. Idle and absolute timeouts;
 * logout, lock and removal end a session at once. Kept in memory: a restart logs everyone out,
 * which is the safe direction. Tokens are stored hashed, so a heap dump does not hand them out.
 */

export interface ServerSession {
  readonly id: string;
  readonly userId: number;
  readonly username: string;
  /** Workstation and address, for the access log's origin. */
  readonly origin: string;
  /** The browser's CSRF token (sent back in a header; cookies alone never authorize a call). */
  readonly csrf: string;
  readonly createdAt: number;
  lastSeen: number;
  /** Logged in with the password, but TOTP must be enrolled before anything else. */
  enrolling: boolean;
  /** The router's slot for this client: its Session over the server's one open database. */
  readonly slot: SessionSlot;
  /** Calls of this session still running (long jobs: batch printing, export), for the progress poll. */
  readonly running: Map<number, { channel: string; since: number }>;
}

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = { idleMs: 15 * 60_000, absoluteMs: 10 * 3600_000 };

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class SessionStore {
  private readonly byHash = new Map<string, ServerSession>();

  constructor(readonly timeouts: SessionTimeouts = DEFAULT_TIMEOUTS, private readonly now: () => number = Date.now) {}

  create(session: Session, enrolling: boolean): { token: string; session: ServerSession } {
    const { user, origin } = session;
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    const s: ServerSession = {
      id: randomBytes(8).toString('hex'), userId: user.id, username: user.username, origin,
      csrf: randomBytes(24).toString('base64url'), createdAt: t, lastSeen: t, enrolling,
      slot: { session, lastActivity: t }, running: new Map(),
    };
    this.byHash.set(hashToken(token), s);
    return { token, session: s };
  }

  /**
   * The live session for a token; null when unknown or timed out (and then gone). A use touches
   * the idle clock, except a background poll (`touch: false`), which is not the person working.
   */
  use(token: string | undefined, touch = true): ServerSession | null {
    if (!token) return null;
    const h = hashToken(token);
    const s = this.byHash.get(h);
    if (!s) return null;
    const t = this.now();
    if (t - s.lastSeen > this.timeouts.idleMs || t - s.createdAt > this.timeouts.absoluteMs) {
      this.byHash.delete(h);
      return null;
    }
    if (touch) s.lastSeen = t;
    return s;
  }

  end(token: string): ServerSession | null {
    const h = hashToken(token);
    const s = this.byHash.get(h) ?? null;
    this.byHash.delete(h);
    return s;
  }

  /** Ends every session of a user (removed, password reset). */
  endUser(userId: number): number {
    let n = 0;
    for (const [h, s] of this.byHash) {
      if (s.userId === userId) {
        this.byHash.delete(h);
        n++;
      }
    }
    return n;
  }

  /** The live sessions (timed-out ones are skipped, and dropped at their next use). */
  *live(): Iterable<ServerSession> {
    const t = this.now();
    for (const s of this.byHash.values()) {
      if (t - s.lastSeen <= this.timeouts.idleMs && t - s.createdAt <= this.timeouts.absoluteMs) yield s;
    }
  }

  get size(): number {
    return this.byHash.size;
  }
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
