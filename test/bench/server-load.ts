// The simulated desks of the server bench, in a process of their own (see server.ts): reads a
// LoadPlan as JSON on stdin, logs every desk in over HTTPS, runs the mix, writes samples as JSON.
import { ApiClient } from '../support/https';
import { runDesks, type Desk, type LoadPlan } from './server';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as LoadPlan;
  const clients: ApiClient[] = [];
  const desks: Desk[] = [];
  // A TOTP code is accepted once (RFC 6238 §5.2) and one person has one app, so the desks of one
  // TOTP user share her one login; each desk keeps its own connection.
  const totpSessions = new Map<string, string>();
  for (const d of plan.desks) {
    const c = new ApiClient(plan.base, plan.ca, d.werkplek);
    clients.push(c);
    const shared = d.totp ? totpSessions.get(d.username) : undefined;
    if (shared) c.token = shared;
    else {
      const res = await c.login(d.username, plan.password, d.totp ?? undefined);
      if (res.status !== 200) throw new Error(`login ${d.username}: ${res.status}`);
      if (d.totp) totpSessions.set(d.username, c.token!);
    }
    desks.push({ ...d, call: async (channel, input) => (await c.raw(channel, input)).body as { ok: boolean } });
  }
  const cpu0 = process.cpuUsage();
  const run = await runDesks(desks, plan.seconds, plan.seed);
  const cpu = process.cpuUsage(cpu0);
  // The desks' own CPU (TLS, JSON): on this machine they share the two cores with the server.
  const out = { ...run, cpuMs: (cpu.user + cpu.system) / 1000 };
  for (const c of clients) {
    await c.raw('session.lock').catch(() => undefined);
    c.close();
  }
  process.stdout.write(JSON.stringify(out));
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
