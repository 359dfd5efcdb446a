import path from 'node:path';
import { LoketError } from '../../shared/errors';
import { createDemoDatabase } from '../demo/setup';
import { TEST_BSN_CAPACITY } from '../demo/generate';
import { todayIso } from '../../shared/today';
import type { ExtraCommand } from './commands';

/** `loket demo`: a database full of realistic, reproducible test data (test BSNs only). */

export const DEFAULT_DEMO_PASSWORD = 'demo-wachtwoord-voorbeeldstad';

function positiveInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new LoketError('invoer', `Optie --${name} moet een heel getal zijn (0 of meer).`, name);
  return n;
}

export const DEMO_COMMANDS: ExtraCommand[] = [
  {
    name: 'demo',
    help: `  demo --clients N [--seed S] [--vandaag JJJJ-MM-DD] [--nep-bsn]
                          vul een (nieuwe) database met demogegevens: cliënten met test-BSN's
                          (999900006–999999990, hoogstens ${TEST_BSN_CAPACITY}), huishoudens, meldingen, onderzoeken,
                          indicaties, beschikkingen, termijnen, een paar brieven en demo-gebruikers.
                          Zelfde seed, zelfde gegevens. Beheerder: $LOKET_USER/$LOKET_PASSWORD (standaard
                          'beheer'); demo-wachtwoord: $LOKET_DEMO_PASSWORD. --nep-bsn (alleen benchmarks):
                          meer cliënten, met nummers die de elfproef NIET halen (nooit een echt BSN)`,
    options: { clients: { type: 'string' }, seed: { type: 'string' }, vandaag: { type: 'string' }, 'nep-bsn': { type: 'boolean' } },
    async run(ctx) {
      const { io, values } = ctx;
      const clients = positiveInt(values.clients, 'clients', 1000);
      const seed = positiveInt(values.seed, 'seed', 1);
      const today = typeof values.vandaag === 'string' ? values.vandaag : todayIso();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new LoketError('invoer', 'Optie --vandaag: gebruik JJJJ-MM-DD.', 'vandaag');
      const admin = (io.env.LOKET_USER ?? 'beheer').trim().toLowerCase();
      const adminPassword = io.env.LOKET_PASSWORD ?? (await io.prompt(`Wachtwoord van beheerder ${admin}: `, true));
      const demoPassword = io.env.LOKET_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
      if (demoPassword.length < 12) throw new LoketError('invoer', 'LOKET_DEMO_PASSWORD is te kort: gebruik minstens 12 tekens.');
      let lastPct = -1;
      const res = await createDemoDatabase({
        file: ctx.dbFile, clients, seed, today, admin, adminPassword, demoPassword,
        allowNonBsnIds: values['nep-bsn'] === true,
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 10) * 10;
          if (pct !== lastPct) io.err(`${done} van ${total} cliënten geladen`);
          lastPct = pct;
        },
      });
      if (res.created) {
        io.out(`Database aangemaakt: ${ctx.dbFile}\nBeheerder: ${admin}\n`);
        io.out(`HERSTELSLEUTEL (wordt maar één keer getoond; bewaar hem op papier in de kluis):\n\n    ${res.recoveryKey}\n`);
      }
      if (!res.created && res.settingsFilled.length > 0) {
        io.out(`Briefhoofd aangevuld met demogegevens (deze velden waren leeg): ${res.settingsFilled.join(', ')}. Pas ze aan onder Instellingen.`);
      }
      const c = res.counts;
      io.out(`Demogegevens geladen in ${path.basename(ctx.dbFile)} (seed ${seed}, peildatum ${today}): ${c.clients} cliënten, ` +
        `${c.households} huishoudens, ${c.meldingen} meldingen, ${c.onderzoeken} onderzoeken, ${c.aanvragen} aanvragen, ` +
        `${c.indicaties} indicaties, ${c.beschikkingen} beschikkingen, ${c.termijnen} termijnen, ${res.letters} brieven ` +
        `(${res.records} records in ${(res.timings.importMs / 1000).toFixed(1)} s).`);
      io.out('\nInloggen als demo-gebruiker (wachtwoord: ' + (io.env.LOKET_DEMO_PASSWORD ? '$LOKET_DEMO_PASSWORD' : `'${DEFAULT_DEMO_PASSWORD}'`) + '):');
      for (const u of res.logins) io.out(`  ${u.username.padEnd(12)} ${u.displayName} (${u.roles.join(', ')})`);
      io.out(`  ${admin.padEnd(12)} beheerder (uw eigen wachtwoord)`);
    },
  },
];
