import { Button, Card, Group, NativeSelect, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ClientInputSchema, GESLACHT, NAAMGEBRUIK, type Client } from '../../../../shared/schemas/client';
import { aanhefVoor } from '../../../../shared/names';
import { call, showError } from '../../api';
import { errorAt, FormStatus } from '../../ui';
import { toClientInput } from './clientInput';

/**
 * How letters address the client: geslacht and naamgebruik (BRP) give "Geachte mevrouw Jansen-de
 * Vries"; the salutation the letter will use is shown as it is typed. Saved with client.update.
 */

const Schema = ClientInputSchema.pick({ geslacht: true, naamgebruik: true, partnerVoorvoegsel: true, partnerGeslachtsnaam: true });
type In = z.input<typeof Schema>;

const GESLACHT_LABEL: Record<(typeof GESLACHT)[number], string> = { '0': 'Onbekend', '1': 'Man', '2': 'Vrouw' };
const NAAMGEBRUIK_LABEL: Record<(typeof NAAMGEBRUIK)[number], string> = {
  E: 'Eigen naam', P: 'Naam partner', V: 'Partnernaam, dan eigen naam', N: 'Eigen naam, dan partnernaam',
};

export function Aanhef({ client, writer, onSaved }: { client: Client; writer: boolean; onSaved: () => void }) {
  const form = useForm<In, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema),
    defaultValues: { geslacht: client.geslacht, naamgebruik: client.naamgebruik, partnerVoorvoegsel: client.partnerVoorvoegsel ?? '', partnerGeslachtsnaam: client.partnerGeslachtsnaam ?? '' },
  });
  const [msg, setMsg] = useState<string | null>(null);
  const e = form.formState.errors;
  const v = form.watch();
  const voorbeeld = aanhefVoor({
    voornamen: client.voornamen, voorletters: client.voorletters, voorvoegsel: client.voorvoegsel, geslachtsnaam: client.geslachtsnaam,
    partnerVoorvoegsel: v.partnerVoorvoegsel || null, partnerGeslachtsnaam: v.partnerGeslachtsnaam || null,
    naamgebruik: (v.naamgebruik ?? 'E') as (typeof NAAMGEBRUIK)[number], geslacht: v.geslacht ?? '0',
  });
  const submit = form.handleSubmit(async (x) => {
    const r = await call('client.update', { ...toClientInput(client), ...x });
    if (r.ok) { setMsg('Aanhef opgeslagen.'); onSaved(); } else { setMsg(null); showError(form, r.error); }
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Aanhef in brieven" mb="md">
      <Title order={2} size="h5" mb="xs">Aanhef in brieven</Title>
      <FormStatus form={form} success={msg} />
      <fieldset disabled={!writer} style={{ border: 0, padding: 0, margin: 0 }}>
        <SimpleGrid cols={4}>
          <NativeSelect label="Geslacht" data={GESLACHT.map((g) => ({ value: g, label: GESLACHT_LABEL[g] }))} {...form.register('geslacht')} error={errorAt(e, 'geslacht')} />
          <NativeSelect label="Naamgebruik" data={NAAMGEBRUIK.map((n) => ({ value: n, label: NAAMGEBRUIK_LABEL[n] }))} {...form.register('naamgebruik')} error={errorAt(e, 'naamgebruik')} />
          <TextInput label="Voorvoegsel partner" {...form.register('partnerVoorvoegsel')} error={errorAt(e, 'partnerVoorvoegsel')} />
          <TextInput label="Achternaam partner" {...form.register('partnerGeslachtsnaam')} error={errorAt(e, 'partnerGeslachtsnaam')} />
        </SimpleGrid>
        <Group mt="sm" justify="space-between">
          <Text size="sm" aria-live="polite">De brief begint met: <strong>{voorbeeld},</strong></Text>
          {writer && <Button type="submit" size="xs" loading={form.formState.isSubmitting}>Aanhef opslaan</Button>}
        </Group>
      </fieldset>
    </Card>
  );
}
