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
    this.agent = new https.Agent({ keepAlive: true, ca, maxSockets: 4 });
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
