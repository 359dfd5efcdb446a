import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoketError } from '../../shared/errors';
import { anchorConfigFromEnv } from '../anchor';
import { buildServer, type LoketServer } from '../server/app';
import { unsealWithKeyFile, unsealWithPassword, unsealWithRecoveryKey, writeKeyFile, type Unsealed } from '../server/seal';
import type { CliContext, ExtraCommand } from './commands';

/** `loket serve`: the team server (main/server/app.ts) over HTTPS only. */

export const SERVE_USAGE = `Gebruik: loket serve --db BESTAND --listen HOST:POORT --cert CERT.pem --key SLEUTEL.pem [opties]

Start de teamserver: dezelfde opdrachten als de app, via HTTPS (nooit gewoon HTTP).
De server start verzegeld en wordt ontsloten met (in deze volgorde):
  --key-file BESTAND      een sleutelbestand (alleen leesbaar voor de eigenaar; voor herstart zonder mens)
  LOKET_RECOVERY_KEY      de herstelsleutel
  LOKET_USER/LOKET_PASSWORD of een prompt: een beheerder
  anders blijft hij verzegeld tot een beheerder POST /api/unseal doet.
De eerste keer ontsluiten zet de database onder de server: gebruikers houden hun wachtwoord, maar
alleen beheerders en de herstelsleutel houden een sleutel in de sleutelmap.

Opties:
  --db BESTAND            de database (standaard $LOKET_DB of ./loket.db)
  --listen HOST:POORT     waar de server luistert, bijvoorbeeld 0.0.0.0:8443 (poort 0: kies een vrije)
  --cert CERT.pem         het TLS-certificaat (met tussencertificaten) in PEM
  --key SLEUTEL.pem       de privésleutel van het certificaat in PEM
  --ca CA.pem             eis clientcertificaten van deze CA (optioneel)
  --key-file BESTAND      ontsluit met dit sleutelbestand
  --write-key-file BESTAND
                          schrijf na het ontsluiten een sleutelbestand (0600) voor volgende starts
  --renderer MAP          de gebouwde app voor browsers (standaard dist/renderer)
  --idle-minutes N        sessie vervalt na N minuten zonder gebruik (standaard 15)
  --backup-dir MAP        maak elke --backup-hours uur een versleutelde, gecontroleerde back-up hierin
  --backup-hours N        (standaard 24)
  -h, --help              deze tekst

Omgeving: LOKET_ANKER_BESTAND (ankerbestand), LOKET_SYSLOG (syslog) voor de kop van het toegangslog;
LOKET_USER/LOKET_PASSWORD of LOKET_RECOVERY_KEY om te ontsluiten.
`;

function parseListen(v: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(v);
  if (!m || Number(m[2]) > 65535) throw new LoketError('invoer', `--listen ${v} klopt niet: gebruik HOST:POORT, bijvoorbeeld 127.0.0.1:8443.`, 'listen');
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

function str(ctx: CliContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

async function readPem(file: string | undefined, option: string): Promise<string> {
  if (!file) throw new LoketError('invoer', `Optie --${option} ontbreekt: de server luistert alleen via HTTPS. Zie 'loket serve --help'.`, option);
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    throw new LoketError('invoer', `Bestand ${file} (--${option}) kan niet worden gelezen.`, option);
  }
}

async function unsealAtStart(ctx: CliContext): Promise<Unsealed | undefined> {
  const { io, dbFile } = ctx;
  const keyFile = str(ctx, 'key-file');
  const o = { anchor: anchorConfigFromEnv(io.env) };
  if (keyFile) return unsealWithKeyFile(dbFile, path.resolve(keyFile), o);
  if (io.env.LOKET_RECOVERY_KEY) return unsealWithRecoveryKey(dbFile, io.env.LOKET_RECOVERY_KEY, o);
  if (io.env.LOKET_USER && io.env.LOKET_PASSWORD) return unsealWithPassword(dbFile, io.env.LOKET_USER.trim().toLowerCase(), io.env.LOKET_PASSWORD, o);
  if (process.stdin.isTTY) {
    const username = await io.prompt('Beheerder (om de server te ontsluiten): ', false);
    return unsealWithPassword(dbFile, username.trim().toLowerCase(), await io.prompt('Wachtwoord: ', true), o);
  }
  return undefined;
}

export const SERVE_COMMANDS: ExtraCommand[] = [{
  name: 'serve',
  help: '  serve --listen HOST:POORT --cert CERT.pem --key SLEUTEL.pem\n                          start de teamserver (HTTPS); zie loket serve --help',
  usage: SERVE_USAGE,
  options: {
    listen: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, ca: { type: 'string' },
    'key-file': { type: 'string' }, 'write-key-file': { type: 'string' }, renderer: { type: 'string' },
    'idle-minutes': { type: 'string' }, 'backup-dir': { type: 'string' }, 'backup-hours': { type: 'string' },
  },
  async run(ctx) {
    const { io } = ctx;
    const listen = parseListen(str(ctx, 'listen') ?? '127.0.0.1:8443');
    const tls = {
      cert: await readPem(str(ctx, 'cert'), 'cert'),
      key: await readPem(str(ctx, 'key'), 'key'),
      ...(str(ctx, 'ca') ? { ca: await readPem(str(ctx, 'ca'), 'ca') } : {}),
    };
    const idle = Number(str(ctx, 'idle-minutes') ?? '15');
    if (!Number.isFinite(idle) || idle <= 0) throw new LoketError('invoer', '--idle-minutes moet een positief getal zijn.', 'idle-minutes');
    const unsealed = await unsealAtStart(ctx);
    const writeKey = str(ctx, 'write-key-file');
    if (writeKey) {
      if (!unsealed) throw new LoketError('invoer', '--write-key-file kan alleen als de server bij het starten wordt ontsloten.');
      await writeKeyFile(path.resolve(writeKey), unsealed.key);
      io.out(`Sleutelbestand geschreven: ${writeKey} (alleen leesbaar voor deze gebruiker).`);
    }
    const server: LoketServer = await buildServer({
      dbFile: ctx.dbFile, tls, unsealed, anchor: anchorConfigFromEnv(io.env),
      timeouts: { idleMs: idle * 60_000, absoluteMs: 10 * 3600_000 },
      rendererDir: path.resolve(str(ctx, 'renderer') ?? path.join(__dirname, '..', '..', 'renderer')),
      backup: str(ctx, 'backup-dir') ? { dir: path.resolve(str(ctx, 'backup-dir')!), everyHours: Number(str(ctx, 'backup-hours') ?? '24') } : undefined,
    });
    const address = await server.app.listen({ host: listen.host, port: listen.port });
    io.out(`Sociaal Loket-server luistert op ${address.replace(/^http:/, 'https:')}${unsealed ? '' : ' (verzegeld: ontsluit met POST /api/unseal)'}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    io.out('Server gestopt.');
  },
}];
