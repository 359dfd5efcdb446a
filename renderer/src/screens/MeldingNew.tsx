import { Alert, Anchor, Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { KANALEN, MeldingInputSchema, WET_LABELS, WETTEN } from '../../../shared/schemas/zaak';
import { call, showError, useLoad } from '../api';
import { draftKey, useDraft } from '../drafts';
import { fmtDate } from '../format';
import { todayIso } from '../../../shared/today';
import { navigate } from '../route';
import { useSession } from '../session';
import { errorAt, FormStatus } from '../ui';
import { FormDateField } from '../DateField';
import { KANAAL_LABELS } from './labels';

type In = z.input<typeof MeldingInputSchema>;

export function MeldingNew({ clientId }: { clientId: number }) {
  const { user } = useSession();
  const client = useLoad('client.get', { id: clientId });
  const timeline = useLoad('client.timeline', { id: clientId });
  const open = timeline.data?.meldingen.filter((m) => m.status === 'open') ?? [];
  const empty: In = {
    clientId, datum: todayIso(), kanaal: 'balie', wet: 'wmo', hulpvraag: '', toestemming: false,
    clientondersteuningAangeboden: false, persoonlijkPlanOntvangenOp: null, mantelzorger: '',
  };
  const form = useForm<In, unknown, z.output<typeof MeldingInputSchema>>({ resolver: zodResolver(MeldingInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'melding', `client-${clientId}`));
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('melding.create', v);
    if (r.ok) { draft.clear(); form.reset(empty); navigate(`/melding/${r.value.melding.id}`); } else showError(form, r.error);
  });
  return (
    <>
      <Title order={1} size="h2" mb="md">Nieuwe melding{client.data ? ` voor ${client.data.naam}` : ''}</Title>
      {open.length > 0 && (
        <Alert color="yellow" role="note" title="Deze cliënt heeft al een open melding" mb="md" maw={760}>
          {open.map((m) => <div key={m.id}><Anchor href={`#/melding/${m.id}`}>{m.kenmerk}</Anchor> van {fmtDate(m.datum)} ({WET_LABELS[m.wet]}): {m.hulpvraag.slice(0, 80)}{m.hulpvraag.length > 80 ? '…' : ''}</div>)}
          Hoort de nieuwe hulpvraag daarbij, vul hem dan daar aan in plaats van een tweede melding te maken.
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label="Nieuwe melding">
        <FormStatus form={form} restored={draft.restored} onDiscard={() => { draft.clear(); form.reset(empty); }} />
        <Stack maw={760}>
          <SimpleGrid cols={3}>
            <FormDateField control={form.control} name="datum" label="Datum van de melding" required />
            <NativeSelect label="Binnengekomen via" data={KANALEN.map((k) => ({ value: k, label: KANAAL_LABELS[k] ?? k }))} {...form.register('kanaal')} error={errorAt(e, 'kanaal')} />
            <NativeSelect label="Wet" data={WETTEN.map((w) => ({ value: w, label: WET_LABELS[w] }))} {...form.register('wet')} error={errorAt(e, 'wet')} />
          </SimpleGrid>
          {/* What every melding needs first (the date is today, the channel the desk); the optional fields after. */}
          <Textarea label="Hulpvraag (in de woorden van de cliënt)" required autoFocus autosize minRows={4} {...form.register('hulpvraag')} error={errorAt(e, 'hulpvraag')} />
          <Checkbox label="De cliënt geeft toestemming om gegevens voor het onderzoek vast te leggen en op te vragen" {...form.register('toestemming')} error={errorAt(e, 'toestemming')} />
          <Checkbox label="Gratis onafhankelijke cliëntondersteuning is aangeboden" {...form.register('clientondersteuningAangeboden')} error={errorAt(e, 'clientondersteuningAangeboden')} />
          <TextInput label="Mantelzorger" description="Naam en relatie, als die er is" {...form.register('mantelzorger')} error={errorAt(e, 'mantelzorger')} />
          <FormDateField control={form.control} name="persoonlijkPlanOntvangenOp" label="Persoonlijk plan ontvangen op" description="DD-MM-JJJJ; laat leeg als er (nog) geen persoonlijk plan is" />
          <div><Button type="submit" loading={form.formState.isSubmitting}>Melding opslaan</Button></div>
        </Stack>
      </form>
    </>
  );
}
