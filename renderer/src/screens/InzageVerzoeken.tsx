import { Alert, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { InzageVerzoek } from '../../../shared/ipc/privacy-channels';
import { todayIso } from '../../../shared/today';
import { call, useLoad } from '../api';
import { downloadPdf, downloadText } from '../download';
import { DateField } from '../DateField';
import { fmtDate } from '../format';
import { LoadError, WideTable } from '../ui';

/**
 * AVG art. 15 for one client: the desk registers the request (how it came in, when), and the
 * auditor or the beheerder answers it with the inzage export (PDF for the client, JSON), which
 * marks the request as done. An export without a registered request is refused by the router.
 */
export function InzageVerzoeken({ clientId, mayRegister, mayExport }: { clientId: number; mayRegister: boolean; mayExport: boolean }) {
  const { data, error, reload } = useLoad('rechten.inzageVerzoeken', { clientId });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const verzoeken = data?.verzoeken ?? [];
  return (
    <section aria-labelledby={`inzage-${clientId}`} style={{ marginBottom: 24 }}>
      <Title order={2} size="h3" mb="sm" id={`inzage-${clientId}`}>Inzageverzoeken (AVG art. 15)</Title>
      <LoadError error={error} />
      {msg && <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'} mb="sm">{msg.text}</Alert>}
      {verzoeken.length === 0 ? <Text mb="sm">Geen inzageverzoeken vastgelegd.</Text> : (
        <WideTable label="Inzageverzoeken">
        <Table striped fz="sm" mb="md">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Nr.</Table.Th><Table.Th scope="col">Ontvangen</Table.Th><Table.Th scope="col">Uiterlijk</Table.Th>
            <Table.Th scope="col">Toelichting</Table.Th><Table.Th scope="col">Vastgelegd door</Table.Th><Table.Th scope="col">Uitgevoerd</Table.Th>
            {mayExport && <Table.Th scope="col">Actie</Table.Th>}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {verzoeken.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.id}</Table.Td><Table.Td>{fmtDate(v.ontvangenOp)}</Table.Td>
                <Table.Td>{!v.uitgevoerdOp && v.uiterlijkOp < todayIso() ? <Text c="red.8" fw={700} span size="sm">{fmtDate(v.uiterlijkOp)} (verlopen)</Text> : fmtDate(v.uiterlijkOp)}</Table.Td>
                <Table.Td>{v.toelichting}</Table.Td><Table.Td>{v.geregistreerdDoor}</Table.Td>
                <Table.Td>{v.uitgevoerdOp ? fmtDate(v.uitgevoerdOp) : 'nog niet'}</Table.Td>
                {mayExport && <Table.Td><ExportButton clientId={clientId} verzoek={v} onDone={(text) => { setMsg({ ok: true, text }); void reload(); }} onError={(text) => setMsg({ ok: false, text })} /></Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </WideTable>
      )}
      {mayRegister && <Register clientId={clientId} onDone={(v) => { setMsg({ ok: true, text: `Inzageverzoek ${v.id} is vastgelegd. Beantwoord het uiterlijk ${fmtDate(v.uiterlijkOp)}; de auditor of de beheerder maakt de inzage.` }); void reload(); }} />}
    </section>
  );
}

function ExportButton({ clientId, verzoek, onDone, onError }: { clientId: number; verzoek: InzageVerzoek; onDone: (m: string) => void; onError: (m: string) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button size="xs" variant="default" loading={busy} aria-label={`Inzage maken voor verzoek ${verzoek.id}`} onClick={async () => {
      setBusy(true);
      const r = await call('export.inzage', { clientId, verzoekId: verzoek.id });
      setBusy(false);
      if (!r.ok) { onError(r.error.message); return; }
      if (r.value.pdfBase64) downloadPdf(r.value.pdfBase64, `${r.value.bestandsnaam}.pdf`);
      if (r.value.json) downloadText(r.value.json, 'application/json', `${r.value.bestandsnaam}.json`);
      onDone(`De inzage voor verzoek ${verzoek.id} is gemaakt (PDF voor de cliënt en JSON) en vastgelegd in het toegangslog.`);
    }}>{verzoek.uitgevoerdOp ? 'Opnieuw maken' : 'Inzage maken'}</Button>
  );
}

function Register({ clientId, onDone }: { clientId: number; onDone: (v: InzageVerzoek) => void }) {
  const [ontvangenOp, setOntvangenOp] = useState<string | null>(todayIso());
  const [toelichting, setToelichting] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!ontvangenOp) { setError({ field: 'ontvangenOp', message: 'Vul in wanneer het verzoek binnenkwam (DD-MM-JJJJ).' }); return; }
    const r = await call('rechten.inzageVerzoek', { clientId, ontvangenOp, toelichting });
    if (!r.ok) { setError(r.error); return; }
    setError(null);
    setToelichting('');
    onDone(r.value);
  };
  return (
    <form aria-label="Inzageverzoek vastleggen" noValidate onSubmit={(e) => void submit(e)}>
      <Stack gap="xs" maw={640}>
        <DateField label="Ontvangen op" required emptyValue={null} value={ontvangenOp} onChange={setOntvangenOp} w={180}
          error={error?.field === 'ontvangenOp' ? error.message : undefined} />
        <Textarea label="Hoe kwam het verzoek binnen en wat vraagt de cliënt?" required autosize minRows={2} value={toelichting}
          onChange={(e) => setToelichting(e.currentTarget.value)} error={error?.field === 'toelichting' ? error.message : undefined} />
        {error && error.field !== 'ontvangenOp' && error.field !== 'toelichting' && <Alert color="red" role="alert">{error.message}</Alert>}
        <Group><Button type="submit">Inzageverzoek vastleggen</Button></Group>
      </Stack>
    </form>
  );
}
