import { Table, Text } from '@mantine/core';
import { useLoad } from '../api';
import { fmtDateTime } from '../format';
import { LoadError } from '../ui';
import { ReprintButton } from './Reprint';

const SOORT: Record<string, string> = {
  ontvangstbevestiging: 'Ontvangstbevestiging',
  gespreksverslag: 'Gespreksverslag',
};

function soortLabel(soort: string): string {
  return SOORT[soort] ?? (soort.startsWith('beschikking-') ? `Beschikking (${soort.slice(12).replace(/_/g, ' ')})` : soort);
}

/** Every letter sent to the client, newest first, each reprinted from its stored bytes. */
export function ClientLetters({ clientId }: { clientId: number }) {
  const { data, error } = useLoad('letter.list', { clientId });
  return (
    <>
      <LoadError error={error} />
      {data && data.letters.length === 0 && <Text>Nog geen brieven verzonden.</Text>}
      {data && data.letters.length > 0 && (
        <Table>
          <Table.Thead><Table.Tr><Table.Th scope="col">Brief</Table.Th><Table.Th scope="col">Kenmerk</Table.Th><Table.Th scope="col">Gemaakt</Table.Th><Table.Th scope="col">Herdruk</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.letters.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{soortLabel(l.soort)}</Table.Td>
                <Table.Td>{l.kenmerk ?? '–'}</Table.Td>
                <Table.Td>{fmtDateTime(l.aangemaaktOp)}</Table.Td>
                <Table.Td><ReprintButton letterId={l.id} kenmerk={l.kenmerk} label="Opnieuw afdrukken" /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
