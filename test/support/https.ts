import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';

/** A throw-away certificate for 127.0.0.1/localhost, made with openssl in the test's own folder. */
export function makeCert(dir: string): { cert: string; key: string; certFile: string; keyFile: string } {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
}

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** One HTTPS request that trusts only the test certificate. */
export function request(base: string, ca: string, method: string, urlPath: string,
  o: { json?: unknown; headers?: Record<string, string>; agent?: https.Agent } = {}): Promise<HttpsResponse> {
  const url = new URL(urlPath, base);
  const payload = o.json === undefined ? undefined : JSON.stringify(o.json);
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method, ca, agent: o.agent ?? false,
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...o.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch { /* not JSON (static files) */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A desk client of the team server: logs in once, then calls channels with its bearer token. */
export class ApiClient {
  token: string | null = null;
  /** One TLS connection kept open, as a desktop app does. */
  readonly agent: https.Agent;
  constructor(readonly base: string, readonly ca: string, readonly werkplek: string) {
    this.agent = new https.Agent({ keepAlive: true, ca, maxSockets: 4, noDelay: true });
  }

  async login(username: string, password: string, totp?: string): Promise<HttpsResponse> {
    const res = await request(this.base, this.ca, 'POST', '/api/login', { json: { username, password, ...(totp ? { totp } : {}) }, headers: { 'x-loket-werkplek': this.werkplek }, agent: this.agent });
    if (res.status === 200) this.token = res.body.token;
    return res;
  }

  raw(channel: string, input: unknown = {}): Promise<HttpsResponse> {
    return request(this.base, this.ca, 'POST', '/api/call', {
      json: { channel, input }, agent: this.agent, headers: { 'x-loket-werkplek': this.werkplek, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
    });
  }

  async ok(channel: string, input: unknown = {}): Promise<any> {
    const res = await this.raw(channel, input);
    if (res.status !== 200 || !res.body.ok) throw new Error(`${channel}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.value;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A Wmo case up to a concept beschikking (hulp bij het huishouden), made over the API by a consultant's client. */
export async function conceptOverApi(c: ApiClient): Promise<{ clientId: number; meldingId: number; beschikkingId: number }> {
  const client = await c.ok('client.create', {
    bsn: '999993847', voornamen: 'Wilhelmina', geslachtsnaam: 'Dijk', voorvoegsel: 'van', geboortedatum: '1941-05-12', geslacht: '2',
    straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
  });
  const m = await c.ok('melding.create', {
    clientId: client.id, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Ik kan mijn huis niet meer schoonhouden.',
    toestemming: true, clientondersteuningAangeboden: true,
  });
  await c.ok('onderzoek.save', {
    meldingId: m.melding.id, datum: '2026-04-10', aanwezigen: 'cliënt, dochter, consulent', behoeften: 'Zelfstandig thuis wonen.',
    eigenKracht: 'Licht werk lukt zelf.', netwerk: 'Dochter kan niet meer helpen.', mantelzorgOndersteuning: 'Respijtzorg besproken.',
    algemeneVoorzieningen: 'Geen passende algemene voorziening.', benodigdeOndersteuning: 'Hulp bij het huishouden.',
    pgbUitgelegd: true, bijdrageUitgelegd: true, conclusies: 'Maatwerkvoorziening is nodig.',
  });
  const a = await c.ok('aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-13', omschrijving: 'Hulp bij het huishouden' });
  const i = await c.ok('indicatie.create', {
    aanvraagId: a.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN',
    aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01', einddatum: '2027-04-30',
    motivering: 'Het zware huishoudelijke werk lukt niet zelf en het netwerk kan het niet overnemen.',
  });
  const b = await c.ok('beschikking.create', {
    aanvraagId: a.id, soort: 'toekenning', indicatieIds: [i.id], besluitTekst: 'U krijgt hulp bij het huishouden, 3 uur per week.',
    motivering: 'Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
  });
  return { clientId: client.id, meldingId: m.melding.id, beschikkingId: b.id };
}
