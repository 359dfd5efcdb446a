import { Alert, Button, Checkbox, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/channels';
import { todayIso } from '../../../shared/today';
import { call } from '../api';
import { downloadText } from '../download';
import { DateField } from '../DateField';
import { aantal, fmtDate } from '../format';

type Result = ChannelOutput<'export.audit'>;

/**
 * The auditor's export of a period (beschikkingen, indicaties, termijnen as CSV and JSON, with the
 * state of the access log's chain): counted first, then made. Without BSN unless a reason says why
 * (doelbinding); the export itself goes into the access log. An AVG inzage for one client starts
 * from that client's page.
 */
export function AuditExport() {
  const today = todayIso();
  const [van, setVan] = useState<string | null>(`${today.slice(0, 4)}-01-01`);
  const [tot, setTot] = useState<string | null>(today);
  const [metBsn, setMetBsn] = useState(false);
  const [reden, setReden] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState<'tellen' | 'maken' | null>(null);

  const run = async (dryRun: boolean) => {
    if (!van || !tot) { setError({ field: !van ? 'periode.van' : 'periode.tot', message: 'Vul de periode in: van en tot en met (DD-MM-JJJJ).' }); return; }
    setBusy(dryRun ? 'tellen' : 'maken');
    const r = await call('export.audit', { periode: { van, tot }, metBsn, ...(metBsn ? { reden } : {}), dryRun });
    setBusy(null);
    if (!r.ok) { setError(r.error); setResult(null); return; }
    setError(null);
    setResult(r.value);
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <>
      <Title order={1} size="h2" mb="md">Audit-export</Title>
      <Text mb="md" maw={720}>
        Alle beschikkingen, indicaties en termijnen van een periode, als CSV-bestanden en JSON, met de controle van het toegangslog.
        Tel eerst wat erin komt; de export zelf komt in het toegangslog. Inzage voor één cliënt (AVG art. 15) maakt u op de pagina van die cliënt.
      </Text>
      <form aria-label="Audit-export maken" noValidate onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <Stack maw={640}>
          <Group align="flex-start">
            <DateField label="Van" required emptyValue={null} value={van} onChange={setVan} w={180} error={fieldError('periode.van')} />
            <DateField label="Tot en met" required emptyValue={null} value={tot} onChange={setTot} w={180} error={fieldError('periode.tot')} />
          </Group>
          <Checkbox label="Met BSN (alleen als het onderzoek de BSN nodig heeft)" checked={metBsn} onChange={(e) => setMetBsn(e.currentTarget.checked)} />
          {metBsn && (
            <Textarea label="Waarvoor is de BSN nodig?" required description="Bijvoorbeeld het kenmerk van het onderzoek. Deze reden komt in het toegangslog."
              autosize minRows={2} value={reden} onChange={(e) => setReden(e.currentTarget.value)} error={fieldError('reden')} />
          )}
          {error && !['periode.van', 'periode.tot', 'reden'].includes(error.field ?? '') && <Alert color="red" role="alert">{error.message}</Alert>}
          <Group>
            <Button variant="default" loading={busy === 'tellen'} onClick={() => void run(true)}>Eerst tellen</Button>
            <Button type="submit" loading={busy === 'maken'}>Export maken</Button>
          </Group>
        </Stack>
      </form>
      {result && <ExportResult result={result} periode={`${fmtDate(van)} t/m ${fmtDate(tot)}`} />}
    </>
  );
}

function ExportResult({ result, periode }: { result: Result; periode: string }) {
  const { aantallen: a, toegangslog: log } = result;
  return (
    <section aria-labelledby="audit-export-resultaat" style={{ marginTop: 24 }}>
      <Title order={2} size="h3" id="audit-export-resultaat" mb="sm">{result.dryRun ? `Geteld: ${periode}` : `Export ${periode}`}</Title>
      <Text role="status" mb="sm">
        {aantal(a.beschikkingen, 'beschikking', 'beschikkingen')}, {aantal(a.indicaties, 'indicatie', 'indicaties')} en {aantal(a.termijnen, 'termijn', 'termijnen')}.
        {result.dryRun ? ' Er is nog niets geëxporteerd.' : ''}
      </Text>
      {log.ok
        ? <Alert color="green" mb="sm" title="Toegangslog in orde">Alle {log.entries} regels van het toegangslog kloppen.</Alert>
        : <Alert color="red" mb="sm" title="Toegangslog verbroken">Regel {log.firstBroken?.seq}: {log.firstBroken?.reason}. Meld dit direct aan de beheerder en de functionaris gegevensbescherming.</Alert>}
      {result.bestanden.length > 0 && (
        <Table maw={720}>
          <Table.Caption>Bestanden: sla ze op in de map van het onderzoek</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th scope="col">Bestand</Table.Th><Table.Th scope="col">Opslaan</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {result.bestanden.map((b) => (
              <Table.Tr key={b.naam}>
                <Table.Td>{b.naam}</Table.Td>
                <Table.Td><Button size="xs" variant="default" aria-label={`${b.naam} opslaan`} onClick={() => downloadText(b.inhoud, b.mime, b.naam)}>Opslaan</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.dryRun && <Text size="sm">Klopt het? Kies dan &quot;Export maken&quot;.</Text>}
    </section>
  );
}
