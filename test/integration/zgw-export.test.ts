import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createZgwClient,
  MAX_RESPONSE_BYTES,
  withRetry,
  ZgwClientError,
  ZgwRefusedError,
  ZgwTransientError,
  type ZgwClient,
} from '../../main/export/zgw/client';
import { caseExportStepKeys, runCaseExport, type CaseExportPlan, type StepState } from '../../main/export/zgw/caseExport';
import { verifyZgwJwt } from '../../main/export/zgw/jwt';
import { startZgwServer, type FaultMode, type ZgwTestServer } from '../support/zgw-server';
import { EXPECTED_COUNTS, makePlan, ZGW_CLIENT_ID, ZGW_SECRET, ZGW_USER } from '../support/zgw-fixtures';

let server: ZgwTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(fault?: FaultMode, timeoutMs = 2_000, eindStatustypen?: string[]) {
  server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID, failFirstAttemptOfEachStep: fault, eindStatustypen });
  const client = createZgwClient({
    zakenUrl: server.zakenUrl,
    documentenUrl: server.documentenUrl,
    besluitenUrl: server.besluitenUrl,
    clientId: ZGW_CLIENT_ID,
    secret: ZGW_SECRET,
    user: ZGW_USER,
    timeoutMs,
  });
  return { server, client };
}

/** An in-memory stand-in for the DB outbox. */
function outbox(initial: StepState = {}) {
  const state: StepState = { ...initial };
  const saved: string[] = [];
  return {
    state,
    saved,
    saveStep: async (k: string, url: string) => {
      state[k] = url;
      saved.push(k);
    },
  };
}

const fastRetry = { attempts: 4, baseMs: 5, maxMs: 20, jitter: 0.5 };

function expectEachObjectOnce(s: ZgwTestServer, plan = makePlan()) {
  expect(s.counts()).toEqual(EXPECTED_COUNTS);
  const [zaak] = s.objects('zaken') as any[];
  expect(zaak.identificatie).toBe(plan.zaak.identificatie);
  for (const r of ['rollen', 'statussen', 'zaakinformatieobjecten', 'resultaten']) {
    for (const o of s.objects(r) as any[]) expect(o.zaak).toBe(zaak.url);
  }
  const [besluit] = s.objects('besluiten') as any[];
  expect(besluit.zaak).toBe(zaak.url);
  expect(besluit.uiterlijkeReactiedatum).toBe('2026-06-09');
  const [bio] = s.objects('besluitinformatieobjecten') as any[];
  const beschikking = (s.objects('enkelvoudiginformatieobjecten') as any[]).find((d) => d.titel.startsWith('Beschikking'));
  expect(bio.besluit).toBe(besluit.url);
  expect(bio.informatieobject).toBe(beschikking.url);
}

/** Runs the export again from the saved state after every (transient) failure; returns the number of runs. */
async function crashAndResume(plan: CaseExportPlan, box: ReturnType<typeof outbox>, client: ZgwClient): Promise<number> {
  for (let runs = 1; ; runs++) {
    try {
      await runCaseExport(plan, { ...box.state }, { client, saveStep: box.saveStep });
      return runs;
    } catch (e) {
      expect(e).toBeInstanceOf(ZgwTransientError);
      expect(runs).toBeLessThan(50);
    }
  }
}

describe('ZGW case export against the validating test server', () => {
  it('exports a full case: every object exactly once, each step saved as it succeeds', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    const box = outbox();
    const result = await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    expectEachObjectOnce(server, plan);
    expect(box.saved).toEqual(caseExportStepKeys(plan));
    expect(result.steps.every((s) => s.outcome === 'created')).toBe(true);
    expect(result.state).toEqual(box.state);
    expect(result.zaakUrl).toMatch(new RegExp(`^${server.zakenUrl}/zaken/[0-9a-f-]{36}$`));
    const fetched = await client.get<{ identificatie: string; uiterlijkeEinddatumAfdoening: string }>(result.zaakUrl);
    expect(fetched).toMatchObject({ url: result.zaakUrl, identificatie: plan.zaak.identificatie, uiterlijkeEinddatumAfdoening: '2026-04-28' });

    // the real semantics the server enforced: zaak carries the last status and the resultaat
    const [zaak] = server.objects('zaken') as any[];
    expect(zaak.resultaat).toBe(box.state.resultaat);
    expect(zaak.status).toBe(box.state.eindstatus);
    const rol = server.objects('rollen')[0] as any;
    expect(rol.betrokkeneIdentificatie).toMatchObject({ inpBsn: '999993653', voorvoegselGeslachtsnaam: 'de' });
    const eio = server.objects('enkelvoudiginformatieobjecten')[0] as any;
    expect(eio).toMatchObject({ taal: 'dut', status: 'definitief', indicatieGebruiksrecht: false, formaat: 'application/pdf' });

    // every request passed validation and authentication; zaken requests carry the CRS headers
    expect(server.requests.every((r) => r.status! < 300)).toBe(true);
    for (const r of server.requests.filter((r) => r.api === 'zaken')) {
      expect(r.headers['accept-crs']).toBe('EPSG:4326');
      expect(r.headers['content-crs']).toBe('EPSG:4326');
    }
  });

  it('a second run with the saved state makes no request at all; a run with lost state finds everything', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    const box = outbox();
    await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    const n = server.requests.length;
    const again = await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    expect(server.requests.length).toBe(n);
    expect(again.steps.every((s) => s.outcome === 'skipped')).toBe(true);

    // state lost entirely (e.g. outbox row restored from an old backup): lookups adopt the objects
    const fresh = outbox();
    const found = await runCaseExport(plan, fresh.state, { client, saveStep: fresh.saveStep });
    expect(found.steps.every((s) => s.outcome === 'found')).toBe(true);
    expect(fresh.state).toEqual(box.state);
    expect(server.requests.slice(n).every((r) => r.method === 'GET')).toBe(true);
    expectEachObjectOnce(server, plan);
  });

  for (const fault of ['500', 'drop', 'timeout', 'drop-after-commit'] as const) {
    it(`fault '${fault}' on the first attempt of every step: in-run retries end with every object exactly once`, async () => {
      const { server, client } = await setup(fault, fault === 'timeout' ? 400 : 5_000);
      const plan = makePlan();
      const box = outbox();
      const retries: string[] = [];
      const result = await runCaseExport(plan, box.state, {
        client,
        saveStep: box.saveStep,
        retry: { ...fastRetry, onRetry: (e) => retries.push(e.kind) },
      });
      expectEachObjectOnce(server, plan);
      const keys = caseExportStepKeys(plan);
      if (fault === 'timeout') {
        // a slow first request under load (lazy schema compilation) may time out too
        expect(retries.length).toBeGreaterThanOrEqual(keys.length);
      } else {
        expect(retries).toHaveLength(keys.length);
      }
      expect(new Set(retries)).toEqual(
        new Set([fault === '500' ? 'server' : fault === 'timeout' ? 'timeout' : 'network']),
      );
      const faulted = server.requests.filter((r) => r.fault === fault);
      expect(faulted).toHaveLength(keys.length);
      // after a committed-but-lost answer the retry adopts the stored object instead of posting again
      const outcomes = new Set(result.steps.map((s) => s.outcome));
      expect(outcomes).toEqual(new Set([fault === 'drop-after-commit' ? 'found' : 'created']));
    });

    it(`fault '${fault}': a crash-and-resume loop (new run from the saved state each time) ends with every object once`, async () => {
      const { server, client } = await setup(fault, fault === 'timeout' ? 400 : 5_000);
      const plan = makePlan();
      const box = outbox();
      const runs = await crashAndResume(plan, box, client);
      if (fault === 'timeout') expect(runs).toBeGreaterThanOrEqual(caseExportStepKeys(plan).length + 1);
      else expect(runs).toBe(caseExportStepKeys(plan).length + 1);
      expect(Object.keys(box.state)).toEqual(caseExportStepKeys(plan));
      expectEachObjectOnce(server, plan);
    });
  }

  /** The same zaak's second beschikking (a beëindiging), after the first closed the zaak. */
  function secondPlan(first: CaseExportPlan): CaseExportPlan {
    const letter = { ...first.documents[1]!, identificatie: 'SL-2026-000123-BES2', titel: 'Beschikking beëindiging', verzenddatum: '2026-08-05' };
    return {
      ...first,
      heropenen: { statustype: first.statussen[1]!.statustype, datumStatusGezet: '2026-08-05T00:01:01Z', toelichting: 'Heropend' },
      documents: [first.documents[0]!, letter],
      besluit: { ...first.besluit, identificatie: 'SL-2026-000123-B2', datum: '2026-08-04', verzenddatum: '2026-08-05' },
      eindstatus: { ...first.eindstatus, datumStatusGezet: '2026-08-05T00:01:02Z' },
    };
  }

  for (const fault of [undefined, '500', 'drop-after-commit'] as const) {
    it(`a second beschikking reopens the closed zaak and closes it again (fault ${fault ?? 'none'}, crash and resume)`, async () => {
      const first = makePlan();
      const { server, client } = await setup(undefined, 5_000, [first.eindstatus.statustype]);
      await runCaseExport(first, {}, { client, saveStep: async () => {} });
      expect((server.objects('zaken')[0] as any).einddatum).toBe('2026-04-28');
      // without reopening, the ZRC refuses to add to the closed zaak
      const stubborn = { ...secondPlan(first), heropenen: undefined };
      await expect(runCaseExport(stubborn, {}, { client, saveStep: async () => {} })).rejects.toThrow(/afgesloten/);

      server.setFault(fault);
      const plan = secondPlan(first);
      await crashAndResume(plan, outbox(), client);
      const zaak = server.objects('zaken')[0] as any;
      expect(zaak.einddatum).toBe('2026-08-05');
      expect(server.counts()).toEqual({ ...EXPECTED_COUNTS, statussen: 5, zaakinformatieobjecten: 3, enkelvoudiginformatieobjecten: 3, besluiten: 2, besluitinformatieobjecten: 2 });
      const last = (server.objects('statussen') as any[]).find((x) => x.indicatieLaatstGezetteStatus);
      expect(last.datumStatusGezet).toBe('2026-08-05T00:01:02Z');
      // reopened exactly once (after a lost answer the next run finds the zaak open and goes on)
      expect((server.objects('statussen') as any[]).filter((x) => x.datumStatusGezet === '2026-08-05T00:01:01Z')).toHaveLength(1);
    });
  }

  it('a step already in the state is never repeated, even when the outbox says the zaak exists but nothing else', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    const zaak = await client.createZaak({
      identificatie: plan.zaak.identificatie,
      bronorganisatie: plan.zaak.bronorganisatie,
      verantwoordelijkeOrganisatie: plan.zaak.verantwoordelijkeOrganisatie,
      zaaktype: plan.zaak.zaaktype,
      startdatum: plan.zaak.startdatum,
    });
    const box = outbox({ zaak: zaak.url });
    const result = await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    expect(result.steps[0]).toEqual({ key: 'zaak', outcome: 'skipped', url: zaak.url });
    expect(server.requests.filter((r) => r.path === '/api/v1/zaken')).toHaveLength(1);
    expectEachObjectOnce(server, plan);
  });

  it('saveStep failing stops the run before the next step', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    await expect(
      runCaseExport(plan, {}, {
        client,
        saveStep: async (k) => {
          if (k === 'rol') throw new Error('outbox niet beschikbaar');
        },
      }),
    ).rejects.toThrow('outbox niet beschikbaar');
    expect(server.counts()).toMatchObject({ zaken: 1, rollen: 1, statussen: 0 });
  });
});

describe('ZGW validation is real (400 ValidatieFout → ZgwClientError)', () => {
  it('a zaak without bronorganisatie is refused with the field named in Dutch', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    const { bronorganisatie: _omit, ...zaak } = plan.zaak;
    const err = await client.createZaak(zaak as never).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwClientError);
    expect(err.status).toBe(400);
    expect(err.problem).toMatchObject({ code: 'invalid', title: 'Invalid input.', status: 400 });
    expect(err.invalidParams).toEqual([{ name: 'bronorganisatie', code: 'required', reason: expect.any(String) }]);
    expect(err.message).toMatch(/^Het zaaksysteem weigert veld 'bronorganisatie': /);
    expect(err.field).toBe('bronorganisatie');
    expect(err.code).toBe('extern');
    const last = server.requests.at(-1)!;
    expect(last.status).toBe(400);
    expect(last.headers['content-type']).toMatch(/json/);
    expect(server.counts().zaken).toBe(0);
  });

  it('a POST /zaken without Content-Crs is refused (the header is required by the spec)', async () => {
    const { server } = await setup();
    const plan = makePlan();
    // a client that drops the header on the way out
    const stripping: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('Content-Crs');
      return fetch(input, { ...init, headers });
    };
    const client = createZgwClient({
      zakenUrl: server.zakenUrl, documentenUrl: server.documentenUrl, besluitenUrl: server.besluitenUrl,
      clientId: ZGW_CLIENT_ID, secret: ZGW_SECRET, user: ZGW_USER, fetch: stripping,
    });
    const err = await client
      .createZaak({ ...plan.zaak })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ZgwClientError);
    expect(err.status).toBe(400);
    expect(err.message).toContain("Het zaaksysteem weigert veld 'Content-Crs'");
    expect(server.counts().zaken).toBe(0);
  });

  it('nested and format errors are named too (rol: inpBsn too long; eio: taal too long)', async () => {
    const { client } = await setup();
    const plan = makePlan();
    const box = outbox();
    await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    const rolErr = await client
      .createRol({
        zaak: box.state.zaak!, betrokkeneType: 'natuurlijk_persoon', roltype: plan.rol.roltype, roltoelichting: 'x',
        betrokkeneIdentificatie: { inpBsn: '9999936530000' },
      })
      .catch((e) => e);
    expect(rolErr).toBeInstanceOf(ZgwClientError);
    expect(rolErr.message).toContain("veld 'betrokkeneIdentificatie.inpBsn'");

    const d = plan.documents[0]!;
    const eioErr = await client
      .createEnkelvoudigInformatieObject({
        bronorganisatie: plan.zaak.bronorganisatie, creatiedatum: d.creatiedatum, titel: d.titel, auteur: d.auteur,
        taal: 'nld-NL', informatieobjecttype: d.informatieobjecttype,
      })
      .catch((e) => e);
    expect(eioErr).toBeInstanceOf(ZgwClientError);
    expect(eioErr.message).toContain("veld 'taal'");
  });

  it('a second zaak with the same identificatie is refused (identificatie-niet-uniek)', async () => {
    const { client } = await setup();
    const plan = makePlan();
    await client.createZaak({ ...plan.zaak });
    const err = await client.createZaak({ ...plan.zaak }).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwClientError);
    expect(err.invalidParams[0]).toMatchObject({ name: 'identificatie', code: 'identificatie-niet-uniek' });
  });

  it('a 4xx is not retried: one POST only, and the export stops at that step', async () => {
    const { server, client } = await setup();
    const plan = makePlan();
    plan.zaak.startdatum = '02-03-2026'; // not a date: 400 from the spec validator
    const box = outbox();
    const retries: unknown[] = [];
    const err = await runCaseExport(plan, box.state, {
      client, saveStep: box.saveStep, retry: { ...fastRetry, onRetry: (e) => retries.push(e) },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwClientError);
    expect(err.message).toContain("veld 'startdatum'");
    expect(retries).toHaveLength(0);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(box.saved).toEqual([]);
  });

  it('requests without a valid JWT are refused', async () => {
    const { server } = await setup();
    const res = await fetch(`${server.zakenUrl}/rollen?zaak=${encodeURIComponent(server.zakenUrl + '/zaken/x')}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const wrong = createZgwClient({
      zakenUrl: server.zakenUrl, documentenUrl: server.documentenUrl, besluitenUrl: server.besluitenUrl,
      clientId: ZGW_CLIENT_ID, secret: 'verkeerd', user: ZGW_USER,
    });
    const err = await wrong.findResultaten({ zaak: `${server.zakenUrl}/zaken/x` }).catch((e) => e);
    expect(err).toBeInstanceOf(ZgwClientError);
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/weigert de toegang/);
  });
});

describe('ZGW JWT on the wire', () => {
  it("every request carries a fresh token with the consultant's user_id/user_representation, verifying with the secret", async () => {
    const { server, client } = await setup();
    await runCaseExport(makePlan(), {}, { client, saveStep: async () => {} });
    expect(server.requests.length).toBeGreaterThan(20);
    const now = Math.floor(Date.now() / 1000);
    for (const r of server.requests) {
      const token = String(r.headers.authorization).replace(/^Bearer /, '');
      const v = verifyZgwJwt(token, ZGW_SECRET);
      expect(v).not.toBeNull();
      expect(v!.header).toEqual({ typ: 'JWT', alg: 'HS256' });
      expect(Object.keys(v!.payload)).toEqual(['iss', 'iat', 'client_id', 'user_id', 'user_representation']);
      expect(v!.payload).toMatchObject({
        iss: ZGW_CLIENT_ID, client_id: ZGW_CLIENT_ID, user_id: ZGW_USER.id, user_representation: ZGW_USER.representation,
      });
      expect(Math.abs((v!.payload.iat as number) - now)).toBeLessThan(30);
      expect(verifyZgwJwt(token, 'ander-secret')).toBeNull();
    }
  });

  it('a token is made per call (iat follows the clock)', async () => {
    const { server } = await setup();
    let t = Date.now();
    const client: ZgwClient = createZgwClient({
      zakenUrl: server.zakenUrl, documentenUrl: server.documentenUrl, besluitenUrl: server.besluitenUrl,
      clientId: ZGW_CLIENT_ID, secret: ZGW_SECRET, user: ZGW_USER, now: () => (t += 5_000),
    });
    await client.findZaken({ identificatie: 'x', bronorganisatie: '002220647' });
    await client.findZaken({ identificatie: 'x', bronorganisatie: '002220647' });
    const [a, b] = server.requests.map((r) => verifyZgwJwt(String(r.headers.authorization).slice(7), ZGW_SECRET)!.payload.iat as number);
    expect(b! - a!).toBe(5);
  });
});

describe('withRetry', () => {
  const transient = () => new ZgwTransientError('server', 'POST', 'http://x', 503);

  it('retries transient errors with capped exponential backoff and jitter', async () => {
    const delays: number[] = [];
    let calls = 0;
    const v = await withRetry(
      async () => {
        if (++calls < 4) throw transient();
        return 'ok';
      },
      { attempts: 5, baseMs: 1, maxMs: 3, jitter: 0.5, random: () => 1, onRetry: (_e, _a, d) => delays.push(d) },
    );
    expect(v).toBe('ok');
    expect(delays).toEqual([1, 1, 2]); // 1,2,3(capped) each halved by jitter 0.5 with random()=1, rounded
  });

  it('gives up after the attempts with the last transient error; never retries other errors', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw transient(); }, { attempts: 3, baseMs: 1 })).rejects.toBeInstanceOf(
      ZgwTransientError,
    );
    expect(calls).toBe(3);
    calls = 0;
    const clientErr = new ZgwClientError(400, { invalidParams: [{ name: 'zaak', code: 'required', reason: 'x' }] }, 'POST', 'u');
    await expect(withRetry(async () => { calls++; throw clientErr; }, { attempts: 3, baseMs: 1 })).rejects.toBe(clientErr);
    expect(calls).toBe(1);
  });

  it('stops when the signal aborts', async () => {
    const ac = new AbortController();
    const p = withRetry(async () => { throw transient(); }, { attempts: 10, baseMs: 10_000, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('afgebroken')), 10);
    await expect(p).rejects.toThrow('afgebroken');
  });
});

describe('ZGW client refuses what would leak (issue 15)', () => {
  it('a 307 from the ZGW server to another origin is refused: the body with the BSN never reaches it', async () => {
    const { server: s, client } = await setup();
    const elsewhere: { method?: string; url?: string; body: string }[] = [];
    const evil = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => {
        elsewhere.push({ method: req.method, url: req.url, body });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"url":"http://elders/x"}');
      });
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      s.setRedirect(`http://127.0.0.1:${(evil.address() as AddressInfo).port}`);
      const box = outbox();
      const err = await runCaseExport(makePlan(), box.state, { client, saveStep: box.saveStep }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ZgwRefusedError);
      expect((err as Error).message).toMatch(/De ZGW-server stuurde GET .* door naar een ander adres\. Sociaal Loket volgt geen doorverwijzingen/);
      expect(box.saved).toEqual([]);
      // The review's case: a POST whose body holds the BSN.
      const plan = makePlan();
      const rol = client.createRol({
        zaak: `${s.zakenUrl}/zaken/1`, betrokkeneType: 'natuurlijk_persoon', roltype: plan.rol.roltype, roltoelichting: 'aanvrager',
        betrokkeneIdentificatie: { inpBsn: plan.rol.natuurlijkPersoon.inpBsn, geslachtsnaam: plan.rol.natuurlijkPersoon.geslachtsnaam },
      } as never);
      await expect(rol).rejects.toThrow(/De ZGW-server stuurde POST .*\/rollen door naar een ander adres/);
      expect(s.requests.length).toBe(0); // the redirect answers before the API apps record anything
      expect(elsewhere).toEqual([]);
    } finally {
      evil.close();
    }
  });

  it('refuses http:// to another host, credentials in the URL, and an answer above the size cap', async () => {
    const base = { clientId: ZGW_CLIENT_ID, secret: ZGW_SECRET, user: ZGW_USER };
    expect(() => createZgwClient({ ...base, zakenUrl: 'http://zaken.gemeente.example/api/v1', documentenUrl: 'https://d.example', besluitenUrl: 'https://b.example' }))
      .toThrow(/De URL van de Zaken API 'http:\/\/zaken\.gemeente\.example\/api\/v1' moet met https:\/\/ beginnen/);
    expect(() => createZgwClient({ ...base, zakenUrl: 'https://u:p@z.example', documentenUrl: 'https://d.example', besluitenUrl: 'https://b.example' }))
      .toThrow(/mag geen gebruikersnaam of wachtwoord bevatten/);
    // A server that answers with an endless body: the client stops reading at the cap.
    let sent = 0;
    const flood = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (sent <= MAX_RESPONSE_BYTES * 2 && res.write(chunk)) sent += chunk.length;
        if (sent <= MAX_RESPONSE_BYTES * 2) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => { sent = Infinity; });
      pump();
    });
    await new Promise<void>((resolve) => flood.listen(0, '127.0.0.1', resolve));
    try {
      const root = `http://127.0.0.1:${(flood.address() as AddressInfo).port}`;
      const client = createZgwClient({ ...base, zakenUrl: `${root}/zaken`, documentenUrl: `${root}/documenten`, besluitenUrl: `${root}/besluiten` });
      await expect(client.get(`${root}/zaken/zaken/1`)).rejects.toThrow(/is groter dan 16 MB en is geweigerd/);
    } finally {
      flood.closeAllConnections();
      flood.close();
    }
  });

  it('never puts the BSN in a URL: the rol is looked up by zaak and matched in the answer', async () => {
    const { server: s, client } = await setup();
    const plan = makePlan();
    const box = outbox();
    await runCaseExport(plan, box.state, { client, saveStep: box.saveStep });
    // A second run without saved state looks everything up again, the rol included.
    await runCaseExport(plan, {}, { client, saveStep: async () => undefined });
    const rolLookups = s.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/rollen'));
    expect(rolLookups.length).toBeGreaterThan(0);
    for (const r of s.requests) expect(JSON.stringify(r.query)).not.toContain(plan.rol.natuurlijkPersoon.inpBsn);
    expect(s.counts().rollen).toBe(1);
  });
});
