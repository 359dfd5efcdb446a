import { Alert, Button, Group, NumberInput, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { LogEntrySchema, VerifyResultSchema } from '../../../shared/schemas/admin';
import { call } from '../api';
import { fmtDateTime } from '../format';
import { useT } from '../i18n';

type Entry = z.infer<typeof LogEntrySchema>;

export function AuditLog() {
  const { t } = useT();
  const [clientId, setClientId] = useState<number | ''>('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<z.infer<typeof VerifyResultSchema> | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (beforeSeq?: number) => {
    const r = await call('audit.list', { limit: 100, ...(clientId !== '' ? { clientId } : {}), ...(beforeSeq ? { beforeSeq } : {}) });
    if (r.ok) {
      setEntries((old) => (beforeSeq ? [...old, ...r.value.entries] : r.value.entries));
      setError(null);
    } else setError(r.error.message);
  };
  useEffect(() => {
    void load();
  }, [clientId]);
  const runVerify = async () => {
    setBusy(true);
    const r = await call('audit.verify', {});
    setBusy(false);
    if (r.ok) setVerify(r.value);
    else setError(r.error.message);
  };
  const last = entries[entries.length - 1];
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('auditTitle')}</Title>
      <Group align="flex-end" mb="md">
        <NumberInput label="Alleen cliënt (id)" value={clientId} onChange={(v) => setClientId(v === '' ? '' : Number(v))} allowDecimal={false} min={1} w={200} />
        <Button onClick={() => void runVerify()} loading={busy}>{t('verify')}</Button>
      </Group>
      {verify && (verify.ok
        ? <Alert color="green" role="status" mb="md" title="De keten is heel">Alle {verify.entries} regels kloppen; er is niets gewijzigd of verwijderd.</Alert>
        : <Alert color="red" role="alert" mb="md" title="De keten is verbroken">Regel {verify.firstBroken?.seq}: {verify.firstBroken?.reason}. Meld dit direct aan de beheerder en de functionaris gegevensbescherming.</Alert>)}
      {error && <Alert color="red" role="alert" mb="md">{error}</Alert>}
      <Table striped fz="sm">
        <Table.Thead><Table.Tr>
          <Table.Th scope="col">#</Table.Th><Table.Th scope="col">Tijd</Table.Th><Table.Th scope="col">Wie</Table.Th><Table.Th scope="col">Rol</Table.Th>
          <Table.Th scope="col">Actie</Table.Th><Table.Th scope="col">Object</Table.Th><Table.Th scope="col">Cliënt</Table.Th><Table.Th scope="col">Resultaat</Table.Th><Table.Th scope="col">Oorsprong</Table.Th>
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {entries.map((x) => (
            <Table.Tr key={x.seq}>
              <Table.Td>{x.seq}</Table.Td><Table.Td>{fmtDateTime(x.ts)}</Table.Td><Table.Td>{x.actor}{x.onBehalfOf ? ` namens ${x.onBehalfOf}` : ''}</Table.Td>
              <Table.Td>{x.role ?? ''}</Table.Td><Table.Td>{x.action}</Table.Td><Table.Td>{x.objectType}{x.objectId ? ` ${x.objectId}` : ''}</Table.Td>
              <Table.Td>{x.clientId ?? ''}</Table.Td><Table.Td>{x.result}</Table.Td><Table.Td>{x.origin}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {entries.length === 0 && <Text>{t('none')}</Text>}
      {last && last.seq > 1 && <Button variant="subtle" mt="sm" onClick={() => void load(last.seq)}>{t('older')}</Button>}
    </>
  );
}
