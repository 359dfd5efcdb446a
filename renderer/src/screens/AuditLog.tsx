import { Alert, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AuditListOutputSchema, VerifyResultSchema } from '../../../shared/schemas/admin';
import { call } from '../api';
import { fmtDateTime } from '../format';
import { DateField } from '../DateField';
import { useT } from '../i18n';
import { WideTable } from '../ui';

type Output = z.infer<typeof AuditListOutputSchema>;
type Entry = Output['entries'][number];

interface Filters { actor: string | null; client: string; action: string | null; van: string | null; tot: string | null }
const NO_FILTERS: Filters = { actor: null, client: '', action: null, van: null, tot: null };

function objectLabel(x: Entry): string {
  if (x.kenmerk) return `${x.objectType} ${x.kenmerk}`;
  return x.objectType;
}

export function AuditLog() {
  const { t } = useT();
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [data, setData] = useState<Output>({ entries: [] });
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<z.infer<typeof VerifyResultSchema> | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (beforeSeq?: number) => {
    const f = applied;
    const r = await call('audit.list', {
      limit: 100,
      ...(f.actor ? { actor: f.actor } : {}), ...(f.client.trim() ? { client: f.client.trim() } : {}),
      ...(f.action ? { action: f.action } : {}), ...(f.van ? { van: f.van } : {}), ...(f.tot ? { tot: f.tot } : {}),
      ...(beforeSeq ? { beforeSeq } : {}),
    });
    if (r.ok) {
      setData((old) => (beforeSeq ? { ...r.value, entries: [...old.entries, ...r.value.entries] } : r.value));
      setError(null);
    } else setError(r.error.message);
  };
  useEffect(() => {
    void load();
  }, [applied]);
  const runVerify = async () => {
    setBusy(true);
    const r = await call('audit.verify', {});
    setBusy(false);
    if (r.ok) setVerify(r.value);
    else setError(r.error.message);
  };
  const entries = data.entries;
  const last = entries[entries.length - 1];
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setForm((old) => ({ ...old, [k]: v }));
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('auditTitle')}</Title>
      <form aria-label="Filter op het toegangslog" onSubmit={(e) => { e.preventDefault(); setOpen(null); setApplied(form); }}>
        <Group align="flex-end" mb="md" wrap="wrap">
          <Select label="Gebruiker" data={(data.gebruikers ?? []).map((g) => ({ value: g.username, label: g.displayName === g.username ? g.username : `${g.displayName} (${g.username})` }))}
            value={form.actor} onChange={(v) => set('actor', v)} clearable searchable w={200} />
          <TextInput label="Cliënt (naam of BSN)" value={form.client} onChange={(e) => set('client', e.currentTarget.value)} w={220} />
          <Select label="Actie" data={data.acties ?? []} value={form.action} onChange={(v) => set('action', v)} clearable w={160} />
          <DateField label="Van" value={form.van} onChange={(v) => set('van', v)} w={180} />
          <DateField label="Tot en met" value={form.tot} onChange={(v) => set('tot', v)} w={180} />
          <Button type="submit">Filteren</Button>
          <Button variant="default" onClick={() => { setForm(NO_FILTERS); setOpen(null); setApplied(NO_FILTERS); }}>Filters wissen</Button>
          <Button variant="outline" onClick={() => void runVerify()} loading={busy}>{t('verify')}</Button>
        </Group>
      </form>
      {verify && (verify.ok
        ? <Alert color="green" role="status" mb="md" title="De keten is heel">Alle {verify.entries} regels kloppen; er is niets gewijzigd of verwijderd.</Alert>
        : <Alert color="red" role="alert" mb="md" title="De keten is verbroken">Regel {verify.firstBroken?.seq}: {verify.firstBroken?.reason}. Meld dit direct aan de beheerder en de functionaris gegevensbescherming.</Alert>)}
      {error && <Alert color="red" role="alert" mb="md">{error}</Alert>}
      {data.clientsGevonden !== undefined && (
        <Text role="status" mb="sm">{data.clientsGevonden === 0 ? 'Geen cliënt gevonden met deze naam of dit BSN.' : `${data.clientsGevonden} ${data.clientsGevonden === 1 ? 'cliënt' : 'cliënten'} gevonden; het log toont hun regels.`}</Text>
      )}
      <WideTable label="Regels van het toegangslog">
      <Table striped fz="sm">
        <Table.Thead><Table.Tr>
          <Table.Th scope="col">Datum en tijd</Table.Th><Table.Th scope="col">Gebruiker</Table.Th><Table.Th scope="col">Rol</Table.Th>
          <Table.Th scope="col">Actie</Table.Th><Table.Th scope="col">Object</Table.Th><Table.Th scope="col">Cliënt</Table.Th><Table.Th scope="col">Resultaat</Table.Th>
          <Table.Th scope="col">Details</Table.Th>
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {entries.map((x) => (
            <Fragment key={x.seq}>
              <Table.Tr>
                <Table.Td>{fmtDateTime(x.ts)}</Table.Td>
                <Table.Td>{x.actorNaam ?? x.actor}{x.onBehalfOf ? ` namens ${x.onBehalfOf}` : ''}</Table.Td>
                <Table.Td>{x.role ?? ''}</Table.Td><Table.Td>{x.action}</Table.Td><Table.Td>{objectLabel(x)}</Table.Td>
                <Table.Td>{x.clientNaam ?? (x.getoond === null ? '' : `lijst met ${x.getoond} ${x.getoond === 1 ? 'cliënt' : 'cliënten'}`)}</Table.Td><Table.Td>{x.result}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" aria-expanded={open === x.seq} aria-controls={`logdetail-${x.seq}`}
                    aria-label={`Details van regel ${x.seq}`} onClick={() => setOpen(open === x.seq ? null : x.seq)}>
                    {open === x.seq ? 'Verbergen' : 'Details'}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open === x.seq && (
                <Table.Tr id={`logdetail-${x.seq}`}>
                  <Table.Td colSpan={8}>
                    <Text size="sm">Regel {x.seq} · {x.objectType}{x.objectId ? ` (intern nummer ${x.objectId})` : ''} · oorsprong {x.origin}{x.onBehalfOf ? ` · namens ${x.onBehalfOf}` : ''}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{x.detail ?? 'Geen toelichting vastgelegd.'}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      </WideTable>
      {entries.length === 0 && <Text>{t('none')}</Text>}
      {last && last.seq > 1 && entries.length % 100 === 0 && <Button variant="subtle" mt="sm" onClick={() => void load(last.seq)}>{t('older')}</Button>}
    </>
  );
}
