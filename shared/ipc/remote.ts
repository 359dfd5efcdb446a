import type { CallResult, LoketCall } from './channels';

/**
 * The router over HTTPS (the team server), as the same `call(channel, input)` as the local one.
 * Used by the renderer in a browser (the session cookie plus a CSRF header) and by the Electron
 * main process in server mode (a bearer token, never handed to the renderer). Login and logout
 * are the channels session.unlock and session.lock, so the screens do not know the transport.
 */

/** The part of fetch this needs (window.fetch, Electron's net.fetch and Node's fetch all fit). */
export type FetchLike = (url: string, init: {
  method: string;
  headers: Record<string, string>;
  body?: string;
  credentials?: 'same-origin';
}) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface RemoteOptions {
  /** The server's base URL ('' in a browser: the page's own origin). */
  base: string;
  fetch: FetchLike;
  /** 'cookie': a browser (the token stays in an HttpOnly cookie); 'bearer': the desktop app. */
  mode: 'cookie' | 'bearer';
  /** The workstation's name, for the server's access log. */
  werkplek?: string;
}

type Failure = { ok: false; error: { code: string; message: string; field?: string } };

const UNREACHABLE: Failure = {
  ok: false,
  error: { code: 'extern', message: 'De server van Sociaal Loket is niet bereikbaar. Controleer de verbinding en probeer het opnieuw; uw invoer is bewaard.' },
};

function failure(body: unknown, fallback: string): Failure {
  const e = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return { ok: false, error: { code: e.code, message: e.message, ...(typeof e.field === 'string' ? { field: e.field } : {}) } };
  }
  return { ok: false, error: { code: 'extern', message: fallback } };
}

export function createRemoteCall(o: RemoteOptions): LoketCall {
  let token: string | null = null;
  let csrf: string | null = null;

  const headers = (): Record<string, string> => ({
    'content-type': 'application/json',
    ...(o.werkplek ? { 'x-loket-werkplek': o.werkplek } : {}),
    ...(o.mode === 'bearer' && token ? { authorization: `Bearer ${token}` } : {}),
    ...(o.mode === 'cookie' && csrf ? { 'x-loket-csrf': csrf } : {}),
  });

  async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await o.fetch(`${o.base}${path}`, {
      method, headers: headers(), credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    let parsed: unknown = null;
    try {
      parsed = await res.json();
    } catch { /* an empty or non-JSON answer */ }
    return { status: res.status, body: parsed };
  }

  function sessionInfo(b: unknown) {
    const v = b as { user?: unknown; gemeenteNaam?: unknown; draftKey?: unknown };
    return { user: v.user ?? null, gemeenteNaam: v.gemeenteNaam ?? null, draftKey: v.draftKey ?? null };
  }

  async function call(channel: string, input: unknown): Promise<CallResult<never> | Failure | { ok: true; value: unknown }> {
    try {
      if (channel === 'session.unlock') {
        const r = await send('POST', '/api/login', { ...(input as object), client: o.mode === 'cookie' ? 'browser' : 'desktop' });
        if (r.status !== 200) return failure(r.body, 'Inloggen lukt nu niet. Probeer het opnieuw.');
        const b = r.body as { token?: string; csrf: string };
        token = b.token ?? null;
        csrf = b.csrf;
        return { ok: true, value: sessionInfo(b) };
      }
      if (channel === 'session.lock') {
        if (token || csrf) await send('POST', '/api/logout');
        token = null;
        csrf = null;
        return { ok: true, value: { ok: true } };
      }
      if (channel === 'session.current' && o.mode === 'cookie') {
        // After a reload the cookie may still hold a session; its CSRF token comes with the answer.
        const r = await send('GET', '/api/session');
        if (r.status !== 200) return { ok: true, value: { user: null, gemeenteNaam: null, draftKey: null } };
        csrf = (r.body as { csrf: string }).csrf;
        return { ok: true, value: sessionInfo(r.body) };
      }
      if (channel === 'session.current' && !token) return { ok: true, value: { user: null, gemeenteNaam: null, draftKey: null } };
      const r = await send('POST', '/api/call', { channel, input });
      if (r.status === 401) {
        token = null;
        csrf = null;
      }
      if (r.status !== 200) return failure(r.body, 'De server weigerde dit verzoek. Log opnieuw in en probeer het nog eens.');
      return r.body as CallResult<never>;
    } catch {
      return UNREACHABLE;
    }
  }

  return call as LoketCall;
}
