import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { LoketError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { IsNull, LessThan, Or, type EntityManager } from 'typeorm';
import type { Db } from '../db/database';
import { UserCredentialEntity } from '../db/entities';
import { credentialsOf, hashRecoveryCode, isServerMode } from '../db/verifiers';
import { logAccess, type HandlerContext } from '../services/context';
import { inTransaction } from '../transaction';

/**
 * The second factor (BIO: strong authentication for privileged access): TOTP (RFC 6238) with the
 * otpauth library, enrolled by scanning a QR code, plus ten one-time recovery codes. Required in
 * team-server mode for beheerders and besluitbevoegden; other roles may enable it.
 */

export const TOTP_REQUIRED_FOR: readonly Role[] = ['beheerder', 'besluitbevoegd'];

export function totpRequired(roles: readonly string[]): boolean {
  return roles.some((r) => (TOTP_REQUIRED_FOR as readonly string[]).includes(r));
}

function totpFor(secretBase32: string, label = 'gebruiker'): TOTP {
  return new TOTP({ issuer: 'Sociaal Loket', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** A code for the current time (tests and the benchmark play the authenticator app with it). */
export function totpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}

/**
 * The time step a code belongs to, or null when it fits none: one step of clock drift either way,
 * as RFC 6238 advises.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

export const TOTP_REUSED = 'Deze code is al gebruikt. Wacht op de volgende code van uw app.';

/**
 * RFC 6238 §5.2: a code is accepted once. Takes the step only when it is newer than the last
 * accepted one, in one statement, so two logins racing with the same code cannot both win.
 * Inside a running write.
 */
async function claimStep(m: EntityManager, userId: number, step: number): Promise<boolean> {
  const res = await m.update(UserCredentialEntity, { userId, totpLastStep: Or(IsNull(), LessThan(step)) }, { totpLastStep: step });
  return res.affected === 1;
}

export function isTotpEnrolled(db: Db, userId: number): boolean {
  return credentialsOf(db, userId)?.totp_confirmed_at != null;
}

/**
 * Checks a TOTP code (accepted once: its time step must be newer than the last accepted one) or,
 * failing that, a one-time recovery code (which is then used up).
 * Inside no transaction: takes its own write when a code is accepted.
 */
export async function checkSecondFactor(db: Db, userId: number, code: string, now = Date.now()): Promise<'ok' | 'wrong' | 'reused'> {
  const row = credentialsOf(db, userId);
  if (!row?.totp_secret || !row.totp_confirmed_at) return 'wrong';
  if (/^\d{6}$/.test(code.replace(/\s/g, ''))) {
    const step = totpStep(row.totp_secret, code, now);
    if (step === null) return 'wrong';
    return (await db.write((m) => claimStep(m, userId, step))) ? 'ok' : 'reused';
  }
  const hashed = hashRecoveryCode(code);
  const codes = JSON.parse(row.recovery_codes) as string[];
  if (!codes.includes(hashed)) return 'wrong';
  await db.write((m) => m.update(UserCredentialEntity, { userId }, { recoveryCodes: codes.filter((c) => c !== hashed), updatedAt: new Date().toISOString() }));
  return 'ok';
}

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function recoveryCode(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += B32[b & 31];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

function requireServer(ctx: HandlerContext): void {
  if (!isServerMode(ctx.session.db)) {
    throw new LoketError('conflict', 'Tweestapsverificatie hoort bij de teamserver. Op deze werkplek met een lokale database is die niet nodig.');
  }
}

/** Starts enrollment: a fresh secret (not yet active) and its QR code. */
export async function beginTotp(ctx: HandlerContext) {
  requireServer(ctx);
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, ctx.session.user.username).toString();
  await inTransaction(ctx, async (tx) => {
    await tx.m.update(UserCredentialEntity, { userId: ctx.session.user.id },
      { totpSecret: secret, totpConfirmedAt: null, totpLastStep: null, updatedAt: new Date().toISOString() });
    logAccess(tx, { action: 'beheer', objectType: 'tweestapsverificatie', objectId: ctx.session.user.id, detail: 'inschrijving gestart' });
  });
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Confirms enrollment with a code from the app; returns the recovery codes, shown once. */
export async function confirmTotp(ctx: HandlerContext, input: { code: string }) {
  requireServer(ctx);
  const row = credentialsOf(ctx.session.db, ctx.session.user.id);
  if (!row?.totp_secret) throw new LoketError('conflict', 'Start eerst de inschrijving voor tweestapsverificatie.');
  const step = totpStep(row.totp_secret, input.code);
  if (step === null) {
    throw new LoketError('invoer', 'Deze code klopt niet. Typ de 6 cijfers die de app nu toont (ze wisselen elke 30 seconden).', 'code');
  }
  const codes = Array.from({ length: 10 }, recoveryCode);
  await inTransaction(ctx, async (tx) => {
    // The confirming code counts as used: it cannot log in a second time.
    if (!(await claimStep(tx.m, ctx.session.user.id, step))) throw new LoketError('invoer', TOTP_REUSED, 'code');
    const now = new Date().toISOString();
    await tx.m.update(UserCredentialEntity, { userId: ctx.session.user.id },
      { totpConfirmedAt: now, recoveryCodes: codes.map(hashRecoveryCode), updatedAt: now });
    logAccess(tx, { action: 'beheer', objectType: 'tweestapsverificatie', objectId: ctx.session.user.id, detail: 'ingeschakeld' });
  });
  return { recoveryCodes: codes };
}

export async function totpStatus(ctx: HandlerContext) {
  const server = isServerMode(ctx.session.db);
  return {
    serverMode: server,
    enrolled: server && isTotpEnrolled(ctx.session.db, ctx.session.user.id),
    required: server && totpRequired(ctx.session.user.roles),
  };
}
