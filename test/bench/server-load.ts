// The simulated desks of the server bench, in a process of their own (see server.ts): reads a
// LoadPlan as JSON on stdin, logs every desk in over HTTPS, runs the mix, writes samples as JSON.
import { totpCode } from '../../main/auth/totp';
import { ApiClient } from '../support/https';
import { runDesks, type Desk, type LoadPlan } from './server';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as LoadPlan;
  const clients: ApiClient[] = [];
  const desks: Desk[] = [];
  for (const d of plan.desks) {
    const c = new ApiClient(plan.base, plan.ca, d.werkplek);
    clients.push(c);
    const res = await c.login(d.username, plan.password, d.totpSecret ? totpCode(d.totpSecret) : undefined);
    if (res.status !== 200) throw new Error(`login ${d.username}: ${res.status}`);
    desks.push({ ...d, call: async (channel, input) => (await c.raw(channel, input)).body as { ok: boolean } });
  }
  const out = await runDesks(desks, plan.seconds, plan.seed);
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
