/**
 * A small client for the VNG ZGW APIs the desk exports to: Zaken 1.5.1, Documenten 1.4.3,
 * Besluiten 1.0.2. Plain Node (global fetch), never Electron.
 *
 * - every call gets a fresh ZGW JWT (HS256) carrying the consultant as user_id/user_representation;
 * - every call to the Zaken API carries `Accept-Crs: EPSG:4326` and `Content-Crs: EPSG:4326`
 *   (the 1.5.1 spec requires both on POST and GET /zaken; harmless on its other resources);
 * - 4xx (except 429) → ZgwClientError with the server's problem+json and a Dutch message that
 *   names the refused field; 5xx, 429, network failure and timeout → ZgwTransientError
 *   (retryable, see withRetry).
 */
import { LoketError } from '../../../shared/errors';
import { freshZgwJwt } from './jwt';
import type {
  Besluit,
  BesluitCreate,
  BesluitInformatieObject,
  BesluitInformatieObjectCreate,
  EnkelvoudigInformatieObject,
  EnkelvoudigInformatieObjectCreate,
  FieldValidationError,
  Resultaat,
  ResultaatCreate,
  Rol,
  RolNatuurlijkPersoonCreate,
  Status,
  StatusCreate,
  WithUrl,
  Zaak,
  ZaakCreate,
  ZaakInformatieObject,
  ZaakInformatieObjectCreate,
} from './types';

export const ZGW_CRS = 'EPSG:4326';

export interface ZgwUser {
  /** Unique id of the consultant (goes into the zaaksysteem's audit trail). */
  id: string;
  /** The consultant's name as shown in the audit trail. */
  representation: string;
}

export interface ZgwClientConfig {
  /** e.g. https://zaken.gemeente.nl/zaken/api/v1 (no trailing slash needed) */
  zakenUrl: string;
  documentenUrl: string;
  besluitenUrl: string;
  clientId: string;
  secret: string;
  user: ZgwUser;
  fetch?: typeof fetch;
  /** Per request (headers and body). Default 30 s. */
  timeoutMs?: number;
  /** Clock for the JWT's iat (tests). */
  now?: () => number;
  /** Sent as X-Audit-Toelichting on writes when set. */
  auditToelichting?: string;
}

/** problem+json body as the ZGW APIs send it (Fout / ValidatieFout). */
export interface ZgwProblem {
  type?: string;
  code?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  invalidParams?: FieldValidationError[];
}

export type ZgwApi = 'zaken' | 'documenten' | 'besluiten';

/** The zaaksysteem refused the request (4xx). Not retryable: the request must change. */
export class ZgwClientError extends LoketError {
  constructor(
    readonly status: number,
    readonly problem: ZgwProblem,
    readonly method: string,
    readonly url: string,
  ) {
    super('extern', dutchClientMessage(status, problem), problem.invalidParams?.[0]?.name);
    this.name = 'ZgwClientError';
  }
  get invalidParams(): FieldValidationError[] {
    return this.problem.invalidParams ?? [];
  }
}

export type ZgwTransientKind = 'server' | 'network' | 'timeout' | 'rate-limit';

/** The zaaksysteem is unreachable, slow or failing (5xx, 429, network, timeout): retry later. */
export class ZgwTransientError extends LoketError {
  constructor(
    readonly kind: ZgwTransientKind,
    readonly method: string,
    readonly url: string,
    readonly status?: number,
    readonly problem?: ZgwProblem,
    options?: { cause?: unknown },
  ) {
    super('extern', dutchTransientMessage(kind, status));
    this.name = 'ZgwTransientError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

function dutchClientMessage(status: number, p: ZgwProblem): string {
  const params = p.invalidParams ?? [];
  if (params.length > 0) {
    return params
      .map((ip) => `Het zaaksysteem weigert veld '${ip.name}': ${ip.reason}${ip.code ? ` (${ip.code})` : ''}`)
      .join('; ')
      .concat('. Pas de gegevens aan en probeer het opnieuw.');
  }
  const what = [p.title, p.detail].filter(Boolean).join(': ');
  if (status === 401 || status === 403) {
    return `Het zaaksysteem weigert de toegang (${status}${what ? `, ${what}` : ''}). Controleer client-id, secret en autorisaties bij functioneel beheer.`;
  }
  if (status === 404) return `Het zaaksysteem kent het gevraagde object niet (404${what ? `, ${what}` : ''}).`;
  return `Het zaaksysteem weigert het verzoek (${status}${what ? `, ${what}` : ''}).`;
}

function dutchTransientMessage(kind: ZgwTransientKind, status?: number): string {
  switch (kind) {
    case 'timeout':
      return 'Het zaaksysteem antwoordt niet op tijd. De export wordt later opnieuw geprobeerd.';
    case 'network':
      return 'Het zaaksysteem is niet bereikbaar. De export wordt later opnieuw geprobeerd.';
    case 'rate-limit':
      return 'Het zaaksysteem vraagt even te wachten (429). De export wordt later opnieuw geprobeerd.';
    default:
      return `Het zaaksysteem heeft een storing (${status ?? 'onbekend'}). De export wordt later opnieuw geprobeerd.`;
  }
}

/** A list answer: paginated ({count, next, results}) or a plain array (ZIO, BIO). */
type ListBody<T> = T[] | { count?: number; next?: string | null; results: T[] };

export interface ZgwClient {
  readonly config: Readonly<Omit<ZgwClientConfig, 'secret'>>;
  createZaak(body: ZaakCreate): Promise<WithUrl<Zaak>>;
  findZaken(q: { identificatie: string; bronorganisatie: string }): Promise<WithUrl<Zaak>[]>;
  createRol(body: RolNatuurlijkPersoonCreate): Promise<WithUrl<Rol>>;
  findRollen(q: {
    zaak: string;
    roltype?: string;
    betrokkeneType?: string;
  }): Promise<WithUrl<Rol>[]>;
  createStatus(body: StatusCreate): Promise<WithUrl<Status>>;
  findStatussen(q: { zaak: string; statustype?: string }): Promise<WithUrl<Status>[]>;
  createEnkelvoudigInformatieObject(body: EnkelvoudigInformatieObjectCreate): Promise<WithUrl<EnkelvoudigInformatieObject>>;
  findEnkelvoudigInformatieObjecten(q: {
    identificatie: string;
    bronorganisatie: string;
  }): Promise<WithUrl<EnkelvoudigInformatieObject>[]>;
  createZaakInformatieObject(body: ZaakInformatieObjectCreate): Promise<WithUrl<ZaakInformatieObject>>;
  findZaakInformatieObjecten(q: { zaak: string; informatieobject?: string }): Promise<WithUrl<ZaakInformatieObject>[]>;
  createBesluit(body: BesluitCreate): Promise<WithUrl<Besluit>>;
  findBesluiten(q: { identificatie: string; verantwoordelijkeOrganisatie: string }): Promise<WithUrl<Besluit>[]>;
  createBesluitInformatieObject(body: BesluitInformatieObjectCreate): Promise<WithUrl<BesluitInformatieObject>>;
  findBesluitInformatieObjecten(q: {
    besluit: string;
    informatieobject?: string;
  }): Promise<WithUrl<BesluitInformatieObject>[]>;
  createResultaat(body: ResultaatCreate): Promise<WithUrl<Resultaat>>;
  findResultaten(q: { zaak: string; resultaattype?: string }): Promise<WithUrl<Resultaat>[]>;
  /** GET an object by its URL (must lie under one of the configured API roots). */
  get<T>(url: string): Promise<WithUrl<T>>;
}

const MAX_PAGES = 20;
/** No ZGW answer this client reads comes near this; a bigger one is refused, not buffered. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** A refusal by this client itself (not by the server): never retried, the job stops with the reason. */
export class ZgwRefusedError extends LoketError {
  constructor(message: string) {
    super('extern', message);
    this.name = 'ZgwRefusedError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** https only; plain http only to this computer itself (the test server). */
export function zgwUrlProblem(url: string, label: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `De ${label} '${url}' is geen geldige URL.`;
  }
  if (u.username || u.password) return `De ${label} mag geen gebruikersnaam of wachtwoord bevatten.`;
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return null;
  return `De ${label} '${url}' moet met https:// beginnen: gegevens van cliënten gaan nooit onversleuteld over het netwerk.`;
}

/** Reads a body up to `max` bytes; a longer one is cancelled and refused. */
async function readCapped(res: Response, max: number, method: string, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooBig = () => new ZgwRefusedError(`Het antwoord van de ZGW-server op ${method} ${url} is groter dan ${max / 1024 / 1024} MB en is geweigerd.`);
  if (declared > max) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isRedirectRefusal(e: unknown): boolean {
  const cause = (e as { cause?: { message?: string } })?.cause;
  return /redirect/i.test(`${(e as Error)?.message ?? ''} ${cause?.message ?? ''}`);
}

export function createZgwClient(config: ZgwClientConfig): ZgwClient {
  const doFetch = config.fetch ?? globalThis.fetch;
  const timeoutMs = config.timeoutMs ?? 30_000;
  const now = config.now ?? Date.now;
  for (const [url, label] of [[config.zakenUrl, 'URL van de Zaken API'], [config.documentenUrl, 'URL van de Documenten API'], [config.besluitenUrl, 'URL van de Besluiten API']] as const) {
    const problem = zgwUrlProblem(url, label);
    if (problem) throw new ZgwRefusedError(problem);
  }
  // TLS certificates are always checked: a process started with verification off may not export.
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    throw new ZgwRefusedError('De controle van TLS-certificaten staat uit (NODE_TLS_REJECT_UNAUTHORIZED=0); zo exporteert Sociaal Loket niet. Zet de controle weer aan.');
  }
  const roots: Record<ZgwApi, string> = {
    zaken: config.zakenUrl.replace(/\/+$/, ''),
    documenten: config.documentenUrl.replace(/\/+$/, ''),
    besluiten: config.besluitenUrl.replace(/\/+$/, ''),
  };

  function apiOf(url: string): ZgwApi {
    for (const api of ['zaken', 'documenten', 'besluiten'] as const) {
      if (url === roots[api] || url.startsWith(roots[api] + '/')) return api;
    }
    throw new Error(`ZGW: URL valt buiten de ingestelde API's: ${url}`);
  }

  async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
    const api = apiOf(url);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${freshZgwJwt(
        { clientId: config.clientId, userId: config.user.id, userRepresentation: config.user.representation },
        config.secret,
        now(),
      )}`,
    };
    // The Zaken spec requires both on /zaken, for GET too; harmless on its other resources.
    if (api === 'zaken') {
      headers['Accept-Crs'] = ZGW_CRS;
      headers['Content-Crs'] = ZGW_CRS;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      if (config.auditToelichting) headers['X-Audit-Toelichting'] = config.auditToelichting;
    }
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        // A redirect would re-send the body (with the BSN) to wherever the server points.
        redirect: 'error',
      });
      text = await readCapped(res, MAX_RESPONSE_BYTES, method, url);
    } catch (e) {
      if (e instanceof ZgwRefusedError) throw e;
      if (isRedirectRefusal(e)) {
        throw new ZgwRefusedError(`De ZGW-server stuurde ${method} ${url} door naar een ander adres. Sociaal Loket volgt geen doorverwijzingen: de gegevens zouden dan naar een onbekende server gaan. Controleer de URL's in de instellingen.`);
      }
      const timedOut = signal.aborted || (e as Error)?.name === 'TimeoutError';
      throw new ZgwTransientError(timedOut ? 'timeout' : 'network', method, url, undefined, undefined, { cause: e });
    }
    const parsed = parseJson(text);
    if (res.status >= 200 && res.status < 300) {
      if (parsed === undefined) {
        // A 2xx without a readable body: the object may exist; treat as transient so the
        // step machine looks it up before trying again.
        throw new ZgwTransientError('network', method, url, res.status);
      }
      return parsed as T;
    }
    const problem: ZgwProblem =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as ZgwProblem)
        : { status: res.status, title: res.statusText };
    if (res.status === 429) throw new ZgwTransientError('rate-limit', method, url, res.status, problem);
    if (res.status >= 400 && res.status < 500) throw new ZgwClientError(res.status, problem, method, url);
    throw new ZgwTransientError('server', method, url, res.status, problem);
  }

  function post<T>(api: ZgwApi, resource: string, body: unknown): Promise<WithUrl<T>> {
    return request<WithUrl<T>>('POST', `${roots[api]}/${resource}`, body);
  }

  async function list<T>(api: ZgwApi, resource: string, query: Record<string, string | undefined>): Promise<WithUrl<T>[]> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, v);
    let url: string | null = `${roots[api]}/${resource}?${qs.toString()}`;
    const out: WithUrl<T>[] = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const body: ListBody<WithUrl<T>> = await request<ListBody<WithUrl<T>>>('GET', url);
      if (Array.isArray(body)) return out.concat(body);
      out.push(...(body.results ?? []));
      url = body.next ?? null;
      if (url) apiOf(url); // never follow a `next` outside the configured roots
    }
    return out;
  }

  return {
    config: {
      zakenUrl: roots.zaken,
      documentenUrl: roots.documenten,
      besluitenUrl: roots.besluiten,
      clientId: config.clientId,
      user: { ...config.user },
      timeoutMs,
    },
    createZaak: (b) => post<Zaak>('zaken', 'zaken', b),
    findZaken: (q) => list<Zaak>('zaken', 'zaken', q),
    createRol: (b) => post<Rol>('zaken', 'rollen', b),
    findRollen: (q) => list<Rol>('zaken', 'rollen', q),
    createStatus: (b) => post<Status>('zaken', 'statussen', b),
    findStatussen: (q) => list<Status>('zaken', 'statussen', q),
    createEnkelvoudigInformatieObject: (b) =>
      post<EnkelvoudigInformatieObject>('documenten', 'enkelvoudiginformatieobjecten', b),
    findEnkelvoudigInformatieObjecten: (q) =>
      list<EnkelvoudigInformatieObject>('documenten', 'enkelvoudiginformatieobjecten', q),
    createZaakInformatieObject: (b) => post<ZaakInformatieObject>('zaken', 'zaakinformatieobjecten', b),
    findZaakInformatieObjecten: (q) => list<ZaakInformatieObject>('zaken', 'zaakinformatieobjecten', q),
    createBesluit: (b) => post<Besluit>('besluiten', 'besluiten', b),
    findBesluiten: (q) => list<Besluit>('besluiten', 'besluiten', q),
    createBesluitInformatieObject: (b) => post<BesluitInformatieObject>('besluiten', 'besluitinformatieobjecten', b),
    findBesluitInformatieObjecten: (q) => list<BesluitInformatieObject>('besluiten', 'besluitinformatieobjecten', q),
    createResultaat: (b) => post<Resultaat>('zaken', 'resultaten', b),
    findResultaten: (q) => list<Resultaat>('zaken', 'resultaten', q),
    get: <T>(url: string) => request<WithUrl<T>>('GET', url),
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface RetryOptions {
  /** Total attempts including the first. Default 5. */
  attempts?: number;
  /** Delay before the 2nd attempt; doubles each time. Default 500 ms. */
  baseMs?: number;
  /** Upper bound of one delay. Default 30 s. */
  maxMs?: number;
  /** Fraction 0..1 of each delay that is randomized away (0 = none, 1 = "full jitter"). Default 0.5. */
  jitter?: number;
  signal?: AbortSignal;
  /** Called before sleeping for a retry. */
  onRetry?: (error: ZgwTransientError, attempt: number, delayMs: number) => void;
  /** For tests. */
  random?: () => number;
}

/**
 * Retries `fn` on ZgwTransientError only, with exponential backoff and jitter. Any other error
 * (ZgwClientError / 4xx included) is thrown at once. The last transient error is rethrown when
 * the attempts run out.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5);
  const baseMs = opts.baseMs ?? 500;
  const maxMs = opts.maxMs ?? 30_000;
  const jitter = Math.min(1, Math.max(0, opts.jitter ?? 0.5));
  const random = opts.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (e) {
      if (!(e instanceof ZgwTransientError) || attempt >= attempts) throw e;
      const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const delay = Math.round(exp * (1 - jitter * random()));
      opts.onRetry?.(e, attempt, delay);
      await sleep(delay, opts.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
