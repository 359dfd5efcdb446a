/**
 * An in-memory ZGW test server (Zaken 1.5.1, Documenten 1.4.3, Besluiten 1.0.2) on 127.0.0.1.
 *
 * - Every request is validated against specs/zgw/validating/*.yaml by
 *   express-openapi-validator: one express app per API, mounted at /zaken, /documenten and
 *   /besluiten. The validator matches on the spec's `servers` path (/api/v1) against the
 *   mounted sub-app's req.url (`useRequestUrl`), so /zaken/api/v1/zaken is /api/v1/zaken there,
 *   the way Open Zaak serves /{component}/api/v1/.
 * - The Rol schema uses a `discriminator` without `oneOf` (the validator ignores it), so the
 *   server additionally validates `betrokkeneIdentificatie` against the mapped schema
 *   (e.g. RolNatuurlijkPersoon) of the same spec with Ajv.
 * - `Authorization: Bearer` must be an HS256 JWT signed with the configured secret, with
 *   client_id = the configured client id and iat not more than an hour old (Open Zaak's rule).
 * - Created objects are stored in memory (201 with `url`, `uuid` and the body); uniqueness that
 *   a real ZRC/DRC/BRC enforces (identificatie per bronorganisatie / verantwoordelijke
 *   organisatie; one resultaat per zaak) and the existence of referenced zaak/besluit/
 *   informatieobject URLs are checked, and with `eindStatustypen` a closed zaak is closed to
 *   changes until it is reopened (Zaken API: "heropen een zaak door een nieuwe status toe te
 *   voegen die NIET de eindstatus is", scope zaken.heropenen). Catalogue URLs (zaaktype, statustype, …) are NOT
 *   resolved: there is no Catalogi API here.
 * - Errors are application/problem+json: ValidatieFout (400, invalidParams) or Fout.
 * - Fault injection `failFirstAttemptOfEachStep`: the first POST of each distinct body
 *   (method + path + JSON body) fails: '500' answers 500 without storing; 'drop' destroys the
 *   socket without storing; 'timeout' never answers (without storing); 'drop-after-commit'
 *   stores the object and then destroys the socket.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { verifyZgwJwt } from '../../main/export/zgw/jwt';
import { specPath } from '../../specs/path.cjs';

export type FaultMode = '500' | 'drop' | 'timeout' | 'drop-after-commit';
export type ZgwApiName = 'zaken' | 'documenten' | 'besluiten';

export interface ZgwServerOptions {
  secret: string;
  clientId: string;
  failFirstAttemptOfEachStep?: FaultMode;
  /** Folder with the validating specs. Default: the vendored specs/zgw/validating. */
  specDir?: string;
  /**
   * The statustypen that end a zaak (the catalogue knows them; there is none here). A status of
   * such a type closes the zaak (einddatum); after that the ZRC refuses new rollen, statussen,
   * documents, resultaten and besluiten on it, except a status of another type, which reopens
   * it when the client holds the scope zaken.heropenen (`heropenen`, default true).
   */
  eindStatustypen?: string[];
  heropenen?: boolean;
}

export interface RecordedRequest {
  api: ZgwApiName;
  method: string;
  /** Path below the API root, e.g. /api/v1/zaken */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Decoded JWT payload when the signature verified. */
  jwt?: Record<string, unknown>;
  status?: number;
  fault?: FaultMode;
}

export interface ZgwTestServer {
  baseUrl: string;
  zakenUrl: string;
  documentenUrl: string;
  besluitenUrl: string;
  requests: RecordedRequest[];
  /** Objects per resource, e.g. { zaken: 1, rollen: 1, … } */
  counts(): Record<string, number>;
  objects(resource: string): Record<string, unknown>[];
  setFault(mode: FaultMode | undefined): void;
  /** Answer every request with a 307 to this origin (null: stop), as a hijacked or misconfigured server would. */
  setRedirect(origin: string | null): void;
  close(): Promise<void>;
}

const SPEC_FILES: Record<ZgwApiName, string> = {
  zaken: 'zaken-api-1.5.1.yaml',
  documenten: 'documenten-api-1.4.3.yaml',
  besluiten: 'besluiten-api-1.0.2.yaml',
};

const RESOURCES: Record<ZgwApiName, string[]> = {
  zaken: ['zaken', 'rollen', 'statussen', 'zaakinformatieobjecten', 'resultaten'],
  documenten: ['enkelvoudiginformatieobjecten'],
  besluiten: ['besluiten', 'besluitinformatieobjecten'],
};

/** Lists that the specs define as plain arrays (not paginated). */
const UNPAGINATED = new Set(['zaakinformatieobjecten', 'besluitinformatieobjecten']);

/** Query parameters that do not filter. */
const NON_FILTERS = new Set(['page', 'ordering', 'expand']);

const specCache = new Map<string, Record<string, any>>();
function loadSpec(file: string): Record<string, any> {
  let s = specCache.get(file);
  if (!s) {
    s = YAML.parse(readFileSync(file, 'utf8')) as Record<string, any>;
    specCache.set(file, s);
  }
  return structuredClone(s);
}

class ValidationProblem extends Error {
  constructor(readonly invalidParams: { name: string; code: string; reason: string }[]) {
    super(invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; '));
  }
}

class FoutProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const ERROR_CODES: Record<string, string> = {
  required: 'required',
  enum: 'invalid_choice',
  maxLength: 'max_length',
  minLength: 'blank',
  format: 'invalid',
  type: 'invalid',
  pattern: 'invalid',
  readOnly: 'read_only',
};

export async function startZgwServer(opts: ZgwServerOptions): Promise<ZgwTestServer> {
  const specDir = opts.specDir ?? specPath('zgw', 'validating');
  let fault: FaultMode | undefined = opts.failFirstAttemptOfEachStep;
  const seenPosts = new Set<string>();
  const requests: RecordedRequest[] = [];
  const store = new Map<string, Map<string, Record<string, any>>>();
  for (const list of Object.values(RESOURCES)) for (const r of list) store.set(r, new Map());
  const hanging = new Set<ServerResponse>();
  let baseUrl = '';

  const root = express();
  root.disable('x-powered-by');
  let redirectTo: string | null = null;
  root.use((req: Request, res: Response, next: NextFunction) => {
    if (!redirectTo) return next();
    res.redirect(307, redirectTo + req.originalUrl);
  });

  for (const api of Object.keys(SPEC_FILES) as ZgwApiName[]) {
    const spec = loadSpec(path.join(specDir, SPEC_FILES[api]));
    const headerNames = collectHeaderNames(spec);
    const checkRolIdentificatie = api === 'zaken' ? makeRolIdentificatieCheck(spec) : undefined;
    const app = express();
    app.set('strict routing', false);

    // 1. record
    app.use((req: Request, res: Response, next: NextFunction) => {
      const rec: RecordedRequest = {
        api,
        method: req.method,
        path: req.path,
        query: Object.fromEntries(new URL(req.url, 'http://x').searchParams),
        headers: { ...req.headers },
        body: undefined,
      };
      requests.push(rec);
      res.locals.rec = rec;
      res.on('finish', () => (rec.status = res.statusCode));
      next();
    });
    // 2. body
    app.use(express.json({ type: ['application/json', 'application/*+json'], limit: '50mb' }));
    app.use((req: Request, res: Response, next: NextFunction) => {
      (res.locals.rec as RecordedRequest).body = req.body;
      next();
    });
    // 3. authentication (the validator does not check the signature)
    app.use((req: Request, res: Response, next: NextFunction) => {
      const auth = req.headers.authorization ?? '';
      const m = /^Bearer (\S+)$/.exec(auth);
      if (!m) return next(new FoutProblem(403, 'not_authenticated', 'Authenticatiegegevens zijn niet opgegeven.', ''));
      const v = verifyZgwJwt(m[1]!, opts.secret);
      if (!v) return next(new FoutProblem(403, 'not_authenticated', 'JWT-handtekening ongeldig.', ''));
      const p = v.payload;
      const iat = typeof p.iat === 'number' ? p.iat : NaN;
      const now = Date.now() / 1000;
      if (p.client_id !== opts.clientId || p.iss !== opts.clientId) {
        return next(new FoutProblem(403, 'not_authenticated', 'Onbekende client_id.', ''));
      }
      if (!(iat <= now + 60 && iat > now - 3600)) {
        return next(new FoutProblem(403, 'not_authenticated', 'JWT verlopen of iat ongeldig.', ''));
      }
      (res.locals.rec as RecordedRequest).jwt = p;
      next();
    });
    // 4. OpenAPI request validation
    app.use(
      OpenApiValidator.middleware({
        apiSpec: spec as never,
        validateRequests: true,
        validateResponses: false,
        validateSecurity: false,
        useRequestUrl: true,
      }),
    );
    // 5. semantics + storage
    app.post('/api/v1/:resource', (req: Request, res: Response, next: NextFunction) => {
      const resource = String(req.params.resource);
      if (!RESOURCES[api].includes(resource)) return next(new FoutProblem(404, 'not_found', 'Niet gevonden.', ''));
      try {
        if (resource === 'rollen') checkRolIdentificatie?.(req.body);
        const rec = res.locals.rec as RecordedRequest;
        const faultKey = `${api} ${req.path} ${JSON.stringify(req.body)}`;
        const injected = fault && !seenPosts.has(faultKey) ? fault : undefined;
        seenPosts.add(faultKey);
        if (injected) rec.fault = injected;
        if (injected === '500') {
          return problem(res, 500, { code: 'error', title: 'Er is een serverfout opgetreden.', detail: 'Geïnjecteerde fout' });
        }
        if (injected === 'drop') return void req.socket.destroy();
        if (injected === 'timeout') {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        const obj = createObject(api, resource, req.body);
        if (injected === 'drop-after-commit') return void req.socket.destroy();
        respond(res, api, 201, obj);
      } catch (e) {
        next(e);
      }
    });
    app.get('/api/v1/:resource', (req: Request, res: Response, next: NextFunction) => {
      const resource = String(req.params.resource);
      if (!RESOURCES[api].includes(resource)) return next(new FoutProblem(404, 'not_found', 'Niet gevonden.', ''));
      const q = (res.locals.rec as RecordedRequest).query;
      const results = [...store.get(resource)!.values()].filter((o) =>
        Object.entries(q).every(([k, v]) => NON_FILTERS.has(k) || filterValue(o, k) === v),
      );
      respond(res, api, 200, UNPAGINATED.has(resource) ? results : { count: results.length, next: null, previous: null, results });
    });
    app.get('/api/v1/:resource/:uuid', (req: Request, res: Response, next: NextFunction) => {
      const obj = store.get(String(req.params.resource))?.get(String(req.params.uuid));
      if (!obj) return next(new FoutProblem(404, 'not_found', 'Niet gevonden.', ''));
      respond(res, api, 200, obj);
    });
    // 6. errors → problem+json
    app.use((err: any, _req: Request, res: Response, _next: NextFunction) => {
      if (err instanceof ValidationProblem) return validatieFout(res, err.invalidParams);
      if (err instanceof FoutProblem) return problem(res, err.status, { code: err.code, title: err.title, detail: err.detail });
      if (typeof err?.status === 'number' && err.status === 400 && Array.isArray(err.errors)) {
        return validatieFout(
          res,
          err.errors.map((e: { path?: string; message?: string; errorCode?: string }) => {
            const [, where, ...rest] = String(e.path ?? '').split('/');
            let name = rest.join('.') || where || 'nonFieldErrors';
            if (where === 'headers') name = headerNames.get(name.toLowerCase()) ?? name;
            const kind = String(e.errorCode ?? '').replace(/\.openapi\.validation$/, '');
            return { name, code: ERROR_CODES[kind] ?? 'invalid', reason: String(e.message ?? 'ongeldig') };
          }),
        );
      }
      if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
        return problem(res, err.status, { code: 'invalid', title: String(err.message ?? 'Fout'), detail: '' });
      }
      problem(res, 500, { code: 'error', title: 'Er is een serverfout opgetreden.', detail: String(err?.message ?? err) });
    });

    root.use(`/${api}`, app);
  }

  function problem(res: Response, status: number, p: { code: string; title: string; detail: string }) {
    res
      .status(status)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `${baseUrl}/ref/fouten/${p.code}/`,
          code: p.code,
          title: p.title,
          status,
          detail: p.detail,
          instance: `urn:uuid:${randomUUID()}`,
        }),
      );
  }

  function validatieFout(res: Response, invalidParams: { name: string; code: string; reason: string }[]) {
    res
      .status(400)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `${baseUrl}/ref/fouten/ValidationError/`,
          code: 'invalid',
          title: 'Invalid input.',
          status: 400,
          detail: '',
          instance: `urn:uuid:${randomUUID()}`,
          invalidParams,
        }),
      );
  }

  function respond(res: Response, api: ZgwApiName, status: number, body: unknown) {
    res.setHeader('API-version', api === 'zaken' ? '1.5.1' : api === 'documenten' ? '1.4.3' : '1.0.2');
    if (api === 'zaken') res.setHeader('Content-Crs', 'EPSG:4326');
    res.status(status).json(body);
  }

  function findByUrl(url: unknown): { resource: string; obj: Record<string, any> } | undefined {
    if (typeof url !== 'string') return undefined;
    for (const [resource, objs] of store) {
      for (const o of objs.values()) if (o.url === url) return { resource, obj: o };
    }
    return undefined;
  }

  function mustExist(field: string, url: unknown, resource: string) {
    const hit = findByUrl(url);
    if (!hit || hit.resource !== resource) {
      throw new ValidationProblem([{ name: field, code: 'does_not_exist', reason: 'Het object bestaat niet.' }]);
    }
    return hit.obj;
  }

  function uniqueOr400(resource: string, pred: (o: Record<string, any>) => boolean, name: string, code: string) {
    for (const o of store.get(resource)!.values()) {
      if (pred(o)) throw new ValidationProblem([{ name, code, reason: 'Deze identificatie bestaat al.' }]);
    }
  }

  function mustBeOpen(zaak: Record<string, any>) {
    if (zaak.einddatum) {
      throw new FoutProblem(403, 'permission_denied', 'Je hebt geen toestemming om deze actie uit te voeren.',
        'De zaak is afgesloten. Heropen de zaak (zaken.heropenen) of gebruik zaken.geforceerd-bijwerken.');
    }
  }

  function createObject(api: ZgwApiName, resource: string, body: Record<string, any>): Record<string, any> {
    const uuid = randomUUID();
    const url = `${baseUrl}/${api}/api/v1/${resource}/${uuid}`;
    let extra: Record<string, unknown> = {};
    switch (resource) {
      case 'zaken':
        if (body.identificatie) {
          uniqueOr400('zaken', (o) => o.identificatie === body.identificatie && o.bronorganisatie === body.bronorganisatie,
            'identificatie', 'identificatie-niet-uniek');
        }
        extra = {
          identificatie: body.identificatie || `ZAAK-${uuid.slice(0, 8)}`,
          registratiedatum: body.registratiedatum ?? new Date().toISOString().slice(0, 10),
          einddatum: null,
          status: null,
          resultaat: null,
          rollen: [],
          zaakinformatieobjecten: [],
          zaakobjecten: [],
          eigenschappen: [],
          deelzaken: [],
          betalingsindicatieWeergave: '',
        };
        break;
      case 'rollen': {
        const zaak = mustExist('zaak', body.zaak, 'zaken');
        mustBeOpen(zaak);
        zaak.rollen.push(url);
        extra = { omschrijving: '', omschrijvingGeneriek: '', registratiedatum: new Date().toISOString(), statussen: [] };
        break;
      }
      case 'statussen': {
        const zaak = mustExist('zaak', body.zaak, 'zaken');
        const eind = opts.eindStatustypen?.includes(body.statustype) ?? false;
        if (zaak.einddatum && (eind || opts.heropenen === false)) mustBeOpen(zaak);
        if (opts.eindStatustypen) zaak.einddatum = eind ? String(body.datumStatusGezet).slice(0, 10) : null;
        for (const s of store.get('statussen')!.values()) if (s.zaak === body.zaak) s.indicatieLaatstGezetteStatus = false;
        zaak.status = url;
        extra = { indicatieLaatstGezetteStatus: true, zaakinformatieobjecten: [] };
        break;
      }
      case 'resultaten': {
        const zaak = mustExist('zaak', body.zaak, 'zaken');
        mustBeOpen(zaak);
        uniqueOr400('resultaten', (o) => o.zaak === body.zaak, 'zaak', 'unique');
        zaak.resultaat = url;
        break;
      }
      case 'zaakinformatieobjecten': {
        const zaak = mustExist('zaak', body.zaak, 'zaken');
        mustBeOpen(zaak);
        mustExist('informatieobject', body.informatieobject, 'enkelvoudiginformatieobjecten');
        uniqueOr400('zaakinformatieobjecten', (o) => o.zaak === body.zaak && o.informatieobject === body.informatieobject,
          'nonFieldErrors', 'unique');
        zaak.zaakinformatieobjecten.push(url);
        extra = { aardRelatieWeergave: 'Hoort bij, omgekeerd: kent', registratiedatum: new Date().toISOString() };
        break;
      }
      case 'enkelvoudiginformatieobjecten': {
        if (body.identificatie) {
          uniqueOr400('enkelvoudiginformatieobjecten',
            (o) => o.identificatie === body.identificatie && o.bronorganisatie === body.bronorganisatie,
            'identificatie', 'identificatie-niet-uniek');
        }
        const bytes = typeof body.inhoud === 'string' ? Buffer.from(body.inhoud, 'base64') : undefined;
        extra = {
          identificatie: body.identificatie || `DOCUMENT-${uuid.slice(0, 8)}`,
          inhoud: bytes ? `${url}/download?versie=1` : null,
          bestandsomvang: bytes?.length ?? null,
          versie: 1,
          beginRegistratie: new Date().toISOString(),
          locked: false,
          bestandsdelen: [],
          _inhoudBase64: body.inhoud,
        };
        break;
      }
      case 'besluiten':
        if (body.zaak) mustBeOpen(mustExist('zaak', body.zaak, 'zaken'));
        if (body.identificatie) {
          uniqueOr400('besluiten',
            (o) => o.identificatie === body.identificatie && o.verantwoordelijkeOrganisatie === body.verantwoordelijkeOrganisatie,
            'identificatie', 'identificatie-niet-uniek');
        }
        extra = { identificatie: body.identificatie || `BESLUIT-${uuid.slice(0, 8)}` };
        break;
      case 'besluitinformatieobjecten':
        mustExist('besluit', body.besluit, 'besluiten');
        mustExist('informatieobject', body.informatieobject, 'enkelvoudiginformatieobjecten');
        uniqueOr400('besluitinformatieobjecten',
          (o) => o.besluit === body.besluit && o.informatieobject === body.informatieobject, 'nonFieldErrors', 'unique');
        break;
    }
    const obj = { url, uuid, ...body, ...extra };
    store.get(resource)!.set(uuid, obj);
    const { _inhoudBase64, ...visible } = obj as Record<string, unknown>;
    return visible;
  }

  const server: Server = await new Promise((resolve) => {
    const s = root.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    zakenUrl: `${baseUrl}/zaken/api/v1`,
    documentenUrl: `${baseUrl}/documenten/api/v1`,
    besluitenUrl: `${baseUrl}/besluiten/api/v1`,
    requests,
    counts: () => Object.fromEntries([...store].map(([r, m]) => [r, m.size])),
    objects: (resource) => [...(store.get(resource)?.values() ?? [])].map(({ _inhoudBase64, ...o }) => o),
    setRedirect: (origin) => {
      redirectTo = origin;
    },
    setFault: (m) => {
      fault = m;
      seenPosts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function filterValue(o: Record<string, any>, key: string): string | undefined {
  // betrokkeneIdentificatie__natuurlijkPersoon__inpBsn → o.betrokkeneIdentificatie.inpBsn (for that type)
  const m = /^betrokkeneIdentificatie__(\w+?)__(\w+)$/.exec(key);
  if (m) {
    const type = m[1]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (o.betrokkeneType !== type) return undefined;
    return stringOrUndefined(o.betrokkeneIdentificatie?.[m[2]!]);
  }
  return stringOrUndefined(o[key]);
}

function stringOrUndefined(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** Header parameter names as the spec spells them, by lower case. */
function collectHeaderNames(spec: Record<string, any>): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (params: any[] | undefined) => {
    for (const p of params ?? []) {
      const param = p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p;
      if (param?.in === 'header') out.set(String(param.name).toLowerCase(), String(param.name));
    }
  };
  for (const item of Object.values<any>(spec.paths)) {
    visit(item.parameters);
    for (const op of Object.values<any>(item)) if (op && typeof op === 'object') visit(op.parameters);
  }
  return out;
}

/**
 * Validates `betrokkeneIdentificatie` of a Rol against the schema its discriminator maps to
 * (betrokkene_identificatie_Rol<Type>), with Ajv on the same spec.
 */
function makeRolIdentificatieCheck(spec: Record<string, any>): (body: Record<string, any>) => void {
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'zaken.json', components: spec.components });
  const mapping: Record<string, string> = spec.components.schemas.Rol.discriminator.mapping;
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  for (const [type, ref] of Object.entries(mapping)) {
    const target = spec.components.schemas[ref.split('/').pop()!];
    const idRef = (target.allOf as any[]).map((x) => x.$ref).find((r: string) => /betrokkene_identificatie_/.test(r));
    if (idRef) validators.set(type, ajv.compile({ $ref: `zaken.json${idRef}` }));
  }
  return (body) => {
    const v = validators.get(body?.betrokkeneType);
    if (!v || v({ betrokkeneIdentificatie: body.betrokkeneIdentificatie ?? undefined })) return;
    throw new ValidationProblem(
      (v.errors ?? []).map((e) => {
        const name = [
          ...e.instancePath.split('/').filter(Boolean),
          ...(e.keyword === 'required' ? [String((e.params as { missingProperty?: string }).missingProperty)] : []),
        ].join('.');
        return { name, code: ERROR_CODES[e.keyword] ?? 'invalid', reason: e.message ?? 'ongeldig' };
      }),
    );
  };
}
