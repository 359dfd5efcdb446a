import { Anchor, Group, NumberInput, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { WET_LABELS } from '../../../../shared/schemas/zaak';
import { useLoad } from '../../api';
import { aantal, fmtDate } from '../../format';
import { LoadError } from '../../ui';

/**
 * The herindicatielijst with names (consulent, besluitbevoegd, auditor): indicaties that end in the
 * coming months. Every client shown is logged as read. `meldingHref(id)` builds the link to a case.
 */
export function Herindicatie({ meldingHref }: { meldingHref?: (meldingId: number) => string }) {
  const [maanden, setMaanden] = useState(3);
  const { data, error, loading } = useLoad('mi.herindicatie', { maanden });
  return (
    <>
      <Title order={1} size="h2" mb="md">Herindicaties</Title>
      <Group mb="md"><NumberInput label="Maanden vooruit" value={maanden} onChange={(v) => setMaanden(Number(v) || 3)} min={1} max={24} allowDecimal={false} w={180} /></Group>
      <LoadError error={error} />
      {loading && !data ? <Text>Bezig met laden…</Text> : data && data.items.length === 0 ? <Text>Geen indicaties die binnenkort aflopen.</Text> : data && (
        <Table striped fz="sm">
          <Table.Caption>{aantal(data.items.length, 'indicatie', 'indicaties')}</Table.Caption>
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">Einddatum</Table.Th><Table.Th scope="col">Cliënt</Table.Th><Table.Th scope="col">Wijk</Table.Th><Table.Th scope="col">Wet</Table.Th>
            <Table.Th scope="col">Voorziening</Table.Th><Table.Th scope="col">Levering</Table.Th><Table.Th scope="col">Zaak</Table.Th><Table.Th scope="col">Consulent</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.indicatieId}>
                <Table.Td>{fmtDate(i.einddatum)}</Table.Td><Table.Td>{i.clientNaam}</Table.Td><Table.Td>{i.wijk ?? '–'}</Table.Td><Table.Td>{WET_LABELS[i.wet]}</Table.Td>
                <Table.Td>{i.productcategorie} {i.productcategorieLabel}</Table.Td><Table.Td>{i.leveringsvorm}</Table.Td>
                <Table.Td>{meldingHref ? <Anchor href={meldingHref(i.meldingId)}>{i.kenmerk}</Anchor> : i.kenmerk}</Table.Td><Table.Td>{i.consulentNaam}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
