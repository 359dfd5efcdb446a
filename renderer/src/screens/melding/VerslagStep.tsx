import { Button, Checkbox, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { OnderzoekInputSchema } from '../../../../shared/schemas/zaak';
import { todayIso } from '../../../../shared/today';
import { call, showError } from '../../api';
import { draftKey, useDraft } from '../../drafts';
import { useSession } from '../../session';
import { errorAt, FormStatus } from '../../ui';
import { FormDateField } from '../../DateField';
import { ActionBar, CTRL_ENTER_HINT, submitOnCtrlEnter } from './ActionBar';
import { StepSection, type StepProps } from './StepSection';

type OnderzoekIn = z.input<typeof OnderzoekInputSchema>;
const TOPICS: { name: keyof OnderzoekIn; label: string; description: string }[] = [
  { name: 'behoeften', label: 'a. Behoeften, persoonskenmerken en voorkeuren', description: 'Wmo 2015 art. 2.3.2 lid 4 onder a' },
  { name: 'eigenKracht', label: 'b. Eigen kracht en gebruikelijke hulp', description: 'onder b: wat kan de cliënt zelf, wat doen huisgenoten' },
  { name: 'netwerk', label: 'c. Mantelzorg en sociaal netwerk', description: 'onder c' },
  { name: 'mantelzorgOndersteuning', label: 'd. Ondersteuning van de mantelzorger', description: 'onder d' },
  { name: 'algemeneVoorzieningen', label: 'e. Algemene voorzieningen en voorliggende voorzieningen', description: 'onder e' },
  { name: 'benodigdeOndersteuning', label: 'Benodigde ondersteuning', description: 'Welke ondersteuning is nodig, en waarom' },
];

/** The gespreksverslag (Wmo 2015 art. 2.3.2 lid 4): written once, then kept up to date. */
export function VerslagStep({ detail, writer, notice, done }: StepProps) {
  const { user } = useSession();
  const o = detail.onderzoek;
  const empty: OnderzoekIn = o ? { ...o } : {
    meldingId: detail.melding.id, datum: todayIso(), aanwezigen: '', behoeften: '', eigenKracht: '', netwerk: '',
    mantelzorgOndersteuning: '', algemeneVoorzieningen: '', benodigdeOndersteuning: '', pgbUitgelegd: false,
    bijdrageUitgelegd: false, conclusies: '', verslagVerzondenOp: null, opmerkingenClient: '',
  };
  if ('id' in empty) delete (empty as { id?: number }).id;
  const form = useForm<OnderzoekIn, unknown, z.output<typeof OnderzoekInputSchema>>({ resolver: zodResolver(OnderzoekInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'onderzoek', detail.melding.id));
  const [saved, setSaved] = useState<string | null>(null);
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('onderzoek.save', v);
    if (!r.ok) { setSaved(null); showError(form, r.error); return; }
    draft.clear();
    // The first verslag moves the case on to the aanvraag; a correction stays here.
    if (o === null && detail.aanvraag === null) await done('Gespreksverslag opgeslagen.', 'aanvraag');
    else { setSaved('Gespreksverslag opgeslagen.'); await done(null); }
  });
  return (
    <StepSection id="verslag" title="Gespreksverslag (onderzoek)">
      <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} noValidate aria-label="Gespreksverslag">
        <FormStatus form={form} restored={draft.restored} />
        <fieldset disabled={!writer} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack maw={860}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormDateField control={form.control} name="datum" label="Datum van het gesprek" required />
              <TextInput label="Aanwezigen" required autoFocus={writer && o === null} {...form.register('aanwezigen')} error={errorAt(e, 'aanwezigen')} />
            </SimpleGrid>
            {TOPICS.map((tp) => (
              <Textarea key={tp.name} label={tp.label} description={tp.description} required autosize minRows={3}
                {...form.register(tp.name)} error={errorAt(e, tp.name)} />
            ))}
            <Textarea label="Conclusies" required autosize minRows={3} {...form.register('conclusies')} error={errorAt(e, 'conclusies')} />
            <Checkbox label="Het persoonsgebonden budget (pgb) is uitgelegd" {...form.register('pgbUitgelegd')} />
            <Checkbox label="De eigen bijdrage is uitgelegd" {...form.register('bijdrageUitgelegd')} />
            {/* Sending the verslag and the client's remarks on it come after the conversation. */}
            {o !== null && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <FormDateField control={form.control} name="verslagVerzondenOp" label="Verslag verzonden op" />
                </SimpleGrid>
                <Textarea label="Opmerkingen van de cliënt op het verslag" autosize minRows={2} {...form.register('opmerkingenClient')} error={errorAt(e, 'opmerkingenClient')} />
              </>
            )}
          </Stack>
        </fieldset>
        {writer && (
          <ActionBar notice={saved ?? notice} hint={CTRL_ENTER_HINT}>
            <Button type="submit" loading={form.formState.isSubmitting}>Gespreksverslag opslaan</Button>
          </ActionBar>
        )}
      </form>
    </StepSection>
  );
}
