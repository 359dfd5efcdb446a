import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useIdle, useMediaQuery } from '@mantine/hooks';
import { useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../../shared/roles';
import type { UserInfo } from '../../shared/schemas/admin';
import { call } from './api';
import { useT, type TextKey } from './i18n';
import { importDraftKey } from './drafts';
import { match, navigate, useRoute } from './route';
import { hasRole, SessionContext, type SessionInfo } from './session';
import { Login } from './screens/Login';
import { TotpEnroll } from './screens/TotpEnroll';
import { Werkvoorraad } from './screens/Werkvoorraad';
import { Accordering } from './screens/Accordering';
import { PrintQueue } from './screens/PrintQueue';
import { ClientSearch } from './screens/ClientSearch';
import { ClientNew } from './screens/ClientNew';
import { ClientPage } from './screens/ClientPage';
import { MeldingNew } from './screens/MeldingNew';
import { MeldingPage } from './screens/MeldingPage';
import { ExportStatus } from './screens/ExportStatus';
import { AuditLog } from './screens/AuditLog';
import { SettingsScreen } from './screens/Settings';
import { Users } from './screens/Users';
import { ManagementInfo } from './screens/beheer/ManagementInfo';
import { Herindicatie } from './screens/beheer/Herindicatie';
import { Vernietiging } from './screens/beheer/Vernietiging';
import { Rechten } from './screens/beheer/Rechten';
import { Keuzelijsten } from './screens/beheer/Keuzelijsten';
import { ChangePassword } from './screens/ChangePassword';
import { AuditExport } from './screens/AuditExport';
import { Notificaties } from './Notificaties';
import { Verzoeken } from './screens/Verzoeken';
import { mayCall } from '../../shared/ipc/access';
import type { ChannelName } from '../../shared/ipc/channels';

/** A screen shows when its user may call the channel it needs (the channel table's roles). */
interface NavItem { path: string; label: TextKey; channel: ChannelName }

const NAV: NavItem[] = [
  { path: '/werkvoorraad', label: 'navWerkvoorraad', channel: 'werkvoorraad.page' },
  { path: '/accordering', label: 'navAccordering', channel: 'accordering.queue' },
  { path: '/print', label: 'navPrint', channel: 'print.queue' },
  { path: '/clienten', label: 'navClients', channel: 'client.search' },
  { path: '/clienten/nieuw', label: 'navNewClient', channel: 'client.create' },
  { path: '/export', label: 'navExport', channel: 'export.run' },
  { path: '/verzoeken', label: 'navVerzoeken', channel: 'iwmo.verzoeken' },
  { path: '/beheer/herindicatie', label: 'navHerindicatie', channel: 'mi.herindicatie' },
  { path: '/beheer/mi', label: 'navMi', channel: 'mi.overzicht' },
  { path: '/beheer/rechten', label: 'navRechten', channel: 'rechten.besluit' },
  { path: '/beheer/vernietiging', label: 'navVernietiging', channel: 'vernietiging.lijst' },
  { path: '/log', label: 'navAudit', channel: 'audit.list' },
  { path: '/audit-export', label: 'navAuditExport', channel: 'export.audit' },
  { path: '/instellingen', label: 'navSettings', channel: 'settings.update' },
  { path: '/beheer/keuzelijsten', label: 'navKeuzelijsten', channel: 'keuzelijst.wijk.opslaan' },
  { path: '/gebruikers', label: 'navUsers', channel: 'user.add' },
];

/** Where each role starts its day: its own worklist. */
const HOME: [Role, string][] = [
  ['besluitbevoegd', '/accordering'], ['consulent', '/werkvoorraad'], ['administratie', '/print'], ['auditor', '/log'], ['beheerder', '/gebruikers'],
];

function homeFor(user: UserInfo): string {
  return HOME.find(([r]) => hasRole(user, r))?.[1] ?? '/export';
}

export function App() {
  // One language: Dutch (index.html says lang="nl"); see i18n.ts.
  const i18n = useT();

  const [state, setState] = useState<{ user: UserInfo; gemeenteNaam: string; draftKey: CryptoKey } | null | undefined>(undefined);
  const [lockedByIdle, setLockedByIdle] = useState(false);
  const [lastUser, setLastUser] = useState<string | null>(null);
  // Team server: a beheerder or besluitbevoegde sets up the second factor before anything else.
  const [enrollTotp, setEnrollTotp] = useState(false);
  const checkTotp = useCallback(async () => {
    const r = await call('totp.status', {});
    setEnrollTotp(r.ok && r.value.required && !r.value.enrolled);
  }, []);

  useEffect(() => {
    void call('session.current', {}).then(async (r) => {
      if (r.ok && r.value.user && r.value.draftKey) {
        await checkTotp();
        setState({ user: r.value.user, gemeenteNaam: r.value.gemeenteNaam ?? '', draftKey: await importDraftKey(r.value.draftKey) });
        setLastUser(r.value.user.username);
      } else {
        setState(null);
      }
    });
  }, []);

  const lock = useCallback(async (byIdle: boolean) => {
    setLastUser((u) => u ?? null);
    await call('session.lock', {});
    setLockedByIdle(byIdle);
    setState(null);
  }, []);

  return (
    <>
      {state === undefined ? (
        <Text p="xl">{i18n.t('loading')}</Text>
      ) : state === null ? (
        <Login
          lockedByIdle={lockedByIdle}
          onUnlocked={async (user, gemeenteNaam, draftKey) => {
            setLockedByIdle(false);
            await checkTotp();
            setState({ user, gemeenteNaam, draftKey: await importDraftKey(draftKey) });
            // The same person after an auto-lock continues where they were (drafts intact);
            // someone else starts at their own home screen.
            if (!window.location.hash || window.location.hash === '#/' || (lastUser !== null && lastUser !== user.username)) navigate(homeFor(user));
            setLastUser(user.username);
          }}
        />
      ) : enrollTotp ? (
        <TotpEnroll onDone={() => setEnrollTotp(false)} onLock={() => void lock(false)} />
      ) : (
        <SessionContext.Provider value={{ ...state, lock: () => void lock(false) }}>
          <Shell onIdle={() => void lock(true)} />
        </SessionContext.Provider>
      )}
    </>
  );
}

function Shell({ onIdle }: { onIdle: () => void }) {
  const { t } = useT();
  const path = useRoute();
  const [autoLockMin, setAutoLockMin] = useState(10);
  const session = useSessionValue();
  useEffect(() => {
    void call('settings.get', {}).then((r) => {
      if (r.ok) setAutoLockMin(r.value.autoLockMinuten);
    });
  }, []);
  const idle = useIdle(autoLockMin * 60_000, { initialState: false, events: ['keydown', 'mousemove', 'mousedown', 'touchstart', 'wheel'] });
  useEffect(() => {
    if (idle) onIdle();
  }, [idle, onIdle]);
  // Main enforces the idle lock too (and locks on suspend/screen lock): tell it the person is
  // working, and return to the login screen once main has locked.
  const recentlyIdle = useIdle(60_000, { initialState: false, events: ['keydown', 'mousemove', 'mousedown', 'touchstart', 'wheel'] });
  useEffect(() => {
    const timer = setInterval(() => {
      void call('session.activity', { active: !recentlyIdle }).then((r) => {
        if (!r.ok && r.error.code === 'vergrendeld') onIdle();
      });
    }, 30_000);
    return () => clearInterval(timer);
  }, [recentlyIdle, onIdle]);

  const user = session.user;
  const items = NAV.filter((n) => mayCall(user.roles, n.channel));
  useEffect(() => {
    if (path === '/' || path === '') navigate(homeFor(user));
  }, [path, user]);

  // At 200% zoom (or a narrow window) the menu folds away behind a button, so the page keeps its width.
  const [navOpen, nav] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 47.99em)') ?? false;
  useEffect(() => nav.close(), [path]);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Naar de inhoud
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={navOpen ? 'Menu sluiten' : 'Menu openen'} aria-expanded={navOpen} />
            <Text fw={700} size="lg">{t('appName')}</Text>
            <Text c="dimmed" size="sm" visibleFrom="md">{session.gemeenteNaam}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="lg">{t('loggedInAs')} <strong>{user.displayName}</strong> ({user.roles.join(', ')})</Text>
            <Notificaties path={path} />
            {/* At 200% zoom the header keeps one line: "Mijn wachtwoord" moves into the folded menu. */}
            <Button size="compact-sm" variant="subtle" component="a" href="#/wachtwoord" visibleFrom="sm">Mijn wachtwoord</Button>
            <Button size="compact-sm" variant="outline" onClick={session.lock}>{t('lockNow')}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* Folded away it is also out of the Tab order and the accessibility tree, not only off screen. */}
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav')} style={narrow && !navOpen ? { visibility: 'hidden' } : undefined}>
        <Stack gap={2}>
          {items.map((n) => (
            <NavLink key={n.path} href={`#${n.path}`} label={t(n.label)} variant="filled"
              active={path === n.path || (n.path !== '/clienten' && path.startsWith(`${n.path}/`))}
              aria-current={path === n.path ? 'page' : undefined} />
          ))}
          {narrow && <NavLink href="#/wachtwoord" label="Mijn wachtwoord" variant="filled" active={path === '/wachtwoord'} aria-current={path === '/wachtwoord' ? 'page' : undefined} />}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Routes path={path} />
      </AppShell.Main>
    </AppShell>
  );
}

function useSessionValue(): SessionInfo {
  // Inside Shell the provider is always set.
  return useContext(SessionContext)!;
}

/** A screen only for those who may call its channel: anyone else who types the address gets a plain message. */
function Guard({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useT();
  const { user } = useSessionValue();
  if (!mayCall(user.roles, NAV.find((n) => n.path === path)!.channel)) return <Title order={1} size="h3">{t('notAllowedPage')}</Title>;
  return <>{children}</>;
}

function Routes({ path }: { path: string }): ReactNode {
  const { t } = useT();
  const { user } = useSessionValue();
  const id = (pattern: string) => {
    const m = match(pattern, path);
    return m ? Number(m.id) : null;
  };
  if (path === '/werkvoorraad') return <Werkvoorraad />;
  if (path === '/accordering') return <Accordering />;
  if (path === '/print') return <PrintQueue />;
  if (path === '/clienten') return <ClientSearch />;
  if (path === '/clienten/nieuw') return <ClientNew />;
  if (path === '/export') return <ExportStatus />;
  if (path === '/log') return <AuditLog />;
  if (path === '/audit-export') return <Guard path={path}><AuditExport /></Guard>;
  if (path === '/instellingen') return <SettingsScreen />;
  if (path === '/gebruikers') return <Users />;
  if (path === '/wachtwoord') return <ChangePassword />;
  if (path === '/verzoeken') return <Guard path={path}><Verzoeken canWrite={mayCall(user.roles, 'iwmo.verzoek.antwoord')} /></Guard>;
  if (path === '/beheer/keuzelijsten') return <Guard path={path}><Keuzelijsten /></Guard>;
  if (path === '/beheer/mi') return <Guard path={path}><ManagementInfo /></Guard>;
  if (path === '/beheer/herindicatie') return <Guard path={path}><Herindicatie meldingHref={(mid) => `#/melding/${mid}`} /></Guard>;
  if (path === '/beheer/vernietiging') return <Guard path={path}><Vernietiging roles={user.roles} username={user.username} /></Guard>;
  if (path === '/beheer/rechten') return <Guard path={path}><Rechten roles={user.roles} /></Guard>;
  let n: number | null;
  if ((n = id('/client/:id/melding/nieuw')) !== null) return <MeldingNew key={n} clientId={n} />;
  if ((n = id('/client/:id')) !== null) return <ClientPage key={n} id={n} />;
  if ((n = id('/melding/:id')) !== null) return <MeldingPage key={n} id={n} />;
  const stap = match('/melding/:id/:stap', path);
  if (stap) return <MeldingPage key={stap.id} id={Number(stap.id)} stap={stap.stap} />;
  if (path === '/' || path === '') return null;
  return <Title order={1} size="h3">{t('notFoundPage')}</Title>;
}
