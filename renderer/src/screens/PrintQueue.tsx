import { Alert, Anchor, Button, Checkbox, Group, List, Progress, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { base64ToBlob, call, useLoad } from '../api';
import { useT } from '../i18n';
import { fmtDate } from '../format';
import { LoadError } from '../ui';
import { SOORT_LABELS } from './labels';

const CHUNK = 10;

interface Part { label: string; url: string; file: string }

export function PrintQueue() {
  const { t } = useT();
  const { data, error, reload } = useLoad('print.queue', {});
  const [selected, setSelected] = useState<number[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState<{ beschikkingId: number; reason: string }[]>([]);
  const [parts, setParts] = useState<Part[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (data) setSelected(data.items.map((b) => b.id));
  }, [data]);
  useEffect(() => () => parts.forEach((p) => URL.revokeObjectURL(p.url)), [parts]);

  const send = async () => {
    cancelled.current = false;
    setRunning(true);
    setFailures([]);
    setMessage(null);
    parts.forEach((p) => URL.revokeObjectURL(p.url));
    setParts([]);
    const ids = [...selected];
    const total = ids.length;
    setProgress({ done: 0, total });
    let done = 0;
    let printed = 0;
    const newParts: Part[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (cancelled.current) break;
      const chunk = ids.slice(i, i + CHUNK);
      const r = await call('print.send', { beschikkingIds: chunk });
      if (!r.ok) {
        setFailures((f) => [...f, ...chunk.map((id) => ({ beschikkingId: id, reason: r.error.message }))]);
      } else {
        printed += r.value.printed.length;
        if (r.value.failures.length) setFailures((f) => [...f, ...r.value.failures]);
        if (r.value.pdfBase64) {
          const n = newParts.length + 1;
          const url = URL.createObjectURL(base64ToBlob(r.value.pdfBase64));
          newParts.push({ label: `${t('printDownload')} (deel ${n}, ${r.value.printed.length} brieven)`, url, file: `brieven-${new Date().toISOString().slice(0, 10)}-deel-${n}.pdf` });
          setParts([...newParts]);
        }
      }
      done += chunk.length;
      setProgress({ done, total });
    }
    setRunning(false);
    setMessage(cancelled.current
      ? `Gestopt: ${printed} van ${total} brieven verzonden. De rest staat nog in de wachtrij.`
      : `${t('printDone')} ${printed} van ${total} brieven verzonden.`);
    void reload();
  };

  const items = data?.items ?? [];
  const allChecked = items.length > 0 && selected.length === items.length;
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('navPrint')}</Title>
      <LoadError error={error} />
      {message && <Alert color={failures.length ? 'yellow' : 'green'} role="status" mb="md">{message}</Alert>}
      {parts.length > 0 && (
        <Group mb="md">
          {parts.map((p) => (
            <Button key={p.url} component="a" href={p.url} download={p.file} variant="filled" color="#1e6b30">{p.label}</Button>
          ))}
        </Group>
      )}
      {failures.length > 0 && (
        <Alert color="red" title="Niet verzonden" mb="md">
          <List>{failures.map((f) => <List.Item key={f.beschikkingId}>Besluit {f.beschikkingId}: {f.reason}</List.Item>)}</List>
        </Alert>
      )}
      {progress && (
        <div style={{ marginBottom: 16 }}>
          <Text id="print-progress-label" size="sm">{t('printProgress')}: {progress.done} / {progress.total}</Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} aria-label={`${t('printProgress')}: ${progress.done} / ${progress.total}`} size="lg" />
        </div>
      )}
      {items.length === 0 ? <Text>{t('queueEmpty')}</Text> : (
        <>
          <Group mb="sm">
            <Button onClick={() => void send()} disabled={running || selected.length === 0} loading={running}>
              {t('printSend')} ({selected.length})
            </Button>
            {running && <Button variant="outline" color="red" onClick={() => { cancelled.current = true; }}>{t('printCancel')}</Button>}
          </Group>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox aria-label={t('selectAll')} checked={allChecked} indeterminate={!allChecked && selected.length > 0}
                    onChange={(e) => setSelected(e.currentTarget.checked ? items.map((b) => b.id) : [])} />
                </Table.Th>
                <Table.Th scope="col">{t('kenmerk')}</Table.Th>
                <Table.Th scope="col">{t('client')}</Table.Th>
                <Table.Th scope="col">Soort</Table.Th>
                <Table.Th scope="col">Vastgesteld</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Checkbox aria-label={`${b.kenmerk} ${b.clientNaam}`} checked={selected.includes(b.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((s) => (on ? [...s, b.id] : s.filter((x) => x !== b.id)));
                      }} />
                  </Table.Td>
                  <Table.Td><Anchor href={`#/melding/${b.meldingId}`}>{b.kenmerk}</Anchor></Table.Td>
                  <Table.Td>{b.clientNaam}</Table.Td>
                  <Table.Td>{SOORT_LABELS[b.soort]}</Table.Td>
                  <Table.Td>{fmtDate(b.vastgesteldOp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}
