import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Verzoek } from '../../../../shared/schemas/beheer';
import { mayCall } from '../../../../shared/ipc/access';
import { call, useLoad } from '../../api';
import { fmtDate } from '../../format';
import { todayIso } from '../../../../shared/today';
import { LoadError } from '../../ui';
import { DateField } from '../../DateField';

/**
 * Citizens' rights (AVG art. 16–18): record a request, decide on it (with the reason), and see
 * the deadlines. Rectification itself: the client form saves through 'rechten.rectificatie'
 * ({ verzoekId, client }) instead of 'client.update' when it is opened for a granted request.
 * Props: `clientId` to show one client's requests, else all open ones; `roles` of the logged-in user.
 */

const SOORT_LABELS: Record<Verzoek['soort'], string> = {
  vernietiging: 'Vernietiging', rectificatie: 'Rectificatie', beperking: 'Beperking van de verwerking', opheffing_beperking: 'Beperking opgeheven',
};
// Dark shades: white text on them meets WCAG AA contrast.
const STATUS_COLOR: Record<Verzoek['status'], string> = { ontvangen: '#1c4f8a', toegewezen: '#9a4300', afgewezen: '#495057', uitgevoerd: '#1e6b30' };

export function Rechten({ clientId, roles }: { clientId?: number; roles: string[] }) {
  const { data, error, reload } = useLoad('rechten.lijst', clientId !== undefined ? { clientId } : { alleenOpen: true });
  // No default: an irreversible kind of request is chosen, never preset.
  const [soort, setSoort] = useState<'vernietiging' | 'rectificatie' | 'beperking' | null>(null);
  const [ontvangenOp, setOntvangenOp] = useState(todayIso());
  const [toelichting, setToelichting] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const mayRecord = mayCall(roles, 'rechten.verzoek');
  const mayDecide = mayCall(roles, 'rechten.besluit');
  const mayLift = mayCall(roles, 'rechten.beperkingOpheffen');

  const record = async () => {
    if (clientId === undefined) return;
    if (soort === null) { setMessage({ ok: false, text: 'Kies eerst het soort verzoek: vernietiging, rectificatie of beperking.' }); return; }
    const r = await call('rechten.verzoek', { clientId, soort, ontvangenOp, toelichting });
    setMessage(r.ok ? { ok: true, text: `Verzoek ${r.value.id} is vastgelegd. Uiterlijk ${fmtDate(r.value.uiterlijkOp)} beslissen.` } : { ok: false, text: r.error.message });
    if (r.ok) setToelichting('');
    void reload();
  };
  const decide = async (v: Verzoek, besluit: 'toegewezen' | 'afgewezen') => {
    const reden = window.prompt(besluit === 'toegewezen' ? 'Reden van toewijzing:' : 'Waarom wijst u het verzoek af? (bijvoorbeeld een wettelijke plicht of het belang van een derde)');
    if (!reden) return;
    const r = await call('rechten.besluit', { verzoekId: v.id, besluit, reden });
    setMessage(r.ok ? { ok: true, text: `Verzoek ${v.id}: ${r.value.status}.${r.value.voorstelId ? ` Vernietigingsvoorstel ${r.value.voorstelId} wacht op goedkeuring.` : ''}` } : { ok: false, text: r.error.message });
    void reload();
  };
  const lift = async () => {
    if (clientId === undefined) return;
    const reden = window.prompt('Waarom eindigt de beperking?');
    if (!reden) return;
    const r = await call('rechten.beperkingOpheffen', { clientId, reden });
    setMessage(r.ok ? { ok: true, text: 'De beperking is opgeheven.' } : { ok: false, text: r.error.message });
    void reload();
  };

  return (
    <>
      <Title order={clientId !== undefined ? 2 : 1} size={clientId !== undefined ? 'h3' : 'h2'} mb="md">Rechten van de cliënt (AVG)</Title>
      <LoadError error={error} />
      {message && <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} mb="sm">{message.text}</Alert>}
      {data?.beperkt && (
        <Alert color="orange" mb="sm" title="Verwerking beperkt (AVG art. 18)">
          <Group justify="space-between">
            <span>Alleen de beheerder kan de gegevens van deze cliënt nu wijzigen.</span>
            {mayLift && <Button size="xs" variant="default" onClick={() => void lift()}>Beperking opheffen</Button>}
          </Group>
        </Alert>
      )}
      {clientId !== undefined && mayRecord && (
        <Stack gap="xs" maw={640} mb="lg">
          <Group align="flex-end">
            <Select label="Soort verzoek" placeholder="Kies het soort verzoek" value={soort} onChange={(v) => v && setSoort(v as typeof soort)} allowDeselect={false}
              data={[{ value: 'vernietiging', label: 'Vernietiging (binnen 3 maanden)' }, { value: 'rectificatie', label: 'Rectificatie (binnen 1 maand)' }, { value: 'beperking', label: 'Beperking (binnen 1 maand)' }]} w={280} />
            <DateField label="Ontvangen op" required value={ontvangenOp} onChange={(v) => setOntvangenOp(v ?? '')} w={180} />
          </Group>
          <Textarea label="Wat vraagt de cliënt?" value={toelichting} onChange={(e) => setToelichting(e.currentTarget.value)} autosize minRows={2} />
          <Group><Button onClick={() => void record()}>Verzoek vastleggen</Button></Group>
        </Stack>
      )}
      {(data?.verzoeken ?? []).length === 0 ? <Text>Geen verzoeken.</Text> : (
        <Table striped fz="sm">
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Nr.</Table.Th><Table.Th scope="col">Cliënt (id)</Table.Th><Table.Th scope="col">Soort</Table.Th><Table.Th scope="col">Ontvangen</Table.Th>
            <Table.Th scope="col">Uiterlijk</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">Besluit</Table.Th><Table.Th scope="col">Actie</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {data!.verzoeken.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.id}</Table.Td><Table.Td>{v.clientId}</Table.Td><Table.Td>{SOORT_LABELS[v.soort]}</Table.Td>
                <Table.Td>{fmtDate(v.ontvangenOp)}</Table.Td>
                <Table.Td>{v.status === 'ontvangen' && v.uiterlijkOp < todayIso() ? <Text c="red.8" fw={700} span>{fmtDate(v.uiterlijkOp)} (verlopen)</Text> : fmtDate(v.uiterlijkOp)}</Table.Td>
                <Table.Td><Badge color={STATUS_COLOR[v.status]}>{v.status}</Badge></Table.Td>
                <Table.Td>{v.besluitDoor ? `${v.besluitDoor}, ${fmtDate(v.besluitOp)}${v.reden ? `: ${v.reden}` : ''}` : '–'}{v.wijziging ? ` (${v.wijziging})` : ''}</Table.Td>
                <Table.Td>
                  {v.status === 'ontvangen' && mayDecide && v.soort !== 'opheffing_beperking' && (
                    <Group gap="xs">
                      <Button size="xs" onClick={() => void decide(v, 'toegewezen')}>Toewijzen</Button>
                      <Button size="xs" variant="default" onClick={() => void decide(v, 'afgewezen')}>Afwijzen</Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
