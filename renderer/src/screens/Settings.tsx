import { Button, FileInput, Fieldset, Group, Image, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SettingsSchema } from '../../../shared/schemas/admin';
import { call, showError } from '../api';
import { draftKey, useDraft } from '../drafts';
import { useT } from '../i18n';
import { useSession } from '../session';
import { errorAt, FormStatus } from '../ui';
import { AfzenderPerWet } from './beheer/AfzenderPerWet';

type In = z.input<typeof SettingsSchema>;

export function SettingsScreen() {
  const { t } = useT();
  const [loaded, setLoaded] = useState<In | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('settings.get', {}).then((r) => (r.ok ? setLoaded(r.value) : setError(r.error.message)));
  }, []);
  return (
    <>
      <Title order={1} size="h2" mb="md">{t('settingsTitle')}</Title>
      {error && <Text c="red.9" role="alert">{error}</Text>}
      {loaded && <SettingsForm initial={loaded} />}
    </>
  );
}

function SettingsForm({ initial }: { initial: In }) {
  const { user } = useSession();
  const form = useForm<In, unknown, z.output<typeof SettingsSchema>>({ resolver: zodResolver(SettingsSchema), defaultValues: initial });
  const key = draftKey(user.username, 'instellingen', 'gemeente');
  const draft = useDraft(form, key);
  const [saved, setSaved] = useState<string | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const e = form.formState.errors;
  const logo = form.watch('logoPngBase64');
  const r = (name: Parameters<typeof form.register>[0]) => ({ ...form.register(name), error: errorAt(e, name) });
  const submit = form.handleSubmit(async (v) => {
    const res = await call('settings.update', v);
    if (res.ok) { draft.clear(); form.reset(res.value); setSaved('Instellingen opgeslagen.'); } else { setSaved(null); showError(form, res.error); }
  });
  const onLogo = async (file: File | null) => {
    setLogoError(null);
    if (!file) { form.setValue('logoPngBase64', null, { shouldDirty: true }); return; }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const isPng = bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    if (!isPng) { setLogoError('Dit bestand is geen PNG-afbeelding. Kies een .png-bestand.'); return; }
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
    form.setValue('logoPngBase64', btoa(bin), { shouldDirty: true });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Instellingen">
      <FormStatus form={form} restored={draft.restored} success={saved} />
      <Stack maw={860}>
        <Fieldset legend="Gemeente">
          <SimpleGrid cols={2}>
            <TextInput label="Naam van de gemeente" required {...r('gemeenteNaam')} />
            <TextInput label="Gemeentecode (CBS, 4 cijfers)" required {...r('gemeentecode')} />
            <TextInput label="RSIN" {...r('rsin')} />
            <TextInput label="Telefoon" {...r('telefoon')} />
            <TextInput label="E-mail" {...r('email')} />
            <TextInput label="Website" {...r('website')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Briefhoofd: adres">
          <SimpleGrid cols={3}>
            <TextInput label="Straat en huisnummer" {...r('adres.straat')} />
            <TextInput label="Postcode" {...r('adres.postcode')} />
            <TextInput label="Plaats" {...r('adres.plaats')} />
          </SimpleGrid>
          <Group mt="sm" align="flex-end">
            <FileInput label="Logo (PNG)" accept="image/png" placeholder="Kies een PNG-bestand" clearable onChange={(f) => void onLogo(f)} error={logoError ?? errorAt(e, 'logoPngBase64')} w={320} />
            {logo && <Image src={`data:image/png;base64,${logo}`} alt="Huidig logo" h={60} w="auto" fit="contain" />}
            {logo && <Button variant="subtle" color="red" onClick={() => form.setValue('logoPngBase64', null, { shouldDirty: true })}>Logo verwijderen</Button>}
          </Group>
        </Fieldset>
        <Fieldset legend="Ondertekening en mandaat">
          <SimpleGrid cols={2}>
            <TextInput label="Naam ondertekenaar" {...r('ondertekenaar.naam')} />
            <TextInput label="Functie ondertekenaar" {...r('ondertekenaar.functie')} />
          </SimpleGrid>
          <TextInput mt="sm" label="Mandaat (regel boven de handtekening)" {...r('mandaat')} />
        </Fieldset>
        <AfzenderPerWet form={form} />
        <Fieldset legend="Adres voor bezwaar">
          <SimpleGrid cols={2}>
            <TextInput label="Ter attentie van" {...r('bezwaarAdres.tav')} />
            <TextInput label="Adres of postbus" {...r('bezwaarAdres.adres')} />
            <TextInput label="Postcode (bezwaar)" {...r('bezwaarAdres.postcode')} />
            <TextInput label="Plaats (bezwaar)" {...r('bezwaarAdres.plaats')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Koppelingen: zaaksysteem (ZGW) en iWmo/iJw">
          <Text size="sm" mb="xs">De adressen en catalogus-URL's krijgt u van het functioneel beheer van het zaaksysteem. Het geheim (secret) stelt u in op het scherm Export zaaksysteem.</Text>
          <SimpleGrid cols={3}>
            <TextInput label="Zaken API (basis-URL)" {...r('export.zakenUrl')} />
            <TextInput label="Documenten API (basis-URL)" {...r('export.documentenUrl')} />
            <TextInput label="Besluiten API (basis-URL)" {...r('export.besluitenUrl')} />
            <TextInput label="Client-id" {...r('export.clientId')} />
            <TextInput label="RSIN bronorganisatie (leeg: RSIN hierboven)" {...r('export.rsin')} />
            <TextInput label="Zaaktype (URL)" {...r('export.zaaktype')} />
            <TextInput label="Statustype ontvangen" {...r('export.statustypen.ontvangen')} />
            <TextInput label="Statustype aanvraag" {...r('export.statustypen.aanvraag')} />
            <TextInput label="Statustype afgehandeld" {...r('export.statustypen.afgehandeld')} />
            <TextInput label="Roltype cliënt" {...r('export.roltype')} />
            <TextInput label="Informatieobjecttype gespreksverslag" {...r('export.informatieobjecttypen.gespreksverslag')} />
            <TextInput label="Informatieobjecttype beschikking" {...r('export.informatieobjecttypen.beschikking')} />
            <TextInput label="Besluittype" {...r('export.besluittype')} />
            <TextInput label="Resultaattype toegekend" {...r('export.resultaattypen.toegekend')} />
            <TextInput label="Resultaattype afgewezen" {...r('export.resultaattypen.afgewezen')} />
          </SimpleGrid>
          <TextInput mt="sm" label="Map voor iWmo/iJw-berichten (GGk-koppeling)" {...r('export.iwmoOutDir')} />
        </Fieldset>
        <Fieldset legend="Beveiliging">
          <Controller control={form.control} name="autoLockMinuten" render={({ field }) => (
            <NumberInput label="Automatisch vergrendelen na (minuten zonder activiteit)" min={1} max={120} allowDecimal={false} w={360}
              value={field.value ?? ''} ref={field.ref} onBlur={field.onBlur} onChange={(v) => field.onChange(v === '' ? undefined : Number(v))} error={errorAt(e, 'autoLockMinuten')} />
          )} />
        </Fieldset>
        <div><Button type="submit" loading={form.formState.isSubmitting}>Instellingen opslaan</Button></div>
      </Stack>
    </form>
  );
}
