import { Alert, Anchor, Badge, Card, Group, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { REDENEN_AFWIJZING_VERZOEK, type Verzoek } from '../../../shared/ipc/iwmo-channels';
import { call, useLoad } from '../api';
import { ConfirmButton } from '../confirm';
import { fmtDate } from '../format';
import { todayIso } from '../../../shared/today';
import { DeadlineBadge, LoadError } from '../ui';

type Product = Verzoek['producten'][number];
type Reden = keyof typeof REDENEN_AFWIJZING_VERZOEK;

const ANTWOORDEN = [
  { value: '2', label: '2 – aanvraag in onderzoek' },
  { value: '1', label: '1 – verzoek afgewezen' },
];

/**
 * The open verzoeken om toewijzing (WMO315/JW315) with their iStandaard terms: a retour within 3
 * werkdagen and per product a toewijzing (301) or antwoord (319) within 5 werkdagen. A 315 that
 * did not fit a client waits here "ter beoordeling" until someone links or rejects it.
 */
export function Verzoeken({ canWrite }: { canWrite: boolean }) {
  const list = useLoad('iwmo.verzoeken', { alleenOpen: true });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (text: string) => { setError(null); setMessage(text); void list.reload(); };
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">Verzoeken om toewijzing</Title>
      <Text>Een aanbieder of verwijzer vraagt met een 315-bericht om een toewijzing. Beantwoord elk product binnen 5 werkdagen met een toewijzing (301) of een antwoord (319); de retour (316) gaat binnen 3 werkdagen.</Text>
      <LoadError error={list.error} />
      {error && <Alert color="red" role="alert" title="Niet gelukt">{error}</Alert>}
      {message && <Alert color="green" role="status">{message}</Alert>}
      {list.data && items.length === 0 && <Text>Er zijn geen open verzoeken om toewijzing.</Text>}
      {items.map((v) => (
        <VerzoekCard key={v.id} v={v} canWrite={canWrite} onDone={done} onError={setError} />
      ))}
    </Stack>
  );
}

function VerzoekCard({ v, canWrite, onDone, onError }: { v: Verzoek; canWrite: boolean; onDone: (m: string) => void; onError: (m: string) => void }) {
  const titleId = `verzoek-${v.id}-title`;
  const retourStatus = v.retourOp ? 'afgerond' : todayIso() > v.retourUiterlijk ? 'verlopen' : 'op_tijd';
  const wacht = v.status === 'wacht_op_beoordeling';
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id={titleId}>{v.clientNaam} · {v.bericht} {v.identificatie}</Title>
          <Text size="sm">Van aanbieder {v.afzender} · ontvangen {fmtDate(v.ontvangenOp)}
            {v.meldingId !== null && <> · <Anchor href={`#/melding/${v.meldingId}`}>naar de melding</Anchor></>}
          </Text>
        </div>
        <Group gap="xs">
          {wacht && <Badge color="#9a4300" variant="filled" tt="none">Ter beoordeling</Badge>}
          <DeadlineBadge naam="Retour (3 werkdagen)" status={retourStatus} uiterlijk={v.retourUiterlijk} />
          <DeadlineBadge naam="Toewijzing of antwoord (5 werkdagen)" status={v.antwoordTeLaat ? 'verlopen' : 'op_tijd'} uiterlijk={v.antwoordUiterlijk} />
        </Group>
      </Group>
      {wacht && <Text size="sm" mb="xs">Waarom dit verzoek wacht: {v.redenWacht}</Text>}
      <Table>
        <Table.Thead>
          <Table.Tr><Table.Th>Product</Table.Th><Table.Th>Referentie aanbieder</Table.Th><Table.Th>Periode</Table.Th><Table.Th>Verwijzer</Table.Th><Table.Th>Stand</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.producten.map((p) => (
            <Table.Tr key={p.index}>
              <Table.Td>{p.code ?? `categorie ${p.categorie ?? '–'}`}</Table.Td>
              <Table.Td>{p.referentieAanbieder}</Table.Td>
              <Table.Td>{fmtDate(p.ingangsdatum)}{p.einddatum ? ` t/m ${fmtDate(p.einddatum)}` : ''}</Table.Td>
              <Table.Td>{p.verwijzer.naam ?? p.verwijzer.zorgverlenerCode ?? `type ${p.verwijzer.type}`}</Table.Td>
              <Table.Td>{p.status === 'open'
                ? (canWrite ? <Antwoord v={v} p={p} onDone={onDone} onError={onError} /> : 'open')
                : p.status === 'toegewezen' ? 'toegewezen (301)' : `beantwoord (319, antwoord ${p.antwoord})`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {wacht && canWrite && <Beoordeel v={v} onDone={onDone} onError={onError} />}
    </Card>
  );
}

function Antwoord({ v, p, onDone, onError }: { v: Verzoek; p: Product; onDone: (m: string) => void; onError: (m: string) => void }) {
  const [antwoord, setAntwoord] = useState<'1' | '2'>('2');
  const [reden, setReden] = useState<Reden>('3');
  const soort = v.bericht === 'JW315' ? 'JW319' : 'WMO319';
  const wat = antwoord === '2' ? 'de aanvraag is in onderzoek' : `het verzoek is afgewezen (${REDENEN_AFWIJZING_VERZOEK[reden].toLowerCase()})`;
  return (
    <Stack gap={4}>
      <NativeSelect label={`Antwoord voor ${p.referentieAanbieder}`} size="xs" data={ANTWOORDEN} value={antwoord}
        onChange={(e) => setAntwoord(e.currentTarget.value as '1' | '2')} />
      {antwoord === '1' && (
        <NativeSelect label="Reden van afwijzing" size="xs" value={reden} onChange={(e) => setReden(e.currentTarget.value as Reden)}
          data={Object.entries(REDENEN_AFWIJZING_VERZOEK).map(([value, label]) => ({ value, label: `${value} – ${label}` }))} />
      )}
      <ConfirmButton buttonProps={{ size: 'xs' }} confirmLabel={`Ja, ${soort} versturen`}
        question={`Er gaat een ${soort} naar aanbieder ${v.afzender}: voor product ${p.referentieAanbieder} ${wat}. Een antwoord kan niet worden teruggetrokken.`}
        onConfirm={async () => {
          const r = await call('iwmo.verzoek.antwoord', { id: v.id, productIndex: p.index, antwoord, ...(antwoord === '1' ? { redenAfwijzing: reden } : {}) });
          if (r.ok) onDone(`${soort} voor ${p.referentieAanbieder} is klaargezet${r.value.bestand ? ` als ${r.value.bestand}` : ''}.`);
          else onError(r.error.message);
        }}>
        Beantwoorden met {soort}
      </ConfirmButton>
    </Stack>
  );
}

function Beoordeel({ v, onDone, onError }: { v: Verzoek; onDone: (m: string) => void; onError: (m: string) => void }) {
  const [besluit, setBesluit] = useState<'koppelen' | 'afwijzen'>('koppelen');
  const [toelichting, setToelichting] = useState('');
  const wat = besluit === 'koppelen'
    ? `Het verzoek wordt gekoppeld aan ${v.clientNaam} (met dit BSN); er komt een melding bij.`
    : 'Het verzoek wordt afgewezen en verdwijnt uit deze lijst.';
  return (
    <Stack gap="xs" mt="sm" component="fieldset" style={{ border: 0, padding: 0 }}>
      <legend><Text fw={600}>Beoordelen</Text></legend>
      <NativeSelect label="Besluit" value={besluit} onChange={(e) => setBesluit(e.currentTarget.value as 'koppelen' | 'afwijzen')}
        data={[{ value: 'koppelen', label: 'Koppelen aan de cliënt' }, { value: 'afwijzen', label: 'Afwijzen' }]} />
      <Textarea label="Wat heeft u gecontroleerd?" description="Bijvoorbeeld: BRP geraadpleegd, naam gewijzigd." value={toelichting}
        onChange={(e) => setToelichting(e.currentTarget.value)} autosize minRows={2} />
      <Group>
        <ConfirmButton confirmLabel={besluit === 'koppelen' ? 'Ja, koppelen' : 'Ja, afwijzen'} question={wat}
          onConfirm={async () => {
            const r = await call('iwmo.verzoek.beoordeel', { id: v.id, besluit, toelichting });
            if (r.ok) onDone(besluit === 'koppelen' ? `Verzoek ${v.identificatie} is gekoppeld aan ${v.clientNaam}.` : `Verzoek ${v.identificatie} is afgewezen.`);
            else onError(r.error.message);
          }}>
          Beoordeling vastleggen
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
