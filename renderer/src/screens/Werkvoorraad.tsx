import { Anchor, Group, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { WET_LABELS } from '../../../shared/schemas/zaak';
import { useLoad } from '../api';
import { useT } from '../i18n';
import { hasRole, useSession } from '../session';
import { LoadError, TermijnBadge } from '../ui';

export function Werkvoorraad() {
  const { t } = useT();
  const { user } = useSession();
  const consulent = hasRole(user, 'consulent');
  const [mine, setMine] = useState(consulent);
  const [overdue, setOverdue] = useState(false);
  const { data, error, loading } = useLoad('werkvoorraad.list', {
    ...(mine ? { consulentId: user.id } : {}), alleenVerlopen: overdue,
  });
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('navWerkvoorraad')}</Title>
      <Group mb="md">
        <Switch label={t('myCases')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
        <Switch label={t('onlyOverdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
      </Group>
      <LoadError error={error} />
      {loading && !data ? <Text>{t('loading')}</Text> : data && data.items.length === 0 ? <Text>{t('queueEmpty')}</Text> : data && (
        <Table striped highlightOnHover>
          <Table.Caption>{data.items.length} {t(data.items.length === 1 ? 'oneCase' : 'manyCases')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('deadline')}</Table.Th>
              <Table.Th scope="col">{t('kenmerk')}</Table.Th>
              <Table.Th scope="col">{t('client')}</Table.Th>
              <Table.Th scope="col">{t('wet')}</Table.Th>
              <Table.Th scope="col">{t('fase')}</Table.Th>
              <Table.Th scope="col">{t('wijk')}</Table.Th>
              <Table.Th scope="col">Consulent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.meldingId}>
                <Table.Td><TermijnBadge termijn={i.termijn} /></Table.Td>
                <Table.Td><Anchor href={`#/melding/${i.meldingId}`}>{i.kenmerk}</Anchor></Table.Td>
                <Table.Td><Anchor href={`#/client/${i.clientId}`}>{i.clientNaam}</Anchor></Table.Td>
                <Table.Td>{WET_LABELS[i.wet]}</Table.Td>
                <Table.Td>{i.fase}</Table.Td>
                <Table.Td>{i.wijk ?? '–'}</Table.Td>
                <Table.Td>{i.consulentNaam}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
