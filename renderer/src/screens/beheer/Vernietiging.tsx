import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { VernietigingVoorstel } from '../../../../shared/schemas/beheer';
import { ZAAK_RESULTAAT_LABELS } from '../../../../shared/schemas/beheer';
import { WET_LABELS } from '../../../../shared/schemas/zaak';
import { mayCall } from '../../../../shared/ipc/access';
import { call, useLoad } from '../../api';
import { aantal, fmtDate } from '../../format';
import { LoadError } from '../../ui';

/**
 * The destruction list (Archiefwet, Selectielijst 2020) for the beheerder and auditor: cases
 * whose archiefactiedatum has passed, or that a granted request brings forward. One beheerder
 * proposes, a second person approves, a beheerder carries it out. Ids and classes only.
 * Props: `roles` of the logged-in user (which buttons to show), `username` (who may approve).
 */

// Dark shades: white text on them meets WCAG AA contrast.
const STATUS_COLOR: Record<VernietigingVoorstel['status'], string> = {
  voorgesteld: '#1c4f8a', goedgekeurd: '#9a4300', afgewezen: '#495057', uitgevoerd: '#1e6b30',
};

export function Vernietiging({ roles, username }: { roles: string[]; username: string }) {
  const { data, error, reload } = useLoad('vernietiging.lijst', {});
  const [chosen, setChosen] = useState<number[]>([]);
  const [toelichting, setToelichting] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const mayPropose = mayCall(roles, 'vernietiging.voorstel');
  const mayApprove = mayCall(roles, 'vernietiging.goedkeuren');
  const mayCarryOut = mayCall(roles, 'vernietiging.uitvoeren');

  const run = async (fn: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>) => {
    setBusy(true);
    setMessage(await fn());
    setBusy(false);
    void reload();
  };
  const propose = () => run(async () => {
    const r = await call('vernietiging.voorstel', { meldingIds: chosen, toelichting: toelichting || null });
    if (!r.ok) return { ok: false, text: r.error.message };
    setChosen([]);
    return { ok: true, text: `Voorstel ${r.value.id} is gemaakt met ${aantal(r.value.items.length, 'zaak', 'zaken')}. Een tweede beheerder of een auditor moet het goedkeuren.` };
  });
  const judge = (voorstelId: number, akkoord: boolean) => run(async () => {
    const reden = akkoord ? null : window.prompt('Waarom wijst u het voorstel af?') ?? '';
    const r = await call('vernietiging.goedkeuren', { voorstelId, akkoord, toelichting: reden });
    return r.ok ? { ok: true, text: `Voorstel ${voorstelId} is ${r.value.status}.` } : { ok: false, text: r.error.message };
  });
  const execute = (voorstelId: number) => run(async () => {
    if (!window.confirm(`Voorstel ${voorstelId} uitvoeren? De zaken worden definitief vernietigd; dit kan niet ongedaan worden gemaakt.`)) {
      return { ok: true, text: 'Niet uitgevoerd.' };
    }
    const r = await call('vernietiging.uitvoeren', { voorstelId });
    if (!r.ok) return { ok: false, text: r.error.message };
    return {
      ok: r.value.opgeruimd,
      text: `${aantal(r.value.vernietigdeZaken, 'zaak', 'zaken')} en ${aantal(r.value.vernietigdeClienten, 'cliënt', 'cliënten')} vernietigd.` +
        (r.value.opgeruimd ? ' Het databasebestand is opgeschoond.' : ' Let op: het opschonen van het databasebestand is niet gelukt; sluit de andere vensters en probeer het opnieuw.'),
    };
  });

  const items = data?.items ?? [];
  const vrij = items.filter((i) => i.voorstelId === null);
  return (
    <>
      <Title order={1} size="h2" mb="md">Vernietigingslijst</Title>
      <Text size="sm" mb="md">
        Zaken waarvan de bewaartermijn (Selectielijst gemeenten 2020) is verstreken op {fmtDate(data?.peildatum)}, of die een cliënt met een toegewezen verzoek laat vernietigen.
        Vernietigen gaat in drie stappen: voorstellen, goedkeuren door een tweede persoon, uitvoeren.
      </Text>
      <LoadError error={error} />
      {message && <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} mb="sm">{message.text}</Alert>}
      {items.length === 0 ? <Text>Er zijn geen zaken om te vernietigen.</Text> : (
        <Table striped fz="sm" mb="md">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col"><VisuallyHidden>Kiezen</VisuallyHidden></Table.Th>
            <Table.Th scope="col">Zaak</Table.Th><Table.Th scope="col">Cliënt (id)</Table.Th><Table.Th scope="col">Wet</Table.Th>
            <Table.Th scope="col">Resultaat</Table.Th><Table.Th scope="col">Selectielijst</Table.Th><Table.Th scope="col">Afgesloten</Table.Th>
            <Table.Th scope="col">Archiefactiedatum</Table.Th><Table.Th scope="col">Status</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.meldingId}>
                <Table.Td>
                  <Checkbox aria-label={`Zaak ${i.kenmerk} kiezen`} disabled={!mayPropose || i.voorstelId !== null}
                    checked={chosen.includes(i.meldingId)}
                    onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, i.meldingId] : c.filter((x) => x !== i.meldingId)))} />
                </Table.Td>
                <Table.Td>{i.kenmerk}</Table.Td><Table.Td>{i.clientId}</Table.Td><Table.Td>{WET_LABELS[i.wet]}</Table.Td>
                <Table.Td>{ZAAK_RESULTAAT_LABELS[i.resultaat]}</Table.Td><Table.Td>{i.selectielijstNummer} {i.selectielijstNaam}</Table.Td>
                <Table.Td>{fmtDate(i.afsluitdatum)}</Table.Td><Table.Td>{fmtDate(i.archiefactiedatum)}</Table.Td>
                <Table.Td>{i.voorstelId !== null ? `in voorstel ${i.voorstelId}` : i.verzoekId !== null ? `verzoek ${i.verzoekId}` : 'vrij'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayPropose && vrij.length > 0 && (
        <Stack gap="xs" mb="lg" maw={640}>
          <Textarea label="Toelichting bij het voorstel (optioneel)" value={toelichting} onChange={(e) => setToelichting(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button variant="default" onClick={() => setChosen(vrij.map((i) => i.meldingId))}>Alle vrije zaken kiezen</Button>
            <Button onClick={() => void propose()} disabled={!chosen.length} loading={busy}>Voorstel maken ({chosen.length})</Button>
          </Group>
        </Stack>
      )}

      <Title order={2} size="h3" mt="lg" mb="sm">Voorstellen</Title>
      {(data?.voorstellen ?? []).length === 0 ? <Text>Nog geen voorstellen.</Text> : (
        <Table striped fz="sm">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Nr.</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">Grond</Table.Th><Table.Th scope="col">Zaken</Table.Th>
            <Table.Th scope="col">Voorgesteld</Table.Th><Table.Th scope="col">Beoordeeld</Table.Th><Table.Th scope="col">Uitgevoerd</Table.Th><Table.Th scope="col">Actie</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {data!.voorstellen.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.id}</Table.Td>
                <Table.Td><Badge color={STATUS_COLOR[v.status]}>{v.status}</Badge></Table.Td>
                <Table.Td>{v.grond === 'verzoek' ? `verzoek ${v.verzoekId}` : 'selectielijst'}</Table.Td>
                <Table.Td>{v.items.length}</Table.Td>
                <Table.Td>{v.voorgesteldDoor}, {fmtDate(v.voorgesteldOp)}</Table.Td>
                <Table.Td>{v.beoordeeldDoor ? `${v.beoordeeldDoor}, ${fmtDate(v.beoordeeldOp)}` : '–'}</Table.Td>
                <Table.Td>{v.uitgevoerdDoor ? `${v.uitgevoerdDoor}, ${fmtDate(v.uitgevoerdOp)}` : '–'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {v.status === 'voorgesteld' && mayApprove && v.voorgesteldDoor !== username && (
                      <>
                        <Button size="xs" onClick={() => void judge(v.id, true)} loading={busy}>Goedkeuren</Button>
                        <Button size="xs" variant="default" onClick={() => void judge(v.id, false)} loading={busy}>Afwijzen</Button>
                      </>
                    )}
                    {v.status === 'goedgekeurd' && mayCarryOut && (
                      <Button size="xs" color="red" onClick={() => void execute(v.id)} loading={busy}>Vernietigen</Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
