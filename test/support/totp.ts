import { totpCode } from '../../main/auth/totp';

const PERIOD_MS = 30_000;

/** The TOTP time step of a moment (30-second periods since the epoch, RFC 6238). */
export function stepOf(ms = Date.now()): number {
  return Math.floor(ms / PERIOD_MS);
}

/** The code for one time step. */
export function codeForStep(secret: string, step: number): string {
  return totpCode(secret, step * PERIOD_MS);
}

/**
 * Plays the authenticator app for one secret the way a person uses it: the server accepts each
 * code once (RFC 6238 §5.2), so every code handed out is for a step newer than the last one. The
 * server allows one step of drift, so the next step's code is usable at once; beyond that this
 * waits, as a person waits for the app to show a new code.
 */
export class Authenticator {
  private last = Number.NEGATIVE_INFINITY;

  constructor(readonly secret: string) {}

  async next(): Promise<string> {
    const current = stepOf();
    const step = Math.max(current, this.last + 1);
    if (step > current + 1) await new Promise((r) => setTimeout(r, (step - 1) * PERIOD_MS - Date.now() + 100));
    this.last = step;
    return codeForStep(this.secret, step);
  }
}
