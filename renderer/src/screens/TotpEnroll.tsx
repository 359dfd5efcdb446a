import { Alert, Button, Center, Code, Group, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, type CallError } from '../api';
import { useT } from '../i18n';

/** Team server: enrolling the second factor with a QR code, then the one-time recovery codes. */
export function TotpEnroll({ onDone, onLock }: { onDone: () => void; onLock: () => void }) {
  const { t } = useT();
  const [setup, setSetup] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  useEffect(() => {
    void call('totp.begin', {}).then((r) => (r.ok ? setSetup(r.value) : setError(r.error)));
  }, []);

  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('totp.confirm', { code });
    setBusy(false);
    if (r.ok) setRecoveryCodes(r.value.recoveryCodes);
    else setError(r.error);
  };

  return (
    <Center mih="100vh" bg="gray.1">
      <main>
        <Paper shadow="sm" p="xl" w={480} withBorder>
          {recoveryCodes ? (
            <Stack>
              <Title order={1} size="h2">{t('totpRecoveryTitle')}</Title>
              <Text size="sm">{t('totpRecoveryIntro')}</Text>
              <List aria-label={t('totpRecoveryTitle')} styles={{ item: { fontFamily: 'monospace' } }}>
                {recoveryCodes.map((c) => <List.Item key={c}>{c}</List.Item>)}
              </List>
              <Button onClick={onDone}>{t('totpDone')}</Button>
            </Stack>
          ) : (
            <form onSubmit={confirm} noValidate>
              <Stack>
                <Group justify="space-between">
                  <Title order={1} size="h2">{t('totpTitle')}</Title>
                  <Button variant="subtle" size="compact-sm" onClick={onLock}>{t('lockNow')}</Button>
                </Group>
                <Text size="sm">{t('totpIntro')}</Text>
                {error && <Alert color="red" role="alert">{error.message}</Alert>}
                {setup && (
                  <>
                    <Image src={setup.qrDataUrl} alt={t('totpQrAlt')} w={220} h={220} />
                    <Text size="sm">{t('totpManual')} <Code>{setup.secret}</Code></Text>
                  </>
                )}
                <TextInput label={t('totpCode')} autoComplete="one-time-code" inputMode="numeric" required value={code}
                  onChange={(e) => setCode(e.currentTarget.value)} />
                <Button type="submit" loading={busy} disabled={!setup}>{t('totpConfirm')}</Button>
              </Stack>
            </form>
          )}
        </Paper>
      </main>
    </Center>
  );
}
