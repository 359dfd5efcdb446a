import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { IndicatieInputSchema, LEVERINGSVORMEN, type MeldingDetail } from '../../../../shared/schemas/zaak';
import { todayIso } from '../../../../shared/today';
import { call, showError } from '../../api';
import { EENHEID_OPTIONS, FREQUENTIE_OPTIONS, productcategorieFilter, productcategorieOptions } from '../../codes';
import { draftKey, useDraft } from '../../drafts';
import { fmtDate, fmtEuro } from '../../format';
import { navigate } from '../../route';
import { useSession } from '../../session';
import { errorAt, FormStatus } from '../../ui';
import { FormDateField } from '../../DateField';
import { AanbiederSelect } from '../../Keuzelijst';
import { ActionBar, CTRL_ENTER_HINT, submitOnCtrlEnter } from './ActionBar';
import { StepSection, type StepProps } from './StepSection';
import { stepHref } from './steps';

/** The voorzieningen of the aanvraag: a list, and a form for one more. */
export function IndicatiesStep({ detail, writer, notice, done }: StepProps) {
  const a = detail.aanvraag;
  return (
    <StepSection id="indicaties" title="Indicaties (voorzieningen)">
      {a === null ? (
        <Text>Leg eerst de <a href={stepHref(detail.melding.id, 'aanvraag')}>aanvraag</a> vast; de indicaties horen bij de aanvraag.</Text>
      ) : (
        <>
          <Text size="sm" mb="sm">Aanvraag ontvangen op {fmtDate(a.ontvangenOp)}: {a.omschrijving}</Text>
          <IndicatieList detail={detail} />
          {writer && <IndicatieForm detail={detail} aanvraagId={a.id} notice={notice} done={done} />}
        </>
      )}
    </StepSection>
  );
}

function IndicatieList({ detail }: { detail: MeldingDetail }) {
  if (detail.indicaties.length === 0) return <Text mb="sm">Nog geen indicaties.</Text>;
  return (
    <Table mb="md">
      <Table.Thead><Table.Tr><Table.Th scope="col">Voorziening</Table.Th><Table.Th scope="col">Omvang / budget</Table.Th><Table.Th scope="col">Vorm</Table.Th><Table.Th scope="col">Aanbieder</Table.Th><Table.Th scope="col">Periode</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {detail.indicaties.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{i.productcategorieLabel}{i.productcode ? ` (${i.productcode})` : ''}</Table.Td>
            <Table.Td>{i.omvangTekst ?? ''}{i.budgetCents ? ` ${fmtEuro(i.budgetCents)}` : ''}</Table.Td>
            <Table.Td>{i.leveringsvorm}</Table.Td>
            <Table.Td>{i.aanbiederNaam ?? ''} {i.aanbiederAgb ? `AGB ${i.aanbiederAgb}` : ''}</Table.Td>
            <Table.Td>{fmtDate(i.ingangsdatum)} – {fmtDate(i.einddatum)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type IndicatieIn = z.input<typeof IndicatieInputSchema>;

function IndicatieForm({ detail, aanvraagId, notice, done }: { detail: MeldingDetail; aanvraagId: number; notice: string | null; done: StepProps['done'] }) {
  const { user } = useSession();
  const wet = detail.melding.wet;
  const empty: IndicatieIn = {
    aanvraagId, productcategorie: '', productcode: '', omvang: { volume: 1, eenheid: '04', frequentie: '2' }, budgetCents: null,
    leveringsvorm: 'ZIN', aanbiederAgb: '', aanbiederNaam: '', ingangsdatum: todayIso(), einddatum: null, motivering: '',
  };
  const form = useForm<IndicatieIn, unknown, z.output<typeof IndicatieInputSchema>>({ resolver: zodResolver(IndicatieInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'indicatie', aanvraagId));
  const e = form.formState.errors;
  const omvang = form.watch('omvang');
  const pgb = form.watch('leveringsvorm') === 'PGB';
  const verder = useRef<HTMLAnchorElement>(null);
  const count = detail.indicaties.length;
  const [focusVerder, setFocusVerder] = useState(false);
  // After a save the next thing is usually the beschikking: its button gets the focus (Enter goes on;
  // Shift+Tab goes back into the form for another voorziening).
  useEffect(() => {
    if (focusVerder && verder.current) { verder.current.focus(); setFocusVerder(false); }
  }, [focusVerder, count]);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('indicatie.create', v);
    if (!r.ok) { showError(form, r.error); return; }
    draft.clear();
    form.reset(empty);
    await done(`Indicatie ${r.value.productcategorieLabel} opgeslagen.`);
    setFocusVerder(true);
  });
  return (
    <Card withBorder component="form" onSubmit={submit} onKeyDown={submitOnCtrlEnter} noValidate aria-label="Nieuwe indicatie" pb={0} style={{ overflow: 'visible' }}>
      <Title order={3} size="h4" mb="sm">{count === 0 ? 'Nieuwe indicatie' : 'Nog een indicatie'}</Title>
      <FormStatus form={form} restored={draft.restored} onDiscard={() => { draft.clear(); form.reset(empty); }} />
      <Stack>
        {/* What, how and how much; then who delivers it and when; then why. */}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="productcategorie" render={({ field }) => (
            <Select label="Productcategorie" required searchable selectFirstOptionOnChange openOnFocus={false} autoFocus={count === 0} placeholder="Typ wat de cliënt nodig heeft, bijv. douchen of traplift"
              data={productcategorieOptions(wet)} filter={productcategorieFilter(wet)} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} ref={field.ref}
              nothingFoundMessage="Geen categorie gevonden" error={errorAt(e, 'productcategorie')}
              // Opens when typing (the step starts here, the list would cover the form); the list itself
              // scrolls (no wrapper around it), so it is the combobox's popup the arrow keys move through.
              withScrollArea={false} styles={{ options: { maxHeight: 260, overflowY: 'auto' } }} />
          )} />
          <Controller control={form.control} name="leveringsvorm" render={({ field }) => (
            <Radio.Group label="Leveringsvorm" required value={field.value} onChange={field.onChange} error={errorAt(e, 'leveringsvorm')}>
              <Group mt={4}>
                {LEVERINGSVORMEN.map((l) => <Radio key={l} value={l} label={l === 'ZIN' ? 'Zorg in natura (ZIN)' : 'Persoonsgebonden budget (PGB)'} />)}
              </Group>
            </Radio.Group>
          )} />
        </SimpleGrid>
        <Checkbox label="Omvang opgeven (volume, eenheid, frequentie)" checked={omvang !== null}
          onChange={(ev) => form.setValue('omvang', ev.currentTarget.checked ? { volume: 1, eenheid: '04', frequentie: '2' } : null, { shouldDirty: true })} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {omvang !== null && (
            <>
              <Controller control={form.control} name="omvang.volume" render={({ field }) => (
                <NumberInput label="Volume" required min={1} allowDecimal={false} value={field.value ?? ''} ref={field.ref} onBlur={field.onBlur}
                  onChange={(v) => field.onChange(v === '' ? undefined : Number(v))} error={errorAt(e, 'omvang.volume')} />
              )} />
              <NativeSelect label="Eenheid" data={EENHEID_OPTIONS} {...form.register('omvang.eenheid')} error={errorAt(e, 'omvang.eenheid')} />
              <NativeSelect label="Frequentie" data={FREQUENTIE_OPTIONS} {...form.register('omvang.frequentie')} error={errorAt(e, 'omvang.frequentie')} />
            </>
          )}
          {/* A budget goes with a pgb or stands in for the omvang (a financiële tegemoetkoming). */}
          {(omvang === null || pgb || form.getValues('budgetCents') != null) && (
            <Controller control={form.control} name="budgetCents" render={({ field }) => (
              <NumberInput label="Budget in euro's" description="Bij een pgb of een vast bedrag"
                prefix="€ " decimalSeparator="," thousandSeparator="." decimalScale={2} min={0} ref={field.ref} onBlur={field.onBlur}
                value={field.value == null ? '' : field.value / 100}
                onChange={(v) => field.onChange(v === '' || v == null ? null : Math.round(Number(v) * 100))} error={errorAt(e, 'budgetCents')} />
            )} />
          )}
        </SimpleGrid>
        {pgb && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label="Soort hulp (pgb)" required data={[{ value: '', label: 'Kies' }, { value: 'formeel', label: 'Formele hulp (professional)' }, { value: 'informeel', label: 'Informele hulp (eigen netwerk)' }]}
              {...form.register('pgbZorgverlener', { setValueAs: (v) => v || null })} error={errorAt(e, 'pgbZorgverlener')} />
            <Controller control={form.control} name="pgbTariefCents" render={({ field }) => (
              <NumberInput label="Tarief per uur uit de verordening" required prefix="€ " decimalSeparator="," decimalScale={2} min={0} ref={field.ref} onBlur={field.onBlur}
                value={field.value == null ? '' : field.value / 100}
                onChange={(v) => field.onChange(v === '' || v == null ? null : Math.round(Number(v) * 100))} error={errorAt(e, 'pgbTariefCents')} />
            )} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller control={form.control} name="aanbiederAgb" render={({ field }) => (
            <AanbiederSelect value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} ref={field.ref} error={errorAt(e, 'aanbiederAgb')} />
          )} />
          <TextInput label="Productcode" description="Volgens het contract, hoogstens 5 tekens" {...form.register('productcode')} error={errorAt(e, 'productcode')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
          <FormDateField control={form.control} name="ingangsdatum" label="Ingangsdatum" required />
          <FormDateField control={form.control} name="einddatum" label="Einddatum" />
        </SimpleGrid>
        <Textarea label="Motivering" required autosize minRows={3} {...form.register('motivering')} error={errorAt(e, 'motivering')} />
      </Stack>
      <ActionBar notice={notice} hint={CTRL_ENTER_HINT}>
        <Button type="submit" loading={form.formState.isSubmitting}>Indicatie opslaan</Button>
        {count > 0 && (
          <Button ref={verder} component="a" variant="light" href={stepHref(detail.melding.id, 'beschikking')}
            onClick={(ev) => { ev.preventDefault(); navigate(`/melding/${detail.melding.id}/beschikking`); }}>
            Verder naar de beschikking
          </Button>
        )}
      </ActionBar>
    </Card>
  );
}
