import { Alert, Anchor, Button, Card, Checkbox, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { PrintBatch } from '../../../shared/ipc/desk-channels';
import { call, useLoad } from '../api';
import { ConfirmButton } from '../confirm';
import { downloadPdf } from '../download';
import { useT } from '../i18n';
import { aantal, fmtDate, fmtDateTime } from '../format';
import { LoadError } from '../ui';
import { SOORT_LABELS } from './labels';

/** Letters per generated batch (the router takes at most 50). */
const CHUNK = 25;

type Failure = { beschikkingId: number; kenmerk: string | null; reason: string };

/**
 * Printing in two steps: "Brieven maken" renders the letters into a kept batch (nothing is sent
 * yet); after printing, "Ja, geprint" marks them verzonden, or "Niet geprint" puts them back.
 * Batches stay until then, also after navigating away or a restart.
 */
export function PrintQueue() {
  const { t } = useT();
  const queue = useLoad('print.queue', {});
  const batches = useLoad('print.batches', {});
  // What the user unticked stays unticked when the queue reloads; new letters come in ticked.
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const cancelled = useRef(false);

  const items = queue.data?.items ?? [];
  const selected = items.filter((b) => !unticked.has(b.id)).map((b) => b.id);
  const reload = () => { void queue.reload(); void batches.reload(); };

  const generate = async () => {
    cancelled.current = false;
    setRunning(true);
    setFailures([]);
    setMessage(null);
    const ids = [...selected];
    setProgress({ done: 0, total: ids.length });
    let made = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (cancelled.current) break;
      const chunk = ids.slice(i, i + CHUNK);
      const r = await call('print.generate', { beschikkingIds: chunk });
      if (!r.ok) {
        setFailures((f) => [...f, { beschikkingId: 0, kenmerk: null, reason: r.error.message }]);
      } else {
        made += r.value.batch?.brieven.length ?? 0;
        if (r.value.failures.length) setFailures((f) => [...f, ...r.value.failures]);
      }
      setProgress({ done: Math.min(i + CHUNK, ids.length), total: ids.length });
    }
    setRunning(false);
    setMessage(`${made} van ${aantal(ids.length, 'brief', 'brieven')} klaargezet. Open de stapel, print hem, en bevestig daarna dat de brieven geprint zijn. Pas dan zijn ze verzonden.`);
    reload();
  };

  return (
    <>
      <Title order={1} size="h2" mb="md">{t('navPrint')}</Title>
      <LoadError error={queue.error ?? batches.error} />
      {message && <Alert color={failures.length ? 'yellow' : 'green'} role="status" mb="md">{message}</Alert>}
      {failures.length > 0 && <Failures failures={failures} names={new Map(items.map((b) => [b.id, b.clientNaam]))} />}
      {batches.data && batches.data.batches.length > 0 && (
        <section aria-labelledby="stapels-title">
          <Title order={2} size="h3" id="stapels-title" mb="sm">Klaargezet, wacht op printen</Title>
          <Stack mb="lg">
            {batches.data.batches.map((b) => <BatchCard key={b.id} batch={b} onDone={(msg) => { setMessage(msg); setFailures([]); reload(); }} />)}
          </Stack>
        </section>
      )}
      {progress && (
        <div style={{ marginBottom: 16 }}>
          <Text size="sm">{t('printProgress')}: {progress.done} / {progress.total}</Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} aria-label={`${t('printProgress')}: ${progress.done} / ${progress.total}`} size="lg" />
        </div>
      )}
      <Title order={2} size="h3" mb="sm">Vastgesteld, nog te printen</Title>
      {items.length === 0 ? <Text>{t('queueEmpty')}</Text> : (
        <>
          <Group mb="sm">
            <Button onClick={() => void generate()} disabled={running || selected.length === 0} loading={running}>
              Brieven maken ({selected.length})
            </Button>
            {running && <Button variant="outline" color="red" onClick={() => { cancelled.current = true; }}>{t('printCancel')}</Button>}
          </Group>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox aria-label={t('selectAll')} checked={selected.length === items.length} indeterminate={selected.length > 0 && selected.length < items.length}
                    onChange={(e) => setUnticked(e.currentTarget.checked ? new Set() : new Set(items.map((b) => b.id)))} />
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
                    <Checkbox aria-label={`${b.kenmerk} ${b.clientNaam}`} checked={!unticked.has(b.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setUnticked((s) => { const n = new Set(s); if (on) n.delete(b.id); else n.add(b.id); return n; });
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

/** Identical reasons once, with the letters they concern by kenmerk and client (not thirty lines with internal ids). */
function Failures({ failures, names }: { failures: Failure[]; names: Map<number, string> }) {
  const byReason = new Map<string, string[]>();
  for (const f of failures) {
    const list = byReason.get(f.reason) ?? [];
    const naam = names.get(f.beschikkingId);
    if (f.kenmerk) list.push(naam ? `${f.kenmerk} (${naam})` : f.kenmerk);
    byReason.set(f.reason, list);
  }
  return (
    <Alert color="red" title="Niet klaargezet" mb="md">
      <List>{[...byReason].map(([reason, brieven]) => (
        <List.Item key={reason}>{reason}{brieven.length > 0 ? ` — ${aantal(brieven.length, 'brief', 'brieven')}: ${brieven.join(', ')}` : ''}</List.Item>
      ))}</List>
    </Alert>
  );
}

function BatchCard({ batch, onDone }: { batch: PrintBatch; onDone: (msg: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const n = batch.brieven.length;
  const brieven = n === 1 ? '1 brief' : `${n} brieven`;
  const pages = batch.brieven.reduce((s, b) => s + b.pages, 0);
  return (
    <Card withBorder component="article" aria-label={`Stapel ${batch.id}`}>
      <Text fw={600}>Stapel {batch.id} · {brieven}, {pages} pagina's · gemaakt door {batch.door} op {fmtDateTime(batch.aangemaaktOp)}</Text>
      <Text size="sm" mb="xs">{batch.brieven.map((b) => `${b.kenmerk} (${b.clientNaam})${b.afschriftAan.length ? `, met afschrift aan ${b.afschriftAan.join(' en ')}` : ''}`).join(' · ')}</Text>
      {error && <Alert color="red" role="alert" mb="xs">{error}</Alert>}
      <Group>
        <Button variant="filled" color="#1e6b30" loading={opening} onClick={async () => {
          setOpening(true);
          const r = await call('print.batchPdf', { id: batch.id });
          setOpening(false);
          if (r.ok) downloadPdf(r.value.pdfBase64, `brieven-${batch.datum}-stapel-${batch.id}.pdf`); else setError(r.error.message);
        }}>PDF opslaan om te printen</Button>
        <ConfirmButton confirmLabel="Ja, alles is geprint" onConfirm={async () => {
          const r = await call('print.confirm', { id: batch.id });
          if (r.ok) onDone(`Klaar. ${r.value.printed.length} ${r.value.printed.length === 1 ? 'brief' : 'brieven'} verzonden op ${fmtDate(batch.datum)}.`); else setError(r.error.message);
        }} question={`Zijn alle ${brieven} van stapel ${batch.id} goed geprint? Dan worden ze vastgelegd als verzonden op ${fmtDate(batch.datum)} en gaan de besluiten naar het zaaksysteem. Dit is niet terug te draaien.`}>
          Geprint: markeer als verzonden
        </ConfirmButton>
        <ConfirmButton color="red" buttonProps={{ variant: 'outline' }} confirmLabel="Ja, verwerpen" onConfirm={async () => {
          const r = await call('print.discard', { id: batch.id });
          if (r.ok) onDone(`Stapel ${batch.id} is verworpen; de ${brieven} staan weer in de wachtrij.`); else setError(r.error.message);
        }} question={`Stapel ${batch.id} niet geprint? De ${brieven} worden niet verzonden en staan weer in de wachtrij.`}>
          Niet geprint
        </ConfirmButton>
      </Group>
    </Card>
  );
}
