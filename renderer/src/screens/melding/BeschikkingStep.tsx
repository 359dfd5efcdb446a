import { Alert, Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { BESCHIKKING_SOORTEN, BeschikkingInputSchema, type Beschikking, type MeldingDetail } from '../../../../shared/schemas/zaak';
import { call, showError } from '../../api';
import { draftKey, useDraft } from '../../drafts';
import { fmtDate, fmtDateTime } from '../../format';
import { useSession } from '../../session';
import { errorAt, FormStatus } from '../../ui';
import { FormDateField } from '../../DateField';
import { SOORT_LABELS, STATUS_LABELS } from '../labels';
import { LetterPreview } from '../LetterPreview';
import { ReprintButton } from '../Reprint';
import { ActionBar, submitOnCtrlEnter } from './ActionBar';
import { Ambtshalve } from './Ambtshalve';
import { StepSection, type StepProps } from './StepSection';
import { Voornemen } from './Voornemen';
import { stepHref } from './steps';

/** The decisions of this melding: read-only cards for those submitted, a form for the concept. */
export function BeschikkingStep({ detail, writer, notice, done }: StepProps) {
  if (detail.aanvraag === null) {
    return (
      <StepSection id="beschikking" title="Beschikking">
        <Text>Leg eerst de <a href={stepHref(detail.melding.id, 'aanvraag')}>aanvraag</a> vast; een beschikking beslist op de aanvraag.</Text>
      </StepSection>
    );
  }
  return (
    <StepSection id="beschikking" title="Beschikking">
      <Beschikkingen detail={detail} writer={writer} notice={notice} done={done} />
      <Voornemen detail={detail} writer={writer} onDone={() => void done(null)} />
    </StepSection>
  );
}

function Beschikkingen({ detail, writer, notice, done }: Pick<StepProps, 'detail' | 'writer' | 'notice' | 'done'>) {
  const onChanged = () => void done(null);
  const concept = detail.beschikkingen.find((b) => b.status === 'concept') ?? null;
  const others = detail.beschikkingen.filter((b) => b !== concept);
  const [nieuw, setNieuw] = useState(false);
  const [msg, setMsg] = useState<{ id: number; text: string } | null>(null);
  // After "ter accordering aanbieden" the card with its status takes the form's place, and gets focus.
  useEffect(() => {
    if (msg) document.getElementById(`beschikking-${msg.id}`)?.focus();
  }, [msg, detail]);
  const showForm = writer && (concept !== null || nieuw || detail.beschikkingen.length === 0);
  return (
    <Stack>
      {others.map((b) => (
        <Card withBorder key={b.id} id={`beschikking-${b.id}`} tabIndex={-1} component="article" aria-label={`Beschikking ${b.kenmerk}`}>
          {msg?.id === b.id && <Alert color="green" role="status" mb="sm">{msg.text}</Alert>}
          <Group justify="space-between"><Text fw={600}>{b.kenmerk} · {SOORT_LABELS[b.soort]}</Text><Badge>{STATUS_LABELS[b.status]}</Badge></Group>
          <Text size="sm">{b.besluitTekst}</Text>
          {b.indicaties.map((i) => <Text key={i.id} size="sm">Voorziening: {i.productcategorieLabel}{i.omvangTekst ? `, ${i.omvangTekst}` : ''} ({i.leveringsvorm})</Text>)}
          <Text size="sm">Opgesteld door {b.auteur}</Text>
          {b.accordeur && <Text size="sm">Vastgesteld door {b.accordeur} op {fmtDate(b.vastgesteldOp)}</Text>}
          {b.verzondenOp && <Text size="sm">Verzonden op {fmtDate(b.verzondenOp)}</Text>}
          {b.letterId !== null && <Group mt="xs"><ReprintButton letterId={b.letterId} kenmerk={b.kenmerk} /></Group>}
        </Card>
      ))}
      {showForm && (
        <BeschikkingForm key={concept?.id ?? `nieuw-${detail.indicaties.length}`} detail={detail} concept={concept} notice={notice}
          onCreated={(text) => void done(text)}
          onSubmitted={(b) => {
            setNieuw(false);
            setMsg({ id: b.id, text: `Beschikking ${b.kenmerk} ligt nu ter accordering bij een besluitbevoegde. U krijgt bericht als zij is vastgesteld of teruggestuurd.` });
            onChanged();
          }} />
      )}
      {writer && !showForm && (
        <div>
          <Button variant="outline" onClick={() => setNieuw(true)}>Nog een beschikking maken (wijziging, beëindiging of ander besluit)</Button>
        </div>
      )}
    </Stack>
  );
}

type BeschikkingIn = z.input<typeof BeschikkingInputSchema>;

/** `onCreated`: the first save makes the concept (this form is then drawn again for it, so the page keeps the message). */
function BeschikkingForm({ detail, concept, notice, onCreated, onSubmitted }: {
  detail: MeldingDetail; concept: Beschikking | null; notice: string | null; onCreated: (text: string) => void; onSubmitted: (b: Beschikking) => void;
}) {
  const { user } = useSession();
  const aanvraagId = detail.aanvraag!.id;
  const empty: BeschikkingIn = concept ? {
    aanvraagId, soort: concept.soort, indicatieIds: concept.indicaties.map((i) => i.id), besluitTekst: concept.besluitTekst,
    motivering: concept.motivering, wettelijkeGrondslag: concept.wettelijkeGrondslag, vervangtId: concept.vervangtId,
    perDatum: concept.perDatum, nietToegekend: concept.nietToegekend,
  } : {
    // Only voorzieningen no earlier beschikking decided on: one open decision per voorziening.
    aanvraagId, soort: 'toekenning', indicatieIds: detail.indicaties.filter((i) => !detail.beschikkingen.some((b) => b.indicaties.some((x) => x.id === i.id))).map((i) => i.id),
    besluitTekst: '', motivering: '',
    // Each law its own ground (issue 14): a Jeugdwet decision never starts from a Wmo article.
    wettelijkeGrondslag: [detail.melding.wet === 'jeugdwet' ? 'artikel 2.3 Jeugdwet' : detail.melding.wet === 'participatiewet' ? 'Participatiewet' : 'artikel 2.3.5 Wet maatschappelijke ondersteuning 2015'],
    vervangtId: null, perDatum: null, nietToegekend: [],
  };
  const form = useForm<BeschikkingIn, unknown, z.output<typeof BeschikkingInputSchema>>({ resolver: zodResolver(BeschikkingInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'beschikking', concept?.id ?? `aanvraag-${aanvraagId}`));
  const [version, setVersion] = useState(0);
  const wide = useMediaQuery('(min-width: 1600px)') ?? false;
  const [msg, setMsg] = useState<string | null>(null);
  const e = form.formState.errors;
  // A wijziging or beëindiging changes an earlier, vastgestelde beschikking; a beëindiging ends its voorzieningen.
  const soort = form.watch('soort');
  const vervangtId = form.watch('vervangtId');
  const changesEarlier = soort === 'wijziging' || soort === 'beeindiging';
  const earlier = detail.beschikkingen.filter((b) => b.status === 'vastgesteld' || b.status === 'verzonden');
  const choosable = soort === 'beeindiging' ? earlier.find((b) => b.id === Number(vervangtId))?.indicaties ?? [] : detail.indicaties;
  const save = async (v: z.output<typeof BeschikkingInputSchema>) => {
    const r = concept ? await call('beschikking.update', { ...v, id: concept.id }) : await call('beschikking.create', v);
    if (!r.ok) { showError(form, r.error); return null; }
    draft.clear();
    setVersion((x) => x + 1);
    return r.value;
  };
  const submitSave = form.handleSubmit(async (v) => {
    const b = await save(v);
    if (!b) return;
    const text = `Concept ${b.kenmerk} opgeslagen; het voorbeeld van de brief is bijgewerkt.`;
    if (concept) setMsg(text); else onCreated(text);
  });
  const submitForApproval = form.handleSubmit(async (v) => {
    const b = await save(v);
    if (!b) return;
    const r = await call('beschikking.submit', { id: b.id });
    if (r.ok) { setMsg(null); onSubmitted(r.value); } else showError(form, r.error);
  });
  const formEl = (
    <form onSubmit={submitSave} onKeyDown={submitOnCtrlEnter} noValidate aria-label="Concept-beschikking">
      <Title order={3} size="h4" mb="sm">{concept ? `Concept ${concept.kenmerk}` : 'Nieuwe beschikking'}</Title>
      {concept?.terugzending && (
        <Alert color="orange" title={`Teruggestuurd door ${concept.terugzending.door} op ${fmtDateTime(concept.terugzending.op)}`} mb="sm" role="note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{concept.terugzending.reden}</Text>
        </Alert>
      )}
      <FormStatus form={form} restored={draft.restored} />
      <Stack>
        <NativeSelect label="Soort besluit" required maw={320} data={BESCHIKKING_SOORTEN.map((s) => ({ value: s, label: SOORT_LABELS[s] }))} {...form.register('soort')} error={errorAt(e, 'soort')} />
        {changesEarlier && (
          <Group align="flex-start">
            <NativeSelect label="Verandert besluit" required maw={360}
              data={[{ value: '', label: 'Kies het eerdere besluit' }, ...earlier.map((b) => ({ value: String(b.id), label: `${b.kenmerk} (${SOORT_LABELS[b.soort]})` }))]}
              {...form.register('vervangtId', { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) })} error={errorAt(e, 'vervangtId')} />
            <FormDateField control={form.control} name="perDatum" label={soort === 'beeindiging' ? 'Stopt per' : 'Gaat in per'} required={soort === 'beeindiging'} emptyValue={null} />
          </Group>
        )}
        <Ambtshalve form={form} detail={detail} concept={concept} />
        <Controller control={form.control} name="indicatieIds" render={({ field }) => (
          <Checkbox.Group label="Voorzieningen in dit besluit" value={(field.value ?? []).map(String)} onChange={(v) => field.onChange(v.map(Number))} error={errorAt(e, 'indicatieIds')}>
            <Stack gap={4} mt={4}>
              {choosable.length === 0 && <Text size="sm">{soort === 'beeindiging' ? 'Kies eerst het besluit dat u beëindigt.' : 'Nog geen indicaties.'}</Text>}
              {choosable.map((i) => <Checkbox key={i.id} value={String(i.id)} label={`${i.productcategorieLabel}${i.omvangTekst ? `, ${i.omvangTekst}` : ''} (${i.leveringsvorm})`} />)}
            </Stack>
          </Checkbox.Group>
        )} />
        <Textarea label="Besluit" description="In één of twee zinnen" required autoFocus={!concept && detail.indicaties.length > 0} autosize minRows={2} {...form.register('besluitTekst')} error={errorAt(e, 'besluitTekst')} />
        <Textarea label="Motivering" description="Feiten uit het onderzoek en de regels (Awb 3:46)" required autosize minRows={4} {...form.register('motivering')} error={errorAt(e, 'motivering')} />
        {soort === 'gedeeltelijke_toekenning' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Wat wordt niet toegekend?" required {...form.register('nietToegekend.0.wat')} error={errorAt(e, 'nietToegekend.0.wat') ?? errorAt(e, 'nietToegekend')} />
            <Textarea label="Waarom niet?" required autosize minRows={1} {...form.register('nietToegekend.0.waarom')} error={errorAt(e, 'nietToegekend.0.waarom')} />
          </SimpleGrid>
        )}
        <Controller control={form.control} name="wettelijkeGrondslag" render={({ field }) => (
          <Textarea label="Wettelijke grondslag" description="Eén wetsartikel per regel" required autosize minRows={2} ref={field.ref} onBlur={field.onBlur}
            value={(field.value ?? []).join('\n')} onChange={(ev) => field.onChange(ev.currentTarget.value.split('\n'))}
            error={errorAt(e, 'wettelijkeGrondslag')} />
        )} />
      </Stack>
      <ActionBar notice={msg ?? notice} hint="Ctrl+Enter in een tekstvak slaat het concept op">
        <Button onClick={() => void submitForApproval()} loading={form.formState.isSubmitting}>Ter accordering aanbieden</Button>
        <Button type="submit" variant="outline">Concept opslaan</Button>
      </ActionBar>
    </form>
  );
  const preview = concept
    ? <LetterPreview beschikkingId={concept.id} version={version} />
    : <Text size="sm" c="gray.7">Het voorbeeld van de brief (met CONCEPT erop) verschijnt zodra het concept is opgeslagen.</Text>;
  // On wide screens the live letter stands beside the form; narrower, below it.
  return (
    <Card withBorder style={{ overflow: 'visible' }} pb={0}>
      {wide ? (
        <div className="melding-wide">
          {formEl}
          <div className="melding-wide-preview">{preview}</div>
        </div>
      ) : (
        <>
          {formEl}
          {concept && <div style={{ margin: '16px 0' }}>{preview}</div>}
        </>
      )}
    </Card>
  );
}
