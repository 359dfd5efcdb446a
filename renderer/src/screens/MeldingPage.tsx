import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  AanvraagInputSchema, BESCHIKKING_SOORTEN, BeschikkingInputSchema, IndicatieInputSchema, LEVERINGSVORMEN,
  OnderzoekInputSchema, TermijnHervatSchema, TermijnOpschortSchema, TermijnVerlengSchema, WET_LABELS,
  type Beschikking, type MeldingDetail, type Termijn,
} from '../../../shared/schemas/zaak';
import { wettelijkeTermijn } from '../../../shared/termijnen';
import { call, showError, useLoad } from '../api';
import { EENHEID_OPTIONS, FREQUENTIE_OPTIONS, productcategorieOptions } from '../codes';
import { draftKey, useDraft } from '../drafts';
import { fmtDate, fmtDateTime, fmtEuro } from '../format';
import { todayIso } from '../../../shared/today';
import { mayCall } from '../../../shared/ipc/access';
import { ReprintButton } from './Reprint';
import { MeldingLetters } from './MeldingLetters';
import { useSession } from '../session';
import { errorAt, FormStatus, LoadError, Section, TermijnBadge } from '../ui';
import { KANAAL_LABELS, SOORT_LABELS, STATUS_LABELS } from './labels';
import { LetterPreview } from './LetterPreview';
import { ZaakAfsluiten } from './beheer/ZaakAfsluiten';

export function MeldingPage({ id }: { id: number }) {
  const { user } = useSession();
  const { data, error, reload } = useLoad('melding.get', { id });
  const writer = mayCall(user.roles, 'onderzoek.save');
  if (!data) return <LoadError error={error} />;
  const m = data.melding;
  const refresh = () => void reload();
  return (
    <>
      <LoadError error={error} />
      {/* The melding's status and its steps stay in view while the page scrolls. */}
      <div style={{ position: 'sticky', top: 'var(--app-shell-header-height, 56px)', zIndex: 20, background: 'var(--mantine-color-body)', paddingBlock: 6, marginBottom: 6, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="wrap">
          <Title order={1} size="h2">Melding {m.kenmerk} · {m.clientNaam}</Title>
          <Badge size="lg" color={m.status === 'open' ? 'indigo' : 'gray.7'}>{m.status}</Badge>
        </Group>
        <nav aria-label="Stappen van de melding">
          <Group gap="md" wrap="wrap">
            {[
              ['termijnen', 'Termijnen', true],
              ['onderzoek', 'Gespreksverslag', data.onderzoek !== null],
              ['aanvraag', 'Aanvraag', data.aanvraag !== null],
              ['indicaties', 'Indicaties', data.indicaties.length > 0],
              ['beschikking', 'Beschikking', data.beschikkingen.some((b) => b.status !== 'concept')],
            ].map(([id, label, done]) => (
              <Anchor key={id as string} size="sm" href={`#/melding/${m.id}`} onClick={(e) => { e.preventDefault(); document.getElementById(`${id as string}-title`)?.scrollIntoView({ block: 'start' }); }}>
                <span aria-hidden="true">{done ? '✓ ' : '○ '}</span>{label as string}{done ? '' : ' (nog te doen)'}
              </Anchor>
            ))}
          </Group>
        </nav>
      </div>
      <Text mb="md">
        Cliënt: <Anchor href={`#/client/${m.clientId}`}>{m.clientNaam}</Anchor> · {WET_LABELS[m.wet]} · {fmtDate(m.datum)} · {KANAAL_LABELS[m.kanaal] ?? m.kanaal} · Consulent {m.consulentNaam}
      </Text>
      {mayCall(user.roles, 'letter.melding') && (
        <MeldingLetters meldingId={m.id} kenmerk={m.kenmerk} heeftVerslag={data.onderzoek !== null} onSent={refresh} />
      )}
      <Card withBorder mb="md"><Text fw={600}>Hulpvraag</Text><Text style={{ whiteSpace: 'pre-wrap' }}>{m.hulpvraag}</Text></Card>
      <Text size="sm" mb="md">
        Persoonlijk plan: {m.persoonlijkPlanOntvangenOp ? `ontvangen op ${fmtDate(m.persoonlijkPlanOntvangenOp)}` : `de cliënt kan het inleveren tot en met ${fmtDate(m.persoonlijkPlanUiterlijk)} (Wmo 2015 art. 2.3.2 lid 2)`}.
        {' '}Cliëntondersteuning {m.clientondersteuningAangeboden ? 'is aangeboden' : 'is nog niet aangeboden'}.
      </Text>

      <Section title="Termijnen" id="termijnen">
        <Termijnen termijnen={data.termijnen} writer={writer} onChanged={refresh} />
      </Section>
      <Section title="Gespreksverslag (onderzoek)" id="onderzoek">
        <OnderzoekForm detail={data} writer={writer} onSaved={refresh} />
      </Section>
      <Section title="Aanvraag" id="aanvraag">
        {data.aanvraag ? (
          <Text>Aanvraag ontvangen op {fmtDate(data.aanvraag.ontvangenOp)}: {data.aanvraag.omschrijving}</Text>
        ) : writer ? <AanvraagForm key={String(data.onderzoek !== null)} meldingId={m.id} onSaved={refresh} focus={data.onderzoek !== null} /> : <Text>Nog geen aanvraag.</Text>}
      </Section>
      {data.aanvraag && (
        <Section title="Indicaties (voorzieningen)" id="indicaties">
          <IndicatieList detail={data} />
          {writer && <IndicatieForm aanvraagId={data.aanvraag.id} wet={m.wet} onSaved={refresh} focus={data.indicaties.length === 0} />}
        </Section>
      )}
      {data.aanvraag && (
        <Section title="Beschikking" id="beschikking">
          <Beschikkingen detail={data} writer={writer} onChanged={refresh} />
        </Section>
      )}
      {m.status === 'open' && writer && (
        <div style={{ marginBottom: 24 }}>
          {/* ZaakAfsluiten is its own labelled region; the heading only shows where it starts. */}
          <h2 style={{ fontSize: 20, margin: '16px 0 8px' }}>Zaak afsluiten</h2>
          <ZaakAfsluiten meldingId={m.id} wet={m.wet} onClosed={refresh} />
        </div>
      )}
    </>
  );
}

/* ---------- termijnen ---------- */

function Termijnen({ termijnen, writer, onChanged }: { termijnen: Termijn[]; writer: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState<{ id: number; kind: 'verleng' | 'schortOp' | 'hervat' } | null>(null);
  if (termijnen.length === 0) return <Text>Geen termijnen.</Text>;
  return (
    <Stack>
      <Table>
        <Table.Thead><Table.Tr><Table.Th scope="col">Soort</Table.Th><Table.Th scope="col">Start</Table.Th><Table.Th scope="col">Uiterlijk</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">Verlengd / opgeschort</Table.Th><Table.Th scope="col">Acties</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {termijnen.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.soort === 'onderzoek' ? 'Onderzoek' : 'Beschikking'} ({wettelijkeTermijn(t.wet, t.soort).weken} weken)</Table.Td>
              <Table.Td>{fmtDate(t.startdatum)}</Table.Td>
              <Table.Td>{fmtDate(t.uiterlijk)}</Table.Td>
              <Table.Td><TermijnBadge termijn={t} /></Table.Td>
              <Table.Td>
                {t.verlengingen.map((v, i) => <div key={`v${i}`}>+{v.dagen} dagen: {v.reden}</div>)}
                {t.opschortingen.map((o, i) => <div key={`o${i}`}>Opgeschort {fmtDate(o.van)}–{fmtDate(o.tot)}: {o.reden}</div>)}
              </Table.Td>
              <Table.Td>
                {writer && !t.afgerondOp && (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="light" onClick={() => setOpen({ id: t.id, kind: 'verleng' })}>Verlengen</Button>
                    {t.opgeschort
                      ? <Button size="compact-xs" variant="light" onClick={() => setOpen({ id: t.id, kind: 'hervat' })}>Hervatten</Button>
                      : <Button size="compact-xs" variant="light" onClick={() => setOpen({ id: t.id, kind: 'schortOp' })}>Opschorten</Button>}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && <TermijnForm key={`${open.id}-${open.kind}`} {...open} onDone={() => { setOpen(null); onChanged(); }} onCancel={() => setOpen(null)} />}
    </Stack>
  );
}

function TermijnForm({ id, kind, onDone, onCancel }: { id: number; kind: 'verleng' | 'schortOp' | 'hervat'; onDone: () => void; onCancel: () => void }) {
  const { user } = useSession();
  const schema = kind === 'verleng' ? TermijnVerlengSchema : kind === 'schortOp' ? TermijnOpschortSchema : TermijnHervatSchema;
  const defaults = kind === 'verleng' ? { termijnId: id, dagen: 14, reden: '' } : kind === 'schortOp' ? { termijnId: id, van: todayIso(), reden: '' } : { termijnId: id, tot: todayIso() };
  // One form for three schemas: the resolver is the channel's own schema.
  const form = useForm<Record<string, unknown>>({ resolver: zodResolver(schema as typeof TermijnVerlengSchema) as never, defaultValues: defaults });
  const draft = useDraft(form, draftKey(user.username, `termijn-${kind}`, id));
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = kind === 'verleng' ? await call('termijn.verleng', v as z.input<typeof TermijnVerlengSchema>)
      : kind === 'schortOp' ? await call('termijn.schortOp', v as z.input<typeof TermijnOpschortSchema>)
        : await call('termijn.hervat', v as z.input<typeof TermijnHervatSchema>);
    if (r.ok) { draft.clear(); onDone(); } else showError(form, r.error);
  });
  const title = kind === 'verleng' ? 'Termijn verlengen (Awb 4:14)' : kind === 'schortOp' ? 'Termijn opschorten (Awb 4:15)' : 'Termijn hervatten';
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label={title}>
      <Title order={3} size="h5" mb="xs">{title}</Title>
      <FormStatus form={form} restored={draft.restored} />
      <Group align="flex-start">
        {kind === 'verleng' && (
          <Controller control={form.control} name="dagen" render={({ field }) => (
            <NumberInput label="Aantal dagen" min={1} max={56} value={field.value as number} onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))} onBlur={field.onBlur} ref={field.ref} error={errorAt(e, 'dagen')} />
          )} />
        )}
        {kind === 'schortOp' && <TextInput type="date" label="Opgeschort vanaf" {...form.register('van')} error={errorAt(e, 'van')} />}
        {kind === 'hervat' && <TextInput type="date" label="Hervat op" {...form.register('tot')} error={errorAt(e, 'tot')} />}
        {kind !== 'hervat' && <Textarea style={{ flex: 1 }} label="Reden (de cliënt krijgt die te horen)" autosize minRows={2} {...form.register('reden')} error={errorAt(e, 'reden')} />}
      </Group>
      <Group mt="sm"><Button type="submit">Vastleggen</Button><Button variant="subtle" onClick={onCancel}>Annuleren</Button></Group>
    </Card>
  );
}

/* ---------- onderzoek ---------- */

type OnderzoekIn = z.input<typeof OnderzoekInputSchema>;
const TOPICS: { name: keyof OnderzoekIn; label: string; description: string }[] = [
  { name: 'behoeften', label: 'a. Behoeften, persoonskenmerken en voorkeuren', description: 'Wmo 2015 art. 2.3.2 lid 4 onder a' },
  { name: 'eigenKracht', label: 'b. Eigen kracht en gebruikelijke hulp', description: 'onder b: wat kan de cliënt zelf, wat doen huisgenoten' },
  { name: 'netwerk', label: 'c. Mantelzorg en sociaal netwerk', description: 'onder c' },
  { name: 'mantelzorgOndersteuning', label: 'd. Ondersteuning van de mantelzorger', description: 'onder d' },
  { name: 'algemeneVoorzieningen', label: 'e. Algemene voorzieningen en voorliggende voorzieningen', description: 'onder e' },
  { name: 'benodigdeOndersteuning', label: 'Benodigde ondersteuning', description: 'Welke ondersteuning is nodig, en waarom' },
];

function OnderzoekForm({ detail, writer, onSaved }: { detail: MeldingDetail; writer: boolean; onSaved: () => void }) {
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
    if (r.ok) { draft.clear(); setSaved('Gespreksverslag opgeslagen.'); onSaved(); } else { setSaved(null); showError(form, r.error); }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Gespreksverslag">
      <FormStatus form={form} restored={draft.restored} success={saved} />
      <fieldset disabled={!writer} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack maw={860}>
          <SimpleGrid cols={2}>
            <TextInput type="date" label="Datum van het gesprek" required {...form.register('datum')} error={errorAt(e, 'datum')} />
            <TextInput label="Aanwezigen" required autoFocus={writer && o === null} {...form.register('aanwezigen')} error={errorAt(e, 'aanwezigen')} />
          </SimpleGrid>
          {TOPICS.map((tp) => (
            <Textarea key={tp.name} label={tp.label} description={tp.description} required autosize minRows={3}
              {...form.register(tp.name)} error={errorAt(e, tp.name)} />
          ))}
          <Checkbox label="Het persoonsgebonden budget (pgb) is uitgelegd" {...form.register('pgbUitgelegd')} />
          <Checkbox label="De eigen bijdrage is uitgelegd" {...form.register('bijdrageUitgelegd')} />
          <Textarea label="Conclusies" required autosize minRows={3} {...form.register('conclusies')} error={errorAt(e, 'conclusies')} />
          <SimpleGrid cols={2}>
            <TextInput type="date" label="Verslag verzonden op" {...form.register('verslagVerzondenOp', { setValueAs: (v) => v || null })} error={errorAt(e, 'verslagVerzondenOp')} />
          </SimpleGrid>
          <Textarea label="Opmerkingen van de cliënt op het verslag" autosize minRows={2} {...form.register('opmerkingenClient')} error={errorAt(e, 'opmerkingenClient')} />
          {writer && <div><Button type="submit" loading={form.formState.isSubmitting}>Gespreksverslag opslaan</Button></div>}
        </Stack>
      </fieldset>
    </form>
  );
}

/* ---------- aanvraag ---------- */

/** `focus`: this is the melding's next step, so its first field gets the keyboard focus. */
function AanvraagForm({ meldingId, onSaved, focus }: { meldingId: number; onSaved: () => void; focus: boolean }) {
  const { user } = useSession();
  type In = z.input<typeof AanvraagInputSchema>;
  const empty: In = { meldingId, ontvangenOp: todayIso(), omschrijving: '' };
  const form = useForm<In, unknown, z.output<typeof AanvraagInputSchema>>({ resolver: zodResolver(AanvraagInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'aanvraag', meldingId));
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('aanvraag.create', v);
    if (r.ok) { draft.clear(); onSaved(); } else showError(form, r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Aanvraag">
      <FormStatus form={form} restored={draft.restored} />
      <Stack maw={760}>
        <TextInput type="date" label="Aanvraag ontvangen op" required maw={240} {...form.register('ontvangenOp')} error={errorAt(e, 'ontvangenOp')} />
        <Textarea label="Wat vraagt de cliënt aan?" required autoFocus={focus} autosize minRows={2} {...form.register('omschrijving')} error={errorAt(e, 'omschrijving')} />
        <div><Button type="submit">Aanvraag vastleggen</Button></div>
      </Stack>
    </form>
  );
}

/* ---------- indicaties ---------- */

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

function IndicatieForm({ aanvraagId, wet, onSaved, focus }: { aanvraagId: number; wet: MeldingDetail['melding']['wet']; onSaved: () => void; focus: boolean }) {
  const { user } = useSession();
  const empty: IndicatieIn = {
    aanvraagId, productcategorie: '', productcode: '', omvang: { volume: 1, eenheid: '04', frequentie: '2' }, budgetCents: null,
    leveringsvorm: 'ZIN', aanbiederAgb: '', aanbiederNaam: '', ingangsdatum: todayIso(), einddatum: null, motivering: '',
  };
  const form = useForm<IndicatieIn, unknown, z.output<typeof IndicatieInputSchema>>({ resolver: zodResolver(IndicatieInputSchema), defaultValues: empty });
  const draft = useDraft(form, draftKey(user.username, 'indicatie', aanvraagId));
  const e = form.formState.errors;
  const omvang = form.watch('omvang');
  const submit = form.handleSubmit(async (v) => {
    const r = await call('indicatie.create', v);
    if (r.ok) { draft.clear(); form.reset(empty); onSaved(); } else showError(form, r.error);
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Nieuwe indicatie">
      <Title order={3} size="h4" mb="sm">Nieuwe indicatie</Title>
      <FormStatus form={form} restored={draft.restored} onDiscard={() => { draft.clear(); form.reset(empty); }} />
      <Stack>
        <SimpleGrid cols={2}>
          <Controller control={form.control} name="productcategorie" render={({ field }) => (
            <Select label="Productcategorie" required searchable autoFocus={focus} placeholder="Typ om te zoeken, bijv. huishouden"
              data={productcategorieOptions(wet)} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} ref={field.ref}
              nothingFoundMessage="Geen categorie gevonden" error={errorAt(e, 'productcategorie')} />
          )} />
          <TextInput label="Productcode" description="Volgens het contract, hoogstens 5 tekens" {...form.register('productcode')} error={errorAt(e, 'productcode')} />
        </SimpleGrid>
        <Controller control={form.control} name="leveringsvorm" render={({ field }) => (
          <Radio.Group label="Leveringsvorm" required value={field.value} onChange={field.onChange} error={errorAt(e, 'leveringsvorm')}>
            <Group mt={4}>
              {LEVERINGSVORMEN.map((l) => <Radio key={l} value={l} label={l === 'ZIN' ? 'Zorg in natura (ZIN)' : 'Persoonsgebonden budget (PGB)'} />)}
            </Group>
          </Radio.Group>
        )} />
        <Checkbox label="Omvang opgeven (volume, eenheid, frequentie)" checked={omvang !== null}
          onChange={(ev) => form.setValue('omvang', ev.currentTarget.checked ? { volume: 1, eenheid: '04', frequentie: '2' } : null, { shouldDirty: true })} />
        {omvang !== null && (
          <SimpleGrid cols={3}>
            <Controller control={form.control} name="omvang.volume" render={({ field }) => (
              <NumberInput label="Volume" required min={1} allowDecimal={false} value={field.value ?? ''} ref={field.ref} onBlur={field.onBlur}
                onChange={(v) => field.onChange(v === '' ? undefined : Number(v))} error={errorAt(e, 'omvang.volume')} />
            )} />
            <NativeSelect label="Eenheid" data={EENHEID_OPTIONS} {...form.register('omvang.eenheid')} error={errorAt(e, 'omvang.eenheid')} />
            <NativeSelect label="Frequentie" data={FREQUENTIE_OPTIONS} {...form.register('omvang.frequentie')} error={errorAt(e, 'omvang.frequentie')} />
          </SimpleGrid>
        )}
        <Controller control={form.control} name="budgetCents" render={({ field }) => (
          <NumberInput label="Budget in euro's" description="Alleen bij een budget (bijv. PGB); wordt als centen opgeslagen"
            prefix="€ " decimalSeparator="," thousandSeparator="." decimalScale={2} min={0} ref={field.ref} onBlur={field.onBlur}
            value={field.value == null ? '' : field.value / 100}
            onChange={(v) => field.onChange(v === '' || v == null ? null : Math.round(Number(v) * 100))} error={errorAt(e, 'budgetCents')} />
        )} />
        {form.watch('leveringsvorm') === 'PGB' && (
          <SimpleGrid cols={2}>
            <NativeSelect label="Soort hulp (pgb)" required data={[{ value: '', label: 'Kies' }, { value: 'formeel', label: 'Formele hulp (professional)' }, { value: 'informeel', label: 'Informele hulp (eigen netwerk)' }]}
              {...form.register('pgbZorgverlener', { setValueAs: (v) => v || null })} error={errorAt(e, 'pgbZorgverlener')} />
            <Controller control={form.control} name="pgbTariefCents" render={({ field }) => (
              <NumberInput label="Tarief per uur uit de verordening" required prefix="€ " decimalSeparator="," decimalScale={2} min={0} ref={field.ref} onBlur={field.onBlur}
                value={field.value == null ? '' : field.value / 100}
                onChange={(v) => field.onChange(v === '' || v == null ? null : Math.round(Number(v) * 100))} error={errorAt(e, 'pgbTariefCents')} />
            )} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={2}>
          <TextInput label="AGB-code aanbieder" inputMode="numeric" {...form.register('aanbiederAgb')} error={errorAt(e, 'aanbiederAgb')} />
          <TextInput label="Naam aanbieder" {...form.register('aanbiederNaam')} error={errorAt(e, 'aanbiederNaam')} />
          <TextInput type="date" label="Ingangsdatum" required {...form.register('ingangsdatum')} error={errorAt(e, 'ingangsdatum')} />
          <TextInput type="date" label="Einddatum" {...form.register('einddatum', { setValueAs: (v) => v || null })} error={errorAt(e, 'einddatum')} />
        </SimpleGrid>
        <Textarea label="Motivering" required autosize minRows={3} {...form.register('motivering')} error={errorAt(e, 'motivering')} />
        <div><Button type="submit" loading={form.formState.isSubmitting}>Indicatie opslaan</Button></div>
      </Stack>
    </Card>
  );
}

/* ---------- beschikking ---------- */

function Beschikkingen({ detail, writer, onChanged }: { detail: MeldingDetail; writer: boolean; onChanged: () => void }) {
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
        <BeschikkingForm key={concept?.id ?? `nieuw-${detail.indicaties.length}`} detail={detail} concept={concept}
          onChanged={onChanged}
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

function BeschikkingForm({ detail, concept, onChanged, onSubmitted }: { detail: MeldingDetail; concept: Beschikking | null; onChanged: () => void; onSubmitted: (b: Beschikking) => void }) {
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
    if (b) { setMsg(`Concept ${b.kenmerk} opgeslagen.`); if (!concept) onChanged(); }
  });
  const submitForApproval = form.handleSubmit(async (v) => {
    const b = await save(v);
    if (!b) return;
    const r = await call('beschikking.submit', { id: b.id });
    if (r.ok) { setMsg(null); onSubmitted(r.value); } else showError(form, r.error);
  });
  return (
    <Card withBorder>
      {/* On wide screens the live letter stands beside the form; narrower, below it. */}
      <div style={wide && concept ? { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24, alignItems: 'start' } : undefined}>
      <form onSubmit={submitSave} noValidate aria-label="Concept-beschikking">
        <Title order={3} size="h4" mb="sm">{concept ? `Concept ${concept.kenmerk}` : 'Nieuwe beschikking'}</Title>
        {concept?.terugzending && (
          <Alert color="orange" title={`Teruggestuurd door ${concept.terugzending.door} op ${fmtDateTime(concept.terugzending.op)}`} mb="sm" role="note">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{concept.terugzending.reden}</Text>
          </Alert>
        )}
        <FormStatus form={form} restored={draft.restored} success={msg} />
        <Stack>
          <NativeSelect label="Soort besluit" required maw={320} data={BESCHIKKING_SOORTEN.map((s) => ({ value: s, label: SOORT_LABELS[s] }))} {...form.register('soort')} error={errorAt(e, 'soort')} />
          {changesEarlier && (
            <Group align="flex-start">
              <NativeSelect label="Verandert besluit" required maw={360}
                data={[{ value: '', label: 'Kies het eerdere besluit' }, ...earlier.map((b) => ({ value: String(b.id), label: `${b.kenmerk} (${SOORT_LABELS[b.soort]})` }))]}
                {...form.register('vervangtId', { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) })} error={errorAt(e, 'vervangtId')} />
              <TextInput type="date" label={soort === 'beeindiging' ? 'Stopt per' : 'Gaat in per'} required={soort === 'beeindiging'}
                {...form.register('perDatum', { setValueAs: (v) => v || null })} error={errorAt(e, 'perDatum')} />
            </Group>
          )}
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
            <SimpleGrid cols={2}>
              <TextInput label="Wat wordt niet toegekend?" required {...form.register('nietToegekend.0.wat')} error={errorAt(e, 'nietToegekend.0.wat') ?? errorAt(e, 'nietToegekend')} />
              <Textarea label="Waarom niet?" required autosize minRows={1} {...form.register('nietToegekend.0.waarom')} error={errorAt(e, 'nietToegekend.0.waarom')} />
            </SimpleGrid>
          )}
          <Controller control={form.control} name="wettelijkeGrondslag" render={({ field }) => (
            <Textarea label="Wettelijke grondslag" description="Eén wetsartikel per regel" required autosize minRows={2} ref={field.ref} onBlur={field.onBlur}
              value={(field.value ?? []).join('\n')} onChange={(ev) => field.onChange(ev.currentTarget.value.split('\n'))}
              error={errorAt(e, 'wettelijkeGrondslag')} />
          )} />
          <Group>
            <Button type="submit" variant="outline">Concept opslaan</Button>
            <Button onClick={() => void submitForApproval()}>Ter accordering aanbieden</Button>
          </Group>
        </Stack>
      </form>
      {concept && <div style={wide ? { position: 'sticky', top: 130 } : { marginTop: 16 }}><LetterPreview beschikkingId={concept.id} version={version} /></div>}
      </div>
    </Card>
  );
}
