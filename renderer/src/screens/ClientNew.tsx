import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ClientInputSchema, GESLACHT, NAAMGEBRUIK } from '../../../shared/schemas/client';
import { call, showError } from '../api';
import { draftKey, useDraft } from '../drafts';
import { useT } from '../i18n';
import { navigate } from '../route';
import { useSession } from '../session';
import { errorAt, FormStatus } from '../ui';
import { FormDateField } from '../DateField';
import { WijkSelect } from '../Keuzelijst';

type In = z.input<typeof ClientInputSchema>;
type Out = z.output<typeof ClientInputSchema>;

const GESLACHT_LABELS: Record<(typeof GESLACHT)[number], string> = { '0': 'Onbekend', '1': 'Man', '2': 'Vrouw' };
const NAAMGEBRUIK_LABELS: Record<(typeof NAAMGEBRUIK)[number], string> = {
  E: 'Eigen naam', P: 'Naam partner', V: 'Partnernaam, dan eigen naam', N: 'Eigen naam, dan partnernaam',
};

const EMPTY: In = {
  bsn: '', voornamen: '', voorletters: '', voorvoegsel: '', geslachtsnaam: '', partnerVoorvoegsel: '',
  partnerGeslachtsnaam: '', naamgebruik: 'E', geslacht: '0', geboortedatum: '', straat: '', huisnummer: null,
  huisletter: '', huisnummerToevoeging: '', postcode: '', woonplaats: '', telefoon: '', email: '', wijk: '',
  geheimhouding: false, overleden: false, nietIngezetene: false, vertegenwoordigers: [],
};

export function ClientNew() {
  const { t } = useT();
  const { user } = useSession();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(ClientInputSchema), defaultValues: EMPTY });
  const draft = useDraft(form, draftKey(user.username, 'client', 'nieuw'));
  const e = form.formState.errors;
  const reg = (name: keyof In) => ({ ...form.register(name), error: errorAt(e, name) });
  const submit = form.handleSubmit(async (values) => {
    const r = await call('client.create', values);
    if (r.ok) {
      draft.clear();
      form.reset(EMPTY);
      navigate(`/client/${r.value.id}`);
    } else showError(form, r.error);
  });
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('navNewClient')}</Title>
      <form onSubmit={submit} noValidate aria-label={t('navNewClient')}>
        <FormStatus form={form} restored={draft.restored} onDiscard={() => { draft.clear(); form.reset(EMPTY); }} />
        <Stack maw={860}>
          <Fieldset legend="Persoon (zoals in de BRP)">
            <SimpleGrid cols={2}>
              <TextInput label="BSN" required inputMode="numeric" autoComplete="off" {...reg('bsn')} />
              <FormDateField control={form.control} name="geboortedatum" label="Geboortedatum" required partial notInFuture />
              <TextInput label="Voornamen" required {...reg('voornamen')} />
              <TextInput label="Voorletters" {...reg('voorletters')} />
              <TextInput label="Voorvoegsel" description="bijv. van, de" {...reg('voorvoegsel')} />
              <TextInput label="Achternaam (geslachtsnaam)" required {...reg('geslachtsnaam')} />
              <TextInput label="Voorvoegsel partner" {...reg('partnerVoorvoegsel')} />
              <TextInput label="Achternaam partner" {...reg('partnerGeslachtsnaam')} />
              <NativeSelect label="Naamgebruik" data={NAAMGEBRUIK.map((v) => ({ value: v, label: NAAMGEBRUIK_LABELS[v] }))} {...reg('naamgebruik')} />
              <NativeSelect label="Geslacht" data={GESLACHT.map((v) => ({ value: v, label: GESLACHT_LABELS[v] }))} {...reg('geslacht')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Adres en contact">
            <SimpleGrid cols={2}>
              <TextInput label="Straat" {...reg('straat')} />
              <Group grow align="flex-start">
                <TextInput label="Huisnummer" inputMode="numeric" description="Alleen het getal" {...reg('huisnummer')} />
                <TextInput label="Huisletter" description="Eén letter" maxLength={1} {...reg('huisletter')} />
                <TextInput label="Toevoeging" description="Bijv. 2 of bis" {...reg('huisnummerToevoeging')} />
              </Group>
              <TextInput label="Postcode" description="bijv. 1234 AB" {...reg('postcode')} />
              <TextInput label="Woonplaats" {...reg('woonplaats')} />
              <TextInput label="Telefoon" type="tel" {...reg('telefoon')} />
              <TextInput label="E-mail" type="email" {...reg('email')} />
              <Controller control={form.control} name="wijk" render={({ field }) => (
                <WijkSelect value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} ref={field.ref} error={errorAt(e, 'wijk')} />
              )} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="BRP-indicaties">
            <Stack gap="xs">
              <Checkbox label="Geheimhouding persoonsgegevens (BRP)" {...form.register('geheimhouding')} />
              <Checkbox label="Overleden" {...form.register('overleden')} />
              <Checkbox label="Niet-ingezetene" {...form.register('nietIngezetene')} />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>Cliënt opslaan</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
