import { Button, Stack, Text, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { AanvraagInputSchema } from '../../../../shared/schemas/zaak';
import { todayIso } from '../../../../shared/today';
import { call, showError } from '../../api';
import { draftKey, useDraft } from '../../drafts';
import { fmtDate } from '../../format';
import { useSession } from '../../session';
import { errorAt, FormStatus } from '../../ui';
import { Aanvulverzoek } from './Aanvulverzoek';
import { FormDateField } from '../../DateField';
import { ActionBar, CTRL_ENTER_HINT, submitOnCtrlEnter } from './ActionBar';
import { StepSection, type StepProps } from './StepSection';
import { Verdaging } from './Verdaging';

type In = z.input<typeof AanvraagInputSchema>;

/** The aanvraag (Wmo 2015 art. 2.3.2 lid 9): from its date the beschikking term runs. */
export function AanvraagStep({ detail, writer, notice, done }: StepProps) {
  const a = detail.aanvraag;
  return (
    <StepSection id="aanvraag" title="Aanvraag">
      {a ? (
        <Text>Aanvraag ontvangen op {fmtDate(a.ontvangenOp)}: {a.omschrijving}</Text>
      ) : writer ? <AanvraagForm meldingId={detail.melding.id} notice={notice} done={done} verslag={detail.onderzoek !== null} /> : <Text>Nog geen aanvraag.</Text>}
      <Aanvulverzoek detail={detail} writer={writer} onDone={() => void done(null)} />
      <Verdaging detail={detail} writer={writer} onDone={() => void done(null)} />
    </StepSection>
  );
}

function AanvraagForm({ meldingId, notice, done, verslag }: { meldingId: number; notice: string | null; done: StepProps['done']; verslag: boolean }) {
  const { user } = useSession();
  const empty: In = { meldingId, ontvangenOp: todayIso(), omschrijving: '' };
  const form = useForm<In, unknown, z.output<typeof AanvraagInputSchema>>({ resolver: zodResolver(AanvraagInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'aanvraag', meldingId));
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('aanvraag.create', v);
    if (r.ok) { draft.clear(); await done('Aanvraag vastgelegd.', 'indicaties'); } else showError(form, r.error);
  });
  return (
    <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} noValidate aria-label="Aanvraag">
      <FormStatus form={form} restored={draft.restored} />
      {!verslag && <Text size="sm" mb="sm">Het gespreksverslag is nog niet vastgelegd. Een aanvraag kan wel al binnenkomen; de beslistermijn loopt vanaf de ontvangstdatum.</Text>}
      <Stack maw={760}>
        {/* The request first: the date is today unless the form came in earlier. */}
        <Textarea label="Wat vraagt de cliënt aan?" required autoFocus autosize minRows={2} {...form.register('omschrijving')} error={errorAt(e, 'omschrijving')} />
        <FormDateField control={form.control} name="ontvangenOp" label="Aanvraag ontvangen op" required maw={240} />
      </Stack>
      <ActionBar notice={notice} hint={CTRL_ENTER_HINT}>
        <Button type="submit" loading={form.formState.isSubmitting}>Aanvraag vastleggen</Button>
      </ActionBar>
    </form>
  );
}
