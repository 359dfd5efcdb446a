/**
 * Back-off for failed logins, per username and per address: five failures in a minute are
 * allowed; the sixth attempt is refused (HTTP 429) until the minute has passed, and every
 * further lockout doubles the wait (capped at 15 minutes). A success clears the username.
 */

interface Entry {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxFailures = 5, readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  /** Seconds to wait, or 0 when an attempt may be made. */
  retryAfter(keys: string[]): number {
    const t = this.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (!e) continue;
      e.failures = e.failures.filter((f) => t - f < this.windowMs);
      if (e.lockedUntil > t) wait = Math.max(wait, e.lockedUntil - t);
      else if (e.failures.length >= this.maxFailures) {
        e.lockouts++;
        e.lockedUntil = t + Math.min(this.windowMs * 2 ** (e.lockouts - 1), 15 * 60_000);
        wait = Math.max(wait, e.lockedUntil - t);
      }
    }
    return Math.ceil(wait / 1000);
  }

  fail(keys: string[]): void {
    const t = this.now();
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: [], lockedUntil: 0, lockouts: 0 };
      e.failures.push(t);
      this.entries.set(k, e);
    }
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}
