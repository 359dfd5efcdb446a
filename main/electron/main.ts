import { app, BrowserWindow, ipcMain, Menu, net, powerMonitor, protocol, session, type WebContents } from 'electron';
import os from 'node:os';
import type { LoketCall } from '../../shared/ipc/channels';
import { createRemoteCall } from '../../shared/ipc/remote';
import { mayCall } from '../../shared/ipc/access';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { anchorConfigFromEnv } from '../anchor';
import { useNativeBinding } from '../db/database';
import { createRouter, type Router } from '../router';
import { CSP } from './csp';
import { isAllowedUrl } from './navigation';

/**
 * The Electron main process: one locked-down window, one IPC handler. Everything that matters
 * runs in the Router (main/router.ts), which the CLI and the tests use as well.
 */

const SCHEME = 'app';
const APP_ROOT = `${SCHEME}://loket/`;
/** dist/main/electron/main.js → dist/renderer */
const RENDERER_DIR = path.resolve(__dirname, '..', '..', 'renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

// Must run before 'ready': app:// behaves like https (origin, 'self' in the CSP, ES modules).
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true } }]);

function argValue(name: string): string | undefined {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name && i + 1 < argv.length) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

function dbFile(): string {
  const fromArg = argValue('--db');
  return fromArg ? path.resolve(fromArg) : path.join(app.getPath('userData'), 'loket.db');
}

async function serveRendererFile(request: Request): Promise<Response> {
  if (!isAllowedUrl(request.url, APP_ROOT)) return new Response('Niet gevonden', { status: 404 });
  const rel = decodeURIComponent(new URL(request.url).pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(RENDERER_DIR, rel);
  if (!file.startsWith(RENDERER_DIR + path.sep)) return new Response('Niet gevonden', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Niet gevonden', { status: 404 });
  }
}

function hardenContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAllowedUrl(event.url, APP_ROOT)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedUrl(event.url, APP_ROOT)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Sociaal Loket',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      // Developer tools only in a development run, never in an installed (packaged) app.
      devTools: !app.isPackaged,
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // No plug-ins: the letter preview is drawn by PDF.js in the page itself.
      plugins: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ROOT}index.html`);
  return win;
}

let router: Router | null = null;

/**
 * The connection: a local database (the default), or the team server (`--server https://…`, or
 * `verbinding.json` {"server": "https://…"} in the app's data folder). With a server, the main
 * process forwards every call over HTTPS with Electron's net.fetch (the system's certificate store,
 * so the municipality's CA, and its proxy), keeps the session token in memory only, and stores
 * no client data.
 */
function serverUrl(): string | null {
  let url = argValue('--server') ?? null;
  if (!url) {
    try {
      url = (JSON.parse(readFileSync(path.join(app.getPath('userData'), 'verbinding.json'), 'utf8')) as { server?: string }).server ?? null;
    } catch {
      url = null;
    }
  }
  if (url && !/^https:\/\//.test(url)) throw new Error(`de server moet een https-adres zijn (${url})`);
  return url ? url.replace(/\/+$/, '') : null;
}

let remote: LoketCall | null = null;

/**
 * From a checkout (`npm start`), node_modules holds the Node build of the SQLCipher module, for
 * the CLI and the tests; the Electron build sits beside it (made by build/electron-native.mjs,
 * same file name). A packaged app has the Electron build in node_modules (electron-builder).
 */
function useElectronBuildOfSqlite(): void {
  if (app.isPackaged) return;
  const file = path.join(app.getAppPath(), '.electron-native', `better_sqlite3-electron-${process.versions.electron}.node`);
  if (existsSync(file)) useNativeBinding(file);
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // One process per database: a second window would fight over the encrypted file.
    app.quit();
    return;
  }
  app.commandLine.appendSwitch('lang', 'nl-NL');
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  await app.whenReady();
  // An application menu without developer tools or reload: only what a user of the desk needs.
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    { label: 'Bestand', submenu: [{ role: 'quit', label: 'Afsluiten' }] },
    { label: 'Bewerken', submenu: [{ role: 'undo', label: 'Ongedaan maken' }, { role: 'redo', label: 'Opnieuw' }, { type: 'separator' }, { role: 'cut', label: 'Knippen' }, { role: 'copy', label: 'Kopiëren' }, { role: 'paste', label: 'Plakken' }, { role: 'selectAll', label: 'Alles selecteren' }] },
    { label: 'Beeld', submenu: [{ role: 'resetZoom', label: 'Ware grootte' }, { role: 'zoomIn', label: 'Inzoomen' }, { role: 'zoomOut', label: 'Uitzoomen' }] },
  ]));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  protocol.handle(SCHEME, serveRendererFile);

  const server = serverUrl();
  if (server) {
    remote = createRemoteCall({ base: server, mode: 'bearer', werkplek: os.hostname(), fetch: (url, init) => net.fetch(url, init) });
  } else {
    useElectronBuildOfSqlite();
    router = createRouter({ dbFile: dbFile(), route: 'app', anchor: anchorConfigFromEnv(process.env) });
  }
  const r = router;
  const forward = remote;
  ipcMain.handle('loket:call', (event, channel: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAllowedUrl(url, APP_ROOT) || typeof channel !== 'string') {
      return { ok: false, error: { code: 'geen_toegang', message: 'Deze opdracht komt niet van Sociaal Loket zelf en is geweigerd.' } };
    }
    return forward ? forward(channel as never, input as never) : r!.call(channel, input);
  });

  if (r) {
    startExportTimer(r);
    startSessionLocks(r);
  } else if (forward) {
    // The server runs the outbox and the idle timeout; sleep and screen lock still end the session here.
    powerMonitor.on('suspend', () => void forward('session.lock', {}));
    powerMonitor.on('lock-screen', () => void forward('session.lock', {}));
  }

  let win = createWindow();
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
}

/**
 * The outbox runs in the background while someone is logged in who may export (the ZGW JWT names
 * that person). Jobs are resumable, so a run cut short by locking or quitting loses nothing.
 */
const EXPORT_INTERVAL_MS = 60_000;
function startExportTimer(r: Router): void {
  let busy = false;
  const timer = setInterval(() => {
    const user = r.session?.user;
    if (busy || !user || !mayCall(user.roles, 'export.run')) return;
    busy = true;
    void r.call('export.run', { maxJobs: 10 }, { background: true }).finally(() => { busy = false; });
  }, EXPORT_INTERVAL_MS);
  timer.unref();
  app.on('before-quit', () => clearInterval(timer));
}

/**
 * The idle lock runs here, not only in the renderer (a hung or hostile renderer cannot keep a
 * session open), and the session locks when the computer sleeps or its screen locks.
 */
const IDLE_CHECK_MS = 15_000;
function startSessionLocks(r: Router): void {
  const timer = setInterval(() => void r.lockIfIdle(), IDLE_CHECK_MS);
  timer.unref();
  app.on('before-quit', () => clearInterval(timer));
  powerMonitor.on('suspend', () => void r.lockNow('vergrendeld: de computer ging in slaapstand'));
  powerMonitor.on('lock-screen', () => void r.lockNow('vergrendeld: het scherm van de computer ging op slot'));
}

let closing = false;
app.on('before-quit', (event) => {
  if (!closing && remote) {
    event.preventDefault();
    closing = true;
    void remote('session.lock', {}).finally(() => app.quit());
    return;
  }
  if (closing || !router) return;
  // Lock the session (closes the database, wipes the key) before the process ends.
  event.preventDefault();
  closing = true;
  void router.close().finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());

main().catch((e: unknown) => {
  // Not a person-facing path: the window never opened. Keep personal data out of it.
  console.error('Sociaal Loket kon niet starten:', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
