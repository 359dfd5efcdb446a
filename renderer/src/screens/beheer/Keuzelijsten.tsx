import { Alert, Badge, Button, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Aanbieder, Wijk } from '../../../../shared/ipc/keuzelijst-channels';
import { call, useLoad } from '../../api';
import { LoadError } from '../../ui';

/**
 * The beheerder's pick lists (issue 16): wijken, and aanbieders with their AGB code. Add, rename,
 * and switch off what is no longer chosen; nothing is deleted, so old cases keep their wijk and
 * aanbieder. The client and indicatie forms pick from these lists.
 */
export function Keuzelijsten() {
  return (
    <>
      <Title order={1} size="h2" mb="xs">Keuzelijsten</Title>
      <Text mb="md" maw={760}>
        Wijken en aanbieders kiest de balie uit deze lijsten; een getypte naam maakt nooit zelf een nieuwe wijk of aanbieder.
        Een naam wijzigen geldt ook voor de cliënten in die wijk. Wat niet meer gekozen wordt zet u uit; oude zaken houden het.
      </Text>
      <Stack gap="xl">
        <Wijken />
        <Aanbieders />
      </Stack>
    </>
  );
}

type Msg = { ok: boolean; text: string } | null;

function Wijken() {
  const { data, error, reload } = useLoad('keuzelijst.wijken', {});
  const [naam, setNaam] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const [msg, setMsg] = useState<Msg>(null);
  const add = async () => {
    const r = await call('keuzelijst.wijk.opslaan', { naam });
    if (r.ok) { setNaam(''); setFout(undefined); setMsg({ ok: true, text: `Wijk ${r.value.naam} is toegevoegd.` }); void reload(); } else setFout(r.error.message);
  };
  return (
    <section aria-labelledby="wijken-titel">
      <Title order={2} size="h3" id="wijken-titel" mb="xs">Wijken</Title>
      <LoadError error={error} />
      {msg && <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'} mb="sm">{msg.text}</Alert>}
      <form aria-label="Wijk toevoegen" noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Group align="flex-start" mb="sm">
          <TextInput label="Nieuwe wijk" value={naam} onChange={(e) => setNaam(e.currentTarget.value)} error={fout} w={280} />
          <Button type="submit" mt={25}>Wijk toevoegen</Button>
        </Group>
      </form>
      <Table striped maw={760}>
        <Table.Thead><Table.Tr><Table.Th scope="col">Naam</Table.Th><Table.Th scope="col">Cliënten</Table.Th><Table.Th scope="col">Te kiezen</Table.Th><Table.Th scope="col">Wijzigen</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(data?.wijken ?? []).map((w) => <WijkRij key={`${w.id}-${w.naam}-${w.actief}`} wijk={w} onSaved={(text) => { setMsg({ ok: true, text }); void reload(); }} />)}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function WijkRij({ wijk, onSaved }: { wijk: Wijk; onSaved: (text: string) => void }) {
  const [naam, setNaam] = useState(wijk.naam);
  const [fout, setFout] = useState<string | undefined>();
  const save = async (actief: boolean) => {
    const r = await call('keuzelijst.wijk.opslaan', { id: wijk.id, naam, actief });
    if (r.ok) onSaved(r.value.naam !== wijk.naam ? `Wijk ${wijk.naam} heet nu ${r.value.naam}${r.value.clienten ? ` (ook bij ${r.value.clienten} ${r.value.clienten === 1 ? 'cliënt' : 'cliënten'})` : ''}.`
      : `Wijk ${r.value.naam} is ${r.value.actief ? 'weer te kiezen' : 'niet meer te kiezen'}.`);
    else setFout(r.error.message);
  };
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput aria-label={`Naam van wijk ${wijk.naam}`} value={naam} onChange={(e) => setNaam(e.currentTarget.value)} error={fout} size="xs" />
      </Table.Td>
      <Table.Td>{wijk.clienten}</Table.Td>
      <Table.Td>
        <Switch aria-label={`Wijk ${wijk.naam} te kiezen`} checked={wijk.actief} onChange={(e) => void save(e.currentTarget.checked)}
          label={wijk.actief ? 'Ja' : 'Nee'} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="light" disabled={naam.trim() === wijk.naam} onClick={() => void save(wijk.actief)} aria-label={`Naam van wijk ${wijk.naam} opslaan`}>Naam opslaan</Button>
      </Table.Td>
    </Table.Tr>
  );
}

function Aanbieders() {
  const { data, error, reload } = useLoad('keuzelijst.aanbieders', {});
  const [agb, setAgb] = useState('');
  const [naam, setNaam] = useState('');
  const [fout, setFout] = useState<{ field?: string; message: string } | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  const add = async () => {
    const r = await call('keuzelijst.aanbieder.opslaan', { agbCode: agb, naam });
    if (r.ok) { setAgb(''); setNaam(''); setFout(null); setMsg({ ok: true, text: `${r.value.naam} (AGB ${r.value.agbCode}) is toegevoegd.` }); void reload(); } else setFout(r.error);
  };
  const at = (f: string) => (fout && (fout.field === f || (!fout.field && f === 'naam')) ? fout.message : undefined);
  return (
    <section aria-labelledby="aanbieders-titel">
      <Title order={2} size="h3" id="aanbieders-titel" mb="xs">Aanbieders</Title>
      <LoadError error={error} />
      {msg && <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'} mb="sm">{msg.text}</Alert>}
      <form aria-label="Aanbieder toevoegen" noValidate onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Group align="flex-start" mb="sm">
          <TextInput label="AGB-code" description="8 cijfers, uit het AGB-register" inputMode="numeric" value={agb} onChange={(e) => setAgb(e.currentTarget.value)} error={at('agbCode')} w={200} />
          <TextInput label="Naam aanbieder" description="Zoals op de brief" value={naam} onChange={(e) => setNaam(e.currentTarget.value)} error={at('naam')} w={320} />
          <Button type="submit" mt={45}>Aanbieder toevoegen</Button>
        </Group>
      </form>
      <Table striped maw={900}>
        <Table.Thead><Table.Tr><Table.Th scope="col">AGB-code</Table.Th><Table.Th scope="col">Naam</Table.Th><Table.Th scope="col">Te kiezen</Table.Th><Table.Th scope="col">Wijzigen</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(data?.aanbieders ?? []).map((a) => <AanbiederRij key={`${a.id}-${a.naam}-${a.agbCode}-${a.actief}`} aanbieder={a} onSaved={(text) => { setMsg({ ok: true, text }); void reload(); }} />)}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function AanbiederRij({ aanbieder, onSaved }: { aanbieder: Aanbieder; onSaved: (text: string) => void }) {
  const [naam, setNaam] = useState(aanbieder.naam);
  const [fout, setFout] = useState<string | undefined>();
  const save = async (actief: boolean) => {
    const r = await call('keuzelijst.aanbieder.opslaan', { id: aanbieder.id, agbCode: aanbieder.agbCode, naam, actief });
    if (r.ok) onSaved(`${r.value.naam} (AGB ${r.value.agbCode}) is opgeslagen${r.value.actief ? '' : ' en niet meer te kiezen'}.`);
    else setFout(r.error.message);
  };
  return (
    <Table.Tr>
      <Table.Td><Badge variant="outline" color="dark" tt="none">{aanbieder.agbCode}</Badge></Table.Td>
      <Table.Td><TextInput aria-label={`Naam van aanbieder ${aanbieder.agbCode}`} value={naam} onChange={(e) => setNaam(e.currentTarget.value)} error={fout} size="xs" /></Table.Td>
      <Table.Td>
        <Switch aria-label={`Aanbieder ${aanbieder.naam} te kiezen`} checked={aanbieder.actief} onChange={(e) => void save(e.currentTarget.checked)} label={aanbieder.actief ? 'Ja' : 'Nee'} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="light" disabled={naam.trim() === aanbieder.naam} onClick={() => void save(aanbieder.actief)} aria-label={`Naam van aanbieder ${aanbieder.agbCode} opslaan`}>Naam opslaan</Button>
      </Table.Td>
    </Table.Tr>
  );
}
