import { Alert, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  GESLACHT, HANDELT_IN, standaardHandeltIn, VERTEGENWOORDIGER_SOORTEN, VertegenwoordigerSchema, type Client,
} from '../../../../shared/schemas/client';
import { call, showError } from '../../api';
import { errorAt, FormStatus, Section } from '../../ui';
import { toClientInput } from './clientInput';

/**
 * The client's representatives as the letters need them: the office (kantoor) and address for the
 * envelope window, geslacht for the salutation, and what each acts in (zorg: care letters go to
 * them; financieel only: a copy where the client wants that). Saved with client.update.
 */

type In = z.input<typeof VertegenwoordigerSchema>;
type Soort = (typeof VERTEGENWOORDIGER_SOORTEN)[number];

export const SOORT_LABEL: Record<Soort, string> = {
  curator: 'Curator (BW 1:378)', mentor: 'Mentor (BW 1:450)', bewindvoerder: 'Beschermingsbewindvoerder (BW 1:431)',
  gemachtigde: 'Gemachtigde', ouder_voogd: 'Ouder of voogd',
};
const HANDELT_LABEL: Record<(typeof HANDELT_IN)[number], string> = { zorg: 'Zorg en ondersteuning', financieel: 'Geldzaken' };
const GESLACHT_LABEL: Record<(typeof GESLACHT)[number], string> = { '0': 'Onbekend', '1': 'Man (heer)', '2': 'Vrouw (mevrouw)' };

const leeg = (): In => ({
  soort: 'curator', naam: '', organisatie: '', adresregels: [], telefoon: '', email: '', geslacht: '0',
  handeltIn: standaardHandeltIn('curator'), ontvangtPost: false,
});

export function Vertegenwoordigers({ client, writer, onSaved }: { client: Client; writer: boolean; onSaved: () => void }) {
  const [edit, setEdit] = useState<number | 'nieuw' | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const reps = client.vertegenwoordigers;
  return (
    <Section title="Vertegenwoordiging en post" id="vertegenwoordiging">
      {msg && <Alert color="green" role="status" mb="sm">{msg}</Alert>}
      {reps.length === 0 ? <Text mb="sm">Geen vertegenwoordiger vastgelegd: brieven gaan naar de cliënt.</Text> : (
        <Table mb="sm">
          <Table.Thead><Table.Tr><Table.Th scope="col">Soort</Table.Th><Table.Th scope="col">Naam en kantoor</Table.Th><Table.Th scope="col">Adres</Table.Th><Table.Th scope="col">Handelt in</Table.Th><Table.Th scope="col">Afschrift</Table.Th>{writer && <Table.Th scope="col">Acties</Table.Th>}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {reps.map((v, i) => (
              <Table.Tr key={v.id}>
                <Table.Td>{SOORT_LABEL[v.soort]}</Table.Td>
                <Table.Td>{v.naam}{v.organisatie ? `, ${v.organisatie}` : ''}</Table.Td>
                <Table.Td>{v.adresregels.join(', ') || '–'}</Table.Td>
                <Table.Td>{v.handeltIn.map((h) => HANDELT_LABEL[h]).join(', ') || '–'}</Table.Td>
                <Table.Td>{v.ontvangtPost ? 'Ja' : 'Nee'}</Table.Td>
                {writer && <Table.Td><Button size="compact-xs" variant="light" onClick={() => { setMsg(null); setEdit(i); }}>Wijzigen: {v.naam}</Button></Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {writer && edit === null && reps.length < 5 && <Button variant="outline" size="xs" onClick={() => { setMsg(null); setEdit('nieuw'); }}>Vertegenwoordiger toevoegen</Button>}
      {writer && edit !== null && (
        <VertegenwoordigerForm key={String(edit)} client={client} index={edit === 'nieuw' ? null : edit}
          onCancel={() => setEdit(null)}
          onSaved={(naam) => { setEdit(null); setMsg(`Vertegenwoordiger ${naam} opgeslagen.`); onSaved(); }} />
      )}
    </Section>
  );
}

function VertegenwoordigerForm({ client, index, onSaved, onCancel }: { client: Client; index: number | null; onSaved: (naam: string) => void; onCancel: () => void }) {
  const start: In = index === null ? leeg() : (() => { const { id: _id, ...v } = client.vertegenwoordigers[index]!; return v; })();
  const form = useForm<In, unknown, z.output<typeof VertegenwoordigerSchema>>({ resolver: zodResolver(VertegenwoordigerSchema), defaultValues: start });
  const [adres, setAdres] = useState((start.adresregels ?? []).join('\n'));
  const e = form.formState.errors;
  const plek = index ?? client.vertegenwoordigers.length;
  const submit = form.handleSubmit(async (v) => {
    const input = toClientInput(client);
    const reps = [...input.vertegenwoordigers ?? []];
    reps[plek] = v;
    const r = await call('client.update', { ...input, vertegenwoordigers: reps });
    if (r.ok) { onSaved(v.naam); return; }
    // The router names the field in the whole client ("vertegenwoordigers.1.naam"): show it at this form's field.
    const prefix = `vertegenwoordigers.${plek}.`;
    showError(form, { ...r.error, field: r.error.field?.startsWith(prefix) ? r.error.field.slice(prefix.length) : undefined });
  });
  const titel = index === null ? 'Vertegenwoordiger toevoegen' : `Vertegenwoordiger wijzigen: ${start.naam}`;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label={titel} mt="sm">
      <Title order={3} size="h5" mb="xs">{titel}</Title>
      <FormStatus form={form} />
      <Stack>
        <SimpleGrid cols={2}>
          <NativeSelect label="Soort vertegenwoordiger" required data={VERTEGENWOORDIGER_SOORTEN.map((s) => ({ value: s, label: SOORT_LABEL[s] }))}
            {...form.register('soort', { onChange: (ev) => form.setValue('handeltIn', standaardHandeltIn(ev.target.value as Soort), { shouldDirty: true }) })}
            error={errorAt(e, 'soort')} />
          <NativeSelect label="Aanhef (geslacht)" description="Voor 'Geachte heer …' of 'Geachte mevrouw …'" data={GESLACHT.map((g) => ({ value: g, label: GESLACHT_LABEL[g] }))}
            {...form.register('geslacht')} error={errorAt(e, 'geslacht')} />
          <TextInput label="Naam" required description="Zoals op de brief, bijv. mr. A.B. Bakker" {...form.register('naam')} error={errorAt(e, 'naam')} />
          <TextInput label="Kantoor of organisatie" description="Staat in het venster boven 't.a.v.' de naam" {...form.register('organisatie')} error={errorAt(e, 'organisatie')} />
          <Controller control={form.control} name="adresregels" render={({ field }) => (
            <Textarea label="Postadres" description="Eén regel per regel, bijv. Postbus 55 en 1230 AB  VOORBEELDSTAD (hoogstens 4 regels)" autosize minRows={2}
              ref={field.ref} onBlur={field.onBlur} value={adres}
              onChange={(ev) => { setAdres(ev.currentTarget.value); field.onChange(ev.currentTarget.value.split('\n').map((r) => r.trim()).filter(Boolean)); }}
              error={errorAt(e, 'adresregels')} />
          )} />
          <Stack gap="xs">
            <TextInput label="Telefoon" type="tel" {...form.register('telefoon')} error={errorAt(e, 'telefoon')} />
            <TextInput label="E-mail" type="email" {...form.register('email')} error={errorAt(e, 'email')} />
          </Stack>
        </SimpleGrid>
        <Controller control={form.control} name="handeltIn" render={({ field }) => (
          <Checkbox.Group label="Handelt voor de cliënt in" description="Brieven over zorg gaan naar wie in zorg handelt; wie alleen geldzaken doet, krijgt hoogstens een afschrift"
            value={field.value ?? []} onChange={(v) => field.onChange(v)} error={errorAt(e, 'handeltIn')}>
            <Group mt={4}>{HANDELT_IN.map((h) => <Checkbox key={h} value={h} label={HANDELT_LABEL[h]} />)}</Group>
          </Checkbox.Group>
        )} />
        <Checkbox label="De cliënt wil dat deze vertegenwoordiger een afschrift van de brieven krijgt" {...form.register('ontvangtPost')} />
        <Group><Button type="submit" loading={form.formState.isSubmitting}>Vertegenwoordiger opslaan</Button><Button variant="subtle" onClick={onCancel}>Annuleren</Button></Group>
      </Stack>
    </Card>
  );
}
