import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { HouseholdInputSchema, HouseholdPlanSchema, type Client, type Household } from '../../../shared/schemas/client';
import { WET_LABELS } from '../../../shared/schemas/zaak';
import { mayCall } from '../../../shared/ipc/access';
import { call, showError, useLoad } from '../api';
import { draftKey, useDraft } from '../drafts';
import { fmtDate, fmtEuro } from '../format';
import { useSession } from '../session';
import { errorAt, FormStatus, LoadError, Section } from '../ui';
import { Rechten } from './beheer/Rechten';
import { AuditInzage } from './AuditInzage';
import { ClientLetters } from './ClientLetters';
import { Aanhef } from './client/Aanhef';
import { Vertegenwoordigers } from './client/Vertegenwoordigers';
import { InzageVerzoeken } from './InzageVerzoeken';
import { huisnummerAanduiding } from '../../../shared/adres';

export function ClientPage({ id }: { id: number }) {
  const { user } = useSession();
  // The auditor opens a dossier only with a logged reason.
  const auditorOnly = !mayCall(user.roles, 'client.get') && mayCall(user.roles, 'audit.inzage');
  const client = useLoad('client.get', auditorOnly ? null : { id });
  const timeline = useLoad('client.timeline', auditorOnly ? null : { id });
  if (auditorOnly) return <AuditInzage clientId={id} />;
  const c = client.data;
  const writer = mayCall(user.roles, 'client.update');
  return (
    <>
      <LoadError error={client.error} />
      {c && (
        <>
          {c.geheimhouding && (
            <Alert color="red" variant="filled" role="alert" title="Geheimhouding persoonsgegevens" mb="md">
              Deze cliënt heeft geheimhouding in de BRP. Geef geen gegevens aan derden zonder toestemming van de cliënt.
            </Alert>
          )}
          <Group justify="space-between" mb="sm">
            <Title order={1} size="h2">{c.naam}</Title>
            {writer && <Button component="a" href={`#/client/${c.id}/melding/nieuw`}>Nieuwe melding</Button>}
          </Group>
          <Group gap="xs" mb="md" aria-label="BRP-indicaties">
            {c.geheimhouding && <Badge color="red">Geheimhouding</Badge>}
            {c.overleden && <Badge color="dark">Overleden</Badge>}
            {c.nietIngezetene && <Badge color="orange.9">Niet-ingezetene</Badge>}
            {!c.geheimhouding && !c.overleden && !c.nietIngezetene && <Badge color="dark" variant="outline">Geen BRP-indicaties</Badge>}
          </Group>
          <ClientDetails c={c} />
          <Aanhef client={c} writer={writer} onSaved={() => void client.reload()} />
          <Vertegenwoordigers client={c} writer={writer} onSaved={() => void client.reload()} />
          <Section title="Tijdlijn: meldingen en voorzieningen" id="tijdlijn">
            <LoadError error={timeline.error} />
            {timeline.data && <Timeline data={timeline.data} />}
          </Section>
          <Section title="Verzonden brieven" id="brieven">
            <ClientLetters clientId={c.id} />
          </Section>
          <Section title="Huishouden en plan" id="huishouden">
            {c.householdId ? <HouseholdView id={c.householdId} writer={writer} /> : writer ? <HouseholdCreate client={c} onCreated={() => void client.reload()} /> : <Text>Geen huishouden vastgelegd.</Text>}
          </Section>
          <section aria-label="Rechten van de cliënt (AVG)" style={{ marginBottom: 24 }}>
            <Rechten clientId={c.id} roles={user.roles} />
          </section>
          <InzageVerzoeken clientId={c.id} mayRegister={mayCall(user.roles, 'rechten.inzageVerzoek')} mayExport={mayCall(user.roles, 'export.inzage')} />
        </>
      )}
    </>
  );
}

function ClientDetails({ c }: { c: Client }) {
  const adres = [c.straat, huisnummerAanduiding(c), c.postcode, c.woonplaats].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['BSN', c.bsn], ['Geboortedatum', /^\d{4}-\d{2}-\d{2}$/.test(c.geboortedatum) ? fmtDate(c.geboortedatum) : c.geboortedatum],
    ['Adres', adres || '–'], ['Wijk', c.wijk ?? '–'], ['Telefoon', c.telefoon ?? '–'], ['E-mail', c.email ?? '–'],
  ];
  return (
    <Card withBorder mb="md">
      <SimpleGrid cols={3} spacing="xs">
        {rows.map(([k, v]) => <div key={k}><Text size="xs" c="dimmed">{k}</Text><Text>{v}</Text></div>)}
      </SimpleGrid>
      {c.vertegenwoordigers.length > 0 && (
        <Text mt="sm" size="sm">Vertegenwoordiging: {c.vertegenwoordigers.map((v) => `${v.naam} (${v.soort})`).join(', ')}</Text>
      )}
    </Card>
  );
}

function Timeline({ data }: { data: { meldingen: { id: number; datum: string; kenmerk: string; wet: keyof typeof WET_LABELS; hulpvraag: string; status: string }[]; indicaties: { id: number; ingangsdatum: string; einddatum: string | null; productcategorieLabel: string; omvangTekst: string | null; leveringsvorm: string; budgetCents: number | null }[] } }) {
  const rows = [
    ...data.meldingen.map((m) => ({ key: `m${m.id}`, datum: m.datum, soort: 'Melding', text: <><Anchor href={`#/melding/${m.id}`}>{m.kenmerk}</Anchor> · {WET_LABELS[m.wet]} · {m.hulpvraag.slice(0, 80)}</>, status: m.status })),
    ...data.indicaties.map((i) => ({ key: `i${i.id}`, datum: i.ingangsdatum, soort: 'Voorziening', text: <>{i.productcategorieLabel}{i.omvangTekst ? `, ${i.omvangTekst}` : ''}{i.budgetCents ? `, ${fmtEuro(i.budgetCents)}` : ''} ({i.leveringsvorm}) t/m {fmtDate(i.einddatum)}</>, status: '' })),
  ].sort((a, b) => b.datum.localeCompare(a.datum));
  if (rows.length === 0) return <Text>Nog geen meldingen of voorzieningen.</Text>;
  return (
    <Table striped>
      <Table.Thead><Table.Tr><Table.Th scope="col">Datum</Table.Th><Table.Th scope="col">Soort</Table.Th><Table.Th scope="col">Omschrijving</Table.Th><Table.Th scope="col">Status</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((r) => <Table.Tr key={r.key}><Table.Td>{fmtDate(r.datum)}</Table.Td><Table.Td>{r.soort}</Table.Td><Table.Td>{r.text}</Table.Td><Table.Td>{r.status}</Table.Td></Table.Tr>)}
      </Table.Tbody>
    </Table>
  );
}

function useRegisseurs() {
  const users = useLoad('user.list', {});
  return (users.data?.users ?? []).filter((u) => u.active && u.roles.includes('consulent'));
}

function HouseholdCreate({ client, onCreated }: { client: Client; onCreated: () => void }) {
  const { user } = useSession();
  const regisseurs = useRegisseurs();
  type In = z.input<typeof HouseholdInputSchema>;
  const form = useForm<In, unknown, z.output<typeof HouseholdInputSchema>>({
    resolver: zodResolver(HouseholdInputSchema),
    defaultValues: { naam: client.geslachtsnaam, regisseurId: null, memberIds: [client.id] },
  });
  const draft = useDraft(form, draftKey(user.username, 'huishouden', client.id));
  const submit = form.handleSubmit(async (v) => {
    const r = await call('household.create', v);
    if (r.ok) { draft.clear(); onCreated(); } else showError(form, r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Huishouden vastleggen">
      <FormStatus form={form} restored={draft.restored} />
      <Group align="flex-end">
        <TextInput label="Naam van het huishouden" required {...form.register('naam')} error={errorAt(form.formState.errors, 'naam')} />
        <NativeSelect label="Regisseur" data={[{ value: '', label: '— nog niemand —' }, ...regisseurs.map((u) => ({ value: String(u.id), label: u.displayName }))]}
          {...form.register('regisseurId', { setValueAs: (v) => (v === '' || v == null ? null : Number(v)) })} error={errorAt(form.formState.errors, 'regisseurId')} />
        <Button type="submit">Huishouden vastleggen</Button>
      </Group>
    </form>
  );
}

function HouseholdView({ id, writer }: { id: number; writer: boolean }) {
  const h = useLoad('household.get', { id });
  return (
    <>
      <LoadError error={h.error} />
      {h.data && (
        <Stack>
          <Text>Huishouden <strong>{h.data.naam}</strong> · Regisseur: <strong>{h.data.regisseurNaam ?? 'nog niemand'}</strong></Text>
          <Table>
            <Table.Caption>Leden</Table.Caption>
            <Table.Thead><Table.Tr><Table.Th scope="col">Naam</Table.Th><Table.Th scope="col">Geboortedatum</Table.Th><Table.Th scope="col">Adres</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>{h.data.leden.map((l) => (
              <Table.Tr key={l.id}><Table.Td><Anchor href={`#/client/${l.id}`}>{l.naam}</Anchor>{l.geheimhouding && <Badge ml="xs" color="red">Geheimhouding</Badge>}</Table.Td><Table.Td>{l.geboortedatum}</Table.Td><Table.Td>{l.adres}</Table.Td></Table.Tr>
            ))}</Table.Tbody>
          </Table>
          <PlanEditor h={h.data} writer={writer} onSaved={(x) => h.setData(x)} />
        </Stack>
      )}
    </>
  );
}

const DOEL_STATUS = ['open', 'bezig', 'bereikt', 'vervallen'] as const;

function PlanEditor({ h, writer, onSaved }: { h: Household; writer: boolean; onSaved: (h: Household) => void }) {
  const { user } = useSession();
  const regisseurs = useRegisseurs();
  type In = z.input<typeof HouseholdPlanSchema>;
  const form = useForm<In, unknown, z.output<typeof HouseholdPlanSchema>>({
    resolver: zodResolver(HouseholdPlanSchema),
    defaultValues: { id: h.id, regisseurId: h.regisseurId, doelen: h.doelen, afspraken: h.afspraken },
  });
  const draft = useDraft(form, draftKey(user.username, 'plan', h.id));
  const doelen = useFieldArray({ control: form.control, name: 'doelen' });
  const afspraken = useFieldArray({ control: form.control, name: 'afspraken' });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('household.updatePlan', v);
    if (r.ok) { draft.clear(); onSaved(r.value); form.reset({ id: r.value.id, regisseurId: r.value.regisseurId, doelen: r.value.doelen, afspraken: r.value.afspraken }); } else showError(form, r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Plan van het huishouden">
      <FormStatus form={form} restored={draft.restored} />
      <fieldset disabled={!writer} style={{ border: 0, padding: 0, margin: 0 }}>
        <NativeSelect label="Regisseur" maw={320} mb="sm" data={[{ value: '', label: '— nog niemand —' }, ...regisseurs.map((u) => ({ value: String(u.id), label: u.displayName }))]}
          {...form.register('regisseurId', { setValueAs: (v) => (v === '' || v == null ? null : Number(v)) })} />
        <Title order={3} size="h5" mb="xs">Doelen</Title>
        {doelen.fields.map((f, i) => (
          <Group key={f.id} align="flex-end" mb="xs">
            <TextInput style={{ flex: 1 }} label={`Doel ${i + 1}`} {...form.register(`doelen.${i}.omschrijving`)} error={errorAt(e, `doelen.${i}.omschrijving`)} />
            <NativeSelect label={`Status doel ${i + 1}`} data={[...DOEL_STATUS]} {...form.register(`doelen.${i}.status`)} />
            <Button variant="subtle" color="red" onClick={() => doelen.remove(i)}>Verwijder doel {i + 1}</Button>
          </Group>
        ))}
        <Button variant="light" size="xs" mb="md" onClick={() => doelen.append({ omschrijving: '', status: 'open' })}>Doel toevoegen</Button>
        <Title order={3} size="h5" mb="xs">Afspraken</Title>
        {afspraken.fields.map((f, i) => (
          <Group key={f.id} align="flex-end" mb="xs">
            <TextInput style={{ flex: 2 }} label={`Afspraak ${i + 1}`} {...form.register(`afspraken.${i}.omschrijving`)} error={errorAt(e, `afspraken.${i}.omschrijving`)} />
            <TextInput label={`Wie (afspraak ${i + 1})`} {...form.register(`afspraken.${i}.wie`)} />
            <TextInput label={`Wanneer (afspraak ${i + 1})`} {...form.register(`afspraken.${i}.wanneer`)} />
            <Button variant="subtle" color="red" onClick={() => afspraken.remove(i)}>Verwijder afspraak {i + 1}</Button>
          </Group>
        ))}
        <Button variant="light" size="xs" mb="md" onClick={() => afspraken.append({ omschrijving: '', wie: '', wanneer: '' })}>Afspraak toevoegen</Button>
        {writer && <div><Button type="submit">Plan opslaan</Button></div>}
      </fieldset>
    </form>
  );
}
