import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ExportJob } from '../../../shared/ipc/export-channels';
import { mayCall } from '../../../shared/ipc/access';
import { call, useLoad, type CallError } from '../api';
import { fmtDateTime } from '../format';
import { useT, type TextKey } from '../i18n';
import { useSession } from '../session';
import { LoadError } from '../ui';
import type { ChannelOutput } from '../../../shared/ipc/channels';

/**
 * The export outbox (export.status / export.run / export.retry): which besluiten wait for the
 * zaaksysteem (ZGW) or the provider (iWmo), which failed and why (the zaaksysteem's message and
 * field), and for the beheerder the write-only ZGW secret (export.setSecret).
 */

type Kind = ExportJob['kind'];
type Status = ExportJob['status'];
type RunResult = ChannelOutput<'export.run'>;

const KIND_LABEL: Record<Kind, string> = { zgw: 'ZGW', iwmo: 'iWmo' };
const KIND_LONG: Record<Kind, string> = { zgw: 'ZGW (zaaksysteem)', iwmo: 'iWmo (berichten aan aanbieders)' };
// Dark enough for white text (WCAG AA); the icon and the word carry the meaning, not the colour.
const STATUS_COLOR: Record<Status, string> = { wachtend: '#1c4f8a', bezig: '#5f3dc4', klaar: '#1e6b30', fout: '#b01c1c' };
const STATUS_ICON: Record<Status, string> = { wachtend: '…', bezig: '↻', klaar: '✓', fout: '✕' };

function StatusBadge({ status }: { status: Status }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-status={status} style={{ textTransform: 'none', minWidth: 'max-content' }}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>{t(`exportStatus_${status}` as TextKey)}
    </Badge>
  );
}

function ErrorText({ error }: { error: { message: string; field?: string } | null | undefined }) {
  const { t } = useT();
  if (!error) return <>–</>;
  return (
    <span>
      {error.message}
      {error.field && <> ({t('exportField')}: <code>{error.field}</code>)</>}
    </span>
  );
}

export function ExportStatus() {
  const { t } = useT();
  const { user } = useSession();
  const { data, error, loading, reload } = useLoad('export.status', { limit: 200 });
  const [running, setRunning] = useState(false);
  const [runResult, setRunResult] = useState<RunResult | null>(null);
  const [actionError, setActionError] = useState<CallError | null>(null);
  const [actionOk, setActionOk] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<number | null>(null);
  const mayExport = mayCall(user.roles, 'export.run');
  const maySetSecret = mayCall(user.roles, 'export.setSecret');

  const jobs = data?.jobs ?? [];
  const kenmerkOf = (id: number, subjectId: number) => jobs.find((j) => j.id === id)?.kenmerk ?? `beschikking ${subjectId}`;
  const missing = data?.ingesteld;
  const nothingSet = !!missing && missing.zgw.length > 0 && missing.iwmo.length > 0;

  const runNow = async () => {
    setRunning(true);
    setActionOk(null);
    setActionError(null);
    const r = await call('export.run', {});
    setRunning(false);
    if (r.ok) setRunResult(r.value);
    else { setRunResult(null); setActionError(r.error); }
    await reload();
  };

  const retry = async (job: ExportJob) => {
    setRetrying(job.id);
    setActionOk(null);
    setActionError(null);
    const r = await call('export.retry', { id: job.id });
    setRetrying(null);
    if (r.ok) setActionOk(`${KIND_LABEL[job.kind]} ${job.kenmerk ?? `beschikking ${job.subjectId}`} ${t('exportRetried')}`);
    else setActionError(r.error);
    await reload();
  };

  return (
    <>
      <Title order={1} size="h2" mb="md">{t('exportTitle')}</Title>
      <Text mb="md" maw={860}>{t('exportIntro')}</Text>
      <LoadError error={error} />

      {missing && (
        <section aria-labelledby="export-config-title" style={{ marginBottom: 16 }}>
          <h2 id="export-config-title" style={{ fontSize: 18, margin: '8px 0' }}>{t('exportConfigTitle')}</h2>
          {nothingSet && (
            <Alert color="gray" role="status" title={t('exportNotSet')} mb="xs">
              <Text size="sm">De beheerder vult de koppelingen in bij de instellingen; tot dan blijven besluiten alleen op papier.</Text>
            </Alert>
          )}
          <List size="sm" spacing={2}>
            {(['zgw', 'iwmo'] as const).map((k) => (
              <List.Item key={k} data-testid={`export-config-${k}`}>
                <strong>{KIND_LONG[k]}</strong>: {missing[k].length === 0 ? t('exportReady') : `${t('exportNotSetKind')} ${missing[k].join(', ')}.`}
              </List.Item>
            ))}
          </List>
        </section>
      )}

      <Group mb="md">
        {mayExport && <Button onClick={() => void runNow()} loading={running} disabled={nothingSet}>{t('exportRunNow')}</Button>}
        <Button variant="default" onClick={() => void reload()} loading={loading && !!data}>{t('exportRefresh')}</Button>
      </Group>

      <div role="status" aria-live="polite">
        {actionOk && <Alert color="green" mb="sm">{actionOk}</Alert>}
        {runResult && <RunOutcome result={runResult} kenmerkOf={kenmerkOf} />}
      </div>
      {actionError && <Alert color="red" role="alert" title="Niet gelukt" mb="sm">{actionError.message}</Alert>}

      <section aria-labelledby="export-jobs-title">
        <h2 id="export-jobs-title" style={{ fontSize: 18, margin: '16px 0 8px' }}>{t('exportJobs')}</h2>
        {loading && !data ? <Text>{t('loading')}</Text> : jobs.length === 0 ? <Text>{t('exportNoJobs')}</Text> : (
          <Table striped fz="sm" data-testid="export-jobs">
            <Table.Caption>{jobs.length} {t('exportJobs').toLowerCase()}</Table.Caption>
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('exportKind')}</Table.Th><Table.Th scope="col">{t('kenmerk')}</Table.Th>
              <Table.Th scope="col">{t('exportStatus')}</Table.Th><Table.Th scope="col" ta="right">{t('exportAttempts')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('exportSteps')}</Table.Th><Table.Th scope="col">{t('exportLastError')}</Table.Th>
              <Table.Th scope="col">{t('exportNextAttempt')}</Table.Th><Table.Th scope="col">{t('exportUpdated')}</Table.Th>
              <Table.Th scope="col">{t('exportAction')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {jobs.map((j) => (
                <Table.Tr key={j.id} data-job-id={j.id}>
                  <Table.Td>{KIND_LABEL[j.kind]}</Table.Td>
                  <Table.Td>{j.kenmerk ?? `beschikking ${j.subjectId}`}</Table.Td>
                  <Table.Td><StatusBadge status={j.status} /></Table.Td>
                  <Table.Td ta="right">{j.attempts}</Table.Td>
                  <Table.Td ta="right">{j.stepsDone}</Table.Td>
                  <Table.Td maw={420}><ErrorText error={j.lastError} /></Table.Td>
                  <Table.Td>{j.nextAttemptAt && j.status === 'wachtend' ? fmtDateTime(j.nextAttemptAt) : '–'}</Table.Td>
                  <Table.Td>{fmtDateTime(j.updatedAt)}</Table.Td>
                  <Table.Td>
                    {j.status === 'fout' && mayExport && (
                      <Button size="compact-sm" variant="outline" loading={retrying === j.id} onClick={() => void retry(j)}
                        aria-label={`${t('exportRetry')}: ${KIND_LABEL[j.kind]} ${j.kenmerk ?? j.subjectId}`}>
                        {t('exportRetry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      {maySetSecret && <SecretForm onSaved={() => void reload()} />}
    </>
  );
}

function RunOutcome({ result, kenmerkOf }: { result: RunResult; kenmerkOf: (id: number, subjectId: number) => string }) {
  const { t } = useT();
  const bad = result.fout > 0;
  return (
    <Alert color={bad ? 'orange' : 'green'} title={t('exportRunResult')} mb="sm" data-testid="export-run-result">
      <Stack gap={4}>
        <Text size="sm">
          {result.taken === 0 ? t('exportNothingToDo') : `${result.taken} opdracht(en): ${result.klaar} klaar, ${result.wachtend} wachtend (later opnieuw), ${result.fout} met een fout.`}
        </Text>
        {result.jobs.length > 0 && (
          <List size="sm" spacing={2}>
            {result.jobs.map((j) => (
              <List.Item key={j.id}>
                {KIND_LABEL[j.kind]} {kenmerkOf(j.id, j.subjectId)}: <StatusBadge status={j.status} />
                {j.error && <> <ErrorText error={j.error} /></>}
              </List.Item>
            ))}
          </List>
        )}
        {result.skipped.map((s) => <Text key={s.kind} size="sm">{KIND_LONG[s.kind]}: {s.reason}</Text>)}
      </Stack>
    </Alert>
  );
}

/** Write-only: what is typed is sent once and the field is emptied; the secret never comes back. */
function SecretForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const save = async (value: string) => {
    setBusy(true);
    const r = await call('export.setSecret', { secret: value });
    setBusy(false);
    setSecret('');
    if (r.ok) { setMsg({ ok: true, text: r.value.ingesteld ? t('exportSecretSaved') : t('exportSecretCleared') }); onSaved(); } else setMsg({ ok: false, text: r.error.message, field: r.error.field });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!secret) { setMsg({ ok: false, text: 'Vul het secret in dat functioneel beheer van het zaaksysteem heeft gegeven.', field: 'secret' }); return; }
    void save(secret);
  };
  const fieldError = msg && !msg.ok && msg.field === 'secret' ? msg.text : undefined;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="export-secret-title" mt="xl" maw={640}>
      <h2 id="export-secret-title" style={{ fontSize: 18, margin: '0 0 8px' }}>{t('exportSecretTitle')}</h2>
      <Stack gap="xs">
        <TextInput type="password" label={t('exportSecretLabel')} description={t('exportSecretHelp')} autoComplete="new-password"
          spellCheck={false} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} maxLength={500} error={fieldError} />
        {msg && !fieldError && <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</Alert>}
        <Group>
          <Button type="submit" loading={busy}>{t('exportSecretSave')}</Button>
          <Button variant="default" color="red" onClick={() => { if (window.confirm(t('exportSecretConfirmClear'))) void save(''); }} disabled={busy}>{t('exportSecretClear')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
