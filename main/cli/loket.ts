import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { LoketError } from '../../shared/errors';
import { isChannel } from '../../shared/ipc/channels';
import { anchorConfigFromEnv, hasAnchors } from '../anchor';
import { STRONG_KDF } from '../db/keyslots';
import { createRouter, type Router } from '../router';
import { initVault, lock, resetPassword, restore, unlockWithRecoveryKey } from '../vault';
import type { CliContext, CliIo } from './commands';
import { EXTRA_COMMANDS } from './extra';

/**
 * `loket`: the command line over the same router and services as the app, for beheer, scripts
 * and audits. The user and password come from a prompt or, for scripts, LOKET_USER and
 * LOKET_PASSWORD. Errors are one Dutch line on stderr and exit code 1, never a stack trace.
 */

const HELP = `Sociaal Loket — opdrachtregel

Gebruik: loket [--db BESTAND] OPDRACHT [opties]

  --db BESTAND            het databasebestand (standaard: $LOKET_DB of ./loket.db)

Opdrachten:
  init --gemeente NAAM --gemeentecode NNNN --admin GEBRUIKER [--naam "Volledige naam"]
                          maak een nieuwe versleutelde database; toont eenmalig de herstelsleutel
  user list               toon de gebruikers
  user add GEBRUIKER --naam "Naam" --rol consulent[,besluitbevoegd,...] [--mandaat "besluit"]
                          voeg een gebruiker toe (wachtwoord: prompt of $LOKET_NEW_PASSWORD)
  user remove GEBRUIKER   verwijder een gebruiker (haalt de sleutel weg)
  user reset GEBRUIKER    geef een gebruiker een nieuw wachtwoord (prompt of $LOKET_NEW_PASSWORD)
  passwd                  wijzig uw eigen wachtwoord (nieuw: prompt of $LOKET_NEW_PASSWORD)
  recover --user GEBRUIKER
                          na verlies van alle wachtwoorden: herstelsleutel (prompt of
                          $LOKET_RECOVERY_KEY) en een nieuw wachtwoord voor GEBRUIKER
  verify-log [--anker BESTAND ...]
                          controleer de hash-keten van het toegangslog en vergelijk hem met
                          elk anker: het ankerbestand en uittreksels van de syslog-server
  backup --out BESTAND    maak een versleutelde back-up, ook terwijl de app draait
  restore --from BESTAND [--force --reden "waarom"] [--herstelsleutel]
                          zet een back-up terug op --db: met het wachtwoord van een beheerder
                          van de huidige database ($LOKET_USER/$LOKET_PASSWORD) of de
                          herstelsleutel ($LOKET_RECOVERY_KEY); een bestaande database
                          vervangen kan alleen met --force en een geschreven reden
  rekey --backup BESTAND  vervang de databasesleutel (na een gecontroleerde back-up)
  call KANAAL --json INVOER
                          voer een opdracht van de app uit als de ingelogde gebruiker
${EXTRA_COMMANDS.map((c) => c.help).join('\n')}
Omgeving: LOKET_USER, LOKET_PASSWORD (inloggen zonder prompt), LOKET_DB,
  LOKET_ANKER_BESTAND (ankerbestand van het toegangslog, liefst op een ander volume),
  LOKET_SYSLOG (udp://host:514, tcp://host:601 of local voor /dev/log).
`;

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  env: process.env,
  prompt: promptTty,
};

function promptTty(question: string, secret: boolean): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new LoketError('invoer', `Geen invoer mogelijk voor '${question.trim()}': gebruik de omgevingsvariabelen (zie loket --help).`));
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    if (secret) {
      // Keep the password off the screen.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (secret) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function credentials(io: CliIo): Promise<{ username: string; password: string }> {
  const username = io.env.LOKET_USER ?? (await io.prompt('Gebruikersnaam: ', false));
  const password = io.env.LOKET_PASSWORD ?? (await io.prompt('Wachtwoord: ', true));
  return { username: username.trim().toLowerCase(), password };
}

async function newPassword(io: CliIo, envName = 'LOKET_NEW_PASSWORD'): Promise<string> {
  if (io.env[envName]) return io.env[envName]!;
  const a = await io.prompt('Nieuw wachtwoord: ', true);
  const b = await io.prompt('Herhaal het nieuwe wachtwoord: ', true);
  if (a !== b) throw new LoketError('invoer', 'De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw.');
  return a;
}

function need(values: CliContext['values'], name: string, hint: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new LoketError('invoer', `Optie --${name} ontbreekt: ${hint}`, name);
  return v;
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' }, help: { type: 'boolean', short: 'h' }, gemeente: { type: 'string' },
        gemeentecode: { type: 'string' }, admin: { type: 'string' }, naam: { type: 'string' }, rol: { type: 'string' },
        mandaat: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' },
        backup: { type: 'string' }, json: { type: 'string' }, user: { type: 'string' },
        reden: { type: 'string' }, anker: { type: 'string', multiple: true }, herstelsleutel: { type: 'boolean' },
        ...Object.fromEntries(EXTRA_COMMANDS.flatMap((c) => Object.entries(c.options))),
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message.replace(/^Unknown option/, 'Onbekende optie')}. Zie 'loket --help'.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  const usage = EXTRA_COMMANDS.find((c) => c.name === command)?.usage;
  if (values.help && usage) {
    io.out(usage);
    return 0;
  }
  if (values.help || !command) {
    io.out(HELP);
    return command || values.help ? 0 : 2;
  }
  const dbFile = path.resolve((values.db as string | undefined) ?? io.env.LOKET_DB ?? 'loket.db');
  let router: Router | null = null;
  const anchor = anchorConfigFromEnv(io.env);
  const ctx: CliContext = {
    io, dbFile, args, values: values as CliContext['values'], anchor,
    call: async (channel, input) => {
      const res = await (await ctx.router()).call(channel, input);
      if (!res.ok) throw new LoketError(res.error.code as LoketError['code'], res.error.message, res.error.field);
      return res.value;
    },
    router: async () => {
      if (router) return router;
      router = createRouter({ dbFile, route: 'cli', anchor });
      const res = await router.call('session.unlock', await credentials(io));
      if (!res.ok) throw new LoketError(res.error.code as LoketError['code'], res.error.message);
      return router;
    },
  };
  try {
    await dispatch(command, ctx);
    return 0;
  } catch (e) {
    if (e instanceof LoketError) {
      io.err(`Fout: ${e.message}`);
      return 1;
    }
    // Unknown errors may carry personal data in their message: say what to do, not what it was.
    io.err('Fout: er ging iets onverwachts mis. Controleer het databasebestand en probeer het opnieuw; meld het aan de beheerder als het blijft gebeuren.');
    if (io.env.LOKET_DEBUG === '1') io.err(String((e as Error).stack));
    return 1;
  } finally {
    if (router) await (router as Router).close();
  }
}

async function dispatch(command: string, ctx: CliContext): Promise<void> {
  const { io, dbFile, values, args, anchor } = ctx;
  switch (command) {
    case 'init': {
      const admin = need(values, 'admin', 'de gebruikersnaam van de eerste beheerder.');
      const password = io.env.LOKET_PASSWORD ?? (await newPassword(io));
      const { recoveryKey } = await initVault({
        file: dbFile, gemeente: need(values, 'gemeente', 'de naam van de gemeente.'),
        gemeentecode: need(values, 'gemeentecode', 'de 4 cijfers van de CBS-gemeentecode.'),
        admin, adminName: values.naam as string | undefined, password, route: 'cli', anchor,
      });
      io.out(`Database aangemaakt: ${dbFile}\nBeheerder: ${admin}\n`);
      io.out(`HERSTELSLEUTEL (wordt maar één keer getoond; bewaar hem op papier in de kluis):\n\n    ${recoveryKey}\n`);
      return;
    }
    case 'user': {
      const [sub, name] = args;
      if (sub === 'list') {
        for (const u of (await ctx.call('user.list', {})).users) io.out(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${u.active ? 'actief' : 'verwijderd'}${u.mandaat ? `\tmandaat: ${u.mandaat}` : ''}`);
        return;
      }
      if (!name) throw new LoketError('invoer', `Noem de gebruiker: loket user ${sub ?? 'add'} GEBRUIKER.`);
      if (sub === 'add') {
        const user = await ctx.call('user.add', {
          username: name, displayName: (values.naam as string | undefined) ?? name,
          roles: need(values, 'rol', 'een of meer rollen, bijvoorbeeld --rol consulent.').split(',').map((x) => x.trim()) as never,
          mandaat: (values.mandaat as string | undefined) ?? null, password: await newPassword(io),
        });
        io.out(`Gebruiker ${name} toegevoegd (${user.roles.join(', ')}).`);
      } else if (sub === 'remove') {
        await ctx.call('user.remove', { username: name });
        io.out(`Gebruiker ${name} verwijderd; de sleutel van ${name} is weg en de databasesleutel is vervangen (back-up vooraf in ${path.basename(dbFile)}.back-ups/).`);
      } else if (sub === 'reset') {
        await ctx.call('user.resetPassword', { username: name, password: await newPassword(io) });
        io.out(`Nieuw wachtwoord ingesteld voor ${name}.`);
      } else {
        throw new LoketError('invoer', `Onbekende opdracht 'user ${sub}'. Kies list, add, remove of reset.`);
      }
      return;
    }
    case 'passwd': {
      const oldPassword = io.env.LOKET_PASSWORD ?? (await io.prompt('Huidig wachtwoord: ', true));
      await ctx.call('session.changePassword', { oldPassword, newPassword: await newPassword(io) });
      io.out('Uw wachtwoord is gewijzigd.');
      return;
    }
    case 'recover': {
      const username = need(values, 'user', 'de gebruiker die een nieuw wachtwoord krijgt.');
      const key = io.env.LOKET_RECOVERY_KEY ?? (await io.prompt('Herstelsleutel: ', true));
      const s = await unlockWithRecoveryKey(dbFile, key, 'cli', STRONG_KDF, anchor);
      try {
        await resetPassword(s, username, await newPassword(io));
      } finally {
        await lock(s);
      }
      io.out(`Nieuw wachtwoord ingesteld voor ${username} met de herstelsleutel.`);
      return;
    }
    case 'verify-log': {
      const extra = ((values as Record<string, unknown>).anker as string[] | undefined ?? []).map((f) => path.resolve(f));
      const result = await ctx.call('audit.verify', extra.length ? { ankerBestanden: extra } : {});
      for (const r of result.anchors?.restores ?? []) io.out(`Let op: op ${r.ts} is een back-up teruggezet (toegangslog vanaf regel ${r.seq})${r.detail ? `: ${r.detail}` : ''}.`);
      if (!result.ok) throw new LoketError('opslag', `Toegangslog NIET in orde: ${result.firstBroken!.reason}. Meld dit als beveiligingsincident.`);
      io.out(`Toegangslog in orde: ${result.entries} regels, keten ongeschonden.`);
      if (result.anchors) io.out(`Ankers: ${result.anchors.checked} vergeleken (tot regel ${result.anchors.lastAnchoredSeq}), alle in orde.`);
      else if (!hasAnchors(anchor)) io.out('Let op: er is geen anker ingesteld (LOKET_ANKER_BESTAND of LOKET_SYSLOG). Zonder anker is een herschreven of ingekorte keten niet te zien.');
      return;
    }
    case 'backup': {
      const out = path.resolve(need(values, 'out', 'waar de back-up komt, bijvoorbeeld --out /media/backup/loket-2026-11-24.db.'));
      const res = await ctx.call('database.backup', { out });
      io.out(`Back-up gemaakt: ${res.file} (${res.clients} cliënten, ${res.users} gebruikers). De sleutels staan in ${res.file}.keys/.`);
      return;
    }
    case 'restore': {
      const from = path.resolve(need(values, 'from', 'de back-up die terug moet.'));
      const who = values.herstelsleutel === true
        ? { recoveryKey: io.env.LOKET_RECOVERY_KEY ?? (await io.prompt('Herstelsleutel: ', true)) }
        : await credentials(io);
      const res = await restore({
        from, to: dbFile, ...who, force: values.force === true, reason: values.reden as string | undefined, anchor, route: 'cli',
      });
      io.out(`Back-up teruggezet op ${dbFile} (${res.counts.clients ?? 0} cliënten, toegangslog tot regel ${res.head.seq}).`);
      return;
    }
    case 'rekey': {
      const backupTo = path.resolve(need(values, 'backup', 'waar de verplichte back-up vooraf komt.'));
      await ctx.router(); // logs in before the confirmation prompt
      const password = io.env.LOKET_PASSWORD ?? (await io.prompt('Uw wachtwoord ter bevestiging: ', true));
      const res = await ctx.call('database.rekey', { backupTo, password });
      io.out(`Databasesleutel vervangen. Back-up vooraf: ${res.backupFile}.`);
      io.out(`NIEUWE HERSTELSLEUTEL (de oude werkt niet meer):\n\n    ${res.recoveryKey}\n`);
      if (res.usersToReset.length) io.out(`Geef deze gebruikers een nieuw wachtwoord met 'loket user reset': ${res.usersToReset.join(', ')}`);
      return;
    }
    case 'call': {
      const [channel] = args;
      if (!channel || !isChannel(channel)) throw new LoketError('invoer', `Onbekend kanaal '${channel ?? ''}'. Zie shared/ipc/channels.ts voor de lijst.`);
      let input: unknown = {};
      if (typeof values.json === 'string') {
        try {
          input = JSON.parse(values.json);
        } catch {
          throw new LoketError('invoer', 'De --json invoer is geen geldige JSON.', 'json');
        }
      }
      const r = await ctx.router();
      const res = await r.call(channel, input as never);
      io.out(JSON.stringify(res, null, 2));
      if (!res.ok) throw new LoketError(res.error.code as LoketError['code'], res.error.message, res.error.field);
      return;
    }
    default: {
      const extra = EXTRA_COMMANDS.find((c) => c.name === command);
      if (extra) return extra.run(ctx);
      throw new LoketError('invoer', `Onbekende opdracht '${command}'. Zie 'loket --help'.`);
    }
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

