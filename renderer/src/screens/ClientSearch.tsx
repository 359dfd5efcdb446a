import { Anchor, Badge, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ClientSummary } from '../../../shared/schemas/client';
import { call } from '../api';
import { fmtDate } from '../format';
import { useT } from '../i18n';

export function ClientSearch() {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ClientSummary[] | null>(null);
  const [total, setTotal] = useState({ n: 0, capped: false });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('client.search', { query: q }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setResults(r.value.results);
          setTotal({ n: r.value.total, capped: r.value.totalCapped });
          setError(null);
        } else setError(r.error.message);
      });
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [query]);
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('navClients')}</Title>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput label={t('searchLabel')} description={t('searchHint')} value={query} autoFocus
          onChange={(e) => setQuery(e.currentTarget.value)} error={error ?? undefined} maw={560} />
      </form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {results && results.length === 0 && <Text>{t('noResults')}</Text>}
        {results && results.length > 0 && (
          <Table striped highlightOnHover>
            {/* Never a silent cap: more than shown says so, with the real number. */}
            <Table.Caption>{total.n > results.length
              ? `Meer dan ${results.length} gevonden (${total.capped ? `meer dan ${total.n}` : total.n} in totaal) — verfijn uw zoekopdracht`
              : `${results.length} gevonden`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Naam</Table.Th>
                <Table.Th scope="col">BSN</Table.Th>
                <Table.Th scope="col">Geboortedatum</Table.Th>
                <Table.Th scope="col">Adres</Table.Th>
                <Table.Th scope="col">{t('wijk')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor href={`#/client/${c.id}`}>{c.naam}</Anchor>
                      {c.geheimhouding && <Badge color="red">Geheimhouding</Badge>}
                      {c.overleden && <Badge color="dark">Overleden</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.bsn}</Table.Td>
                  <Table.Td>{/^\d{4}-\d{2}-\d{2}$/.test(c.geboortedatum) ? fmtDate(c.geboortedatum) : c.geboortedatum}</Table.Td>
                  <Table.Td>{c.adres}</Table.Td>
                  <Table.Td>{c.wijk ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </>
  );
}
