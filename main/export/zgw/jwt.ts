/**
 * ZGW JWT ("JWT-Claims" security scheme of the VNG ZGW APIs, as Open Zaak implements it):
 * HS256, header {"typ":"JWT","alg":"HS256"}, payload in this exact order:
 * {iss, iat, client_id, user_id, user_representation}. A fresh token for every call.
 *
 * The serialization is compact JSON (JSON.stringify, no spaces) in claim order, base64url
 * without padding. This reproduces the worked example of Open Zaak's
 * docs/client-development/authentication.rst byte for byte (see test/integration/zgw-jwt.test.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ZgwJwtClaims {
  /** The client id (the issuer); also sent as client_id. */
  clientId: string;
  /** Unix time in whole seconds. */
  iat: number;
  /** Unique id of the end user (the consultant), for the audit trail. */
  userId: string;
  /** Display name of the end user, for the audit trail. */
  userRepresentation: string;
}

const HEADER = { typ: 'JWT', alg: 'HS256' } as const;

function b64url(json: unknown): string {
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/** Signs a ZGW JWT. Claims are emitted in the documented order; the caller chooses iat. */
export function signZgwJwt(claims: ZgwJwtClaims, secret: string): string {
  if (!claims.clientId) throw new Error('ZGW JWT: client_id ontbreekt');
  if (!Number.isInteger(claims.iat)) throw new Error('ZGW JWT: iat moet een geheel aantal seconden zijn');
  const payload = {
    iss: claims.clientId,
    iat: claims.iat,
    client_id: claims.clientId,
    user_id: claims.userId,
    user_representation: claims.userRepresentation,
  };
  const signingInput = `${b64url(HEADER)}.${b64url(payload)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** A fresh token for "now" (Open Zaak rejects tokens more than an hour past iat). */
export function freshZgwJwt(
  c: Omit<ZgwJwtClaims, 'iat'>,
  secret: string,
  nowMs: number = Date.now(),
): string {
  return signZgwJwt({ ...c, iat: Math.floor(nowMs / 1000) }, secret);
}

export interface VerifiedZgwJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * Verifies an HS256 token against the secret (constant-time compare) and returns its decoded
 * parts, or null when the format, algorithm or signature is wrong. Used by the test server; a
 * real provider does the same before it asks the Autorisaties API.
 */
export function verifyZgwJwt(token: string, secret: string): VerifiedZgwJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (header?.alg !== 'HS256') return null;
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { header, payload };
}
