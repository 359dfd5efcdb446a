import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { LEGAL_CHANNELS, VoornemenInputSchema, type Voornemen as VoornemenRij } from '../../../../shared/ipc/legal-channels';
import type { MeldingDetail } from '../../../../shared/schemas/zaak';
import { todayIso } from '../../../../shared/today';
import { call, showError, useLoad } from '../../api';
import { downloadPdf } from '../../download';
import { fmtDate } from '../../format';
import { errorAt, FormStatus } from '../../ui';
import { FormDateField } from '../../DateField';

/**
 * Before an ambtshalve beëindiging, herziening or terugvordering: the voornemen letter with a
 * zienswijze term (Awb 4:8), and the client's reaction recorded. The decision that follows names
 * the voornemen (see Ambtshalve.tsx).
 */

const SOORT: Record<VoornemenRij['soort'], string> = { beeindiging: 'Beëindiging', herziening: 'Herziening', terugvordering: 'Terugvordering' };
type In = z.input<typeof VoornemenInputSchema>;

export function Voornemen({ detail, writer, onDone }: { detail: MeldingDetail; writer: boolean; onDone: () => void }) {
  const lijst = useLoad('voornemen.list', writer ? { meldingId: detail.melding.id } : null);
  const genomen = detail.beschikkingen.filter((b) => b.status === 'vastgesteld' || b.status === 'verzonden');
  const [open, setOpen] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  if (!writer || genomen.length === 0) return null;
  const voornemens = lijst.data?.voornemens ?? [];
  return (
    <section aria-labelledby="voornemen-title" style={{ marginBottom: 24 }}>
      <h3 id="voornemen-title" style={{ fontSize: 17, margin: '12px 0 6px' }}>Voornemen en zienswijze (Awb 4:8)</h3>
      {msg && <Alert color="green" role="status" mb="sm">{msg}</Alert>}
      {voornemens.length > 0 && (
        <Table mb="sm">
          <Table.Thead><Table.Tr><Table.Th scope="col">Besluit</Table.Th><Table.Th scope="col">Voornemen</Table.Th><Table.Th scope="col">Verstuurd</Table.Th><Table.Th scope="col">Zienswijze</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {voornemens.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.beschikkingKenmerk}</Table.Td>
                <Table.Td>{SOORT[v.soort]}{v.perDatum ? ` per ${fmtDate(v.perDatum)}` : ''}: {v.wat}</Table.Td>
                <Table.Td>{fmtDate(v.verzondenOp)}</Table.Td>
                <Table.Td>
                  {v.zienswijze ? <>Ontvangen {fmtDate(v.zienswijzeOp)}: {v.zienswijze}</> : <>Reageren kan tot en met {fmtDate(v.zienswijzeUiterlijk)}
                    <Zienswijze voornemen={v} onSaved={() => { setMsg('De zienswijze is vastgelegd.'); void lijst.reload(); onDone(); }} /></>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open
        ? <VoornemenForm genomen={genomen} kenmerk={detail.melding.kenmerk} onCancel={() => setOpen(false)}
          onSent={(uiterlijk) => { setOpen(false); setMsg(`Het voornemen is gemaakt en bewaard; print de PDF. De cliënt kan reageren tot en met ${fmtDate(uiterlijk)}.`); void lijst.reload(); onDone(); }} />
        : <Button variant="outline" size="xs" onClick={() => { setMsg(null); setOpen(true); }}>Voornemen sturen (beëindigen, herzien of terugvorderen)</Button>}
    </section>
  );
}

function VoornemenForm({ genomen, kenmerk, onSent, onCancel }: {
  genomen: MeldingDetail['beschikkingen']; kenmerk: string; onSent: (zienswijzeUiterlijk: string) => void; onCancel: () => void;
}) {
  const form = useForm<In, unknown, z.output<typeof VoornemenInputSchema>>({
    resolver: zodResolver(VoornemenInputSchema),
    defaultValues: { beschikkingId: genomen[genomen.length - 1]!.id, soort: 'beeindiging', wat: '', reden: '', perDatum: null, zienswijzeUiterlijk: '' },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('voornemen.send', v);
    if (!r.ok) { showError(form, r.error); return; }
    downloadPdf(r.value.pdfBase64, `voornemen-${kenmerk}.pdf`);
    onSent(v.zienswijzeUiterlijk);
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Voornemen sturen">
      <Title order={4} size="h5" mb="xs">Voornemen sturen</Title>
      <Text size="sm" mb="xs">Dit is nog geen besluit: de cliënt kan eerst reageren (zienswijze). Het besluit volgt na de reactie of na de termijn.</Text>
      <FormStatus form={form} />
      <Stack>
        <SimpleGrid cols={2}>
          <NativeSelect label="Over besluit" required data={genomen.map((b) => ({ value: String(b.id), label: b.kenmerk }))}
            {...form.register('beschikkingId', { setValueAs: (x) => Number(x) })} error={errorAt(e, 'beschikkingId')} />
          <NativeSelect label="Wat bent u van plan?" required data={Object.entries(SOORT).map(([value, label]) => ({ value, label }))} {...form.register('soort')} error={errorAt(e, 'soort')} />
          <FormDateField control={form.control} name="perDatum" label="Per datum" />
          <FormDateField control={form.control} name="zienswijzeUiterlijk" label="Reageren kan tot en met" description="DD-MM-JJJJ; een redelijke termijn, meestal twee weken" required />
        </SimpleGrid>
        <Textarea label="Wat wij van plan zijn" required autosize minRows={2} {...form.register('wat')} error={errorAt(e, 'wat')} />
        <Textarea label="Waarom" description="De feiten waarop de cliënt moet kunnen reageren" required autosize minRows={3} {...form.register('reden')} error={errorAt(e, 'reden')} />
        <Group><Button type="submit" loading={form.formState.isSubmitting}>Voornemen maken</Button><Button variant="subtle" onClick={onCancel}>Annuleren</Button></Group>
      </Stack>
    </Card>
  );
}

const ZienswijzeSchema = LEGAL_CHANNELS['voornemen.zienswijze'].input;

function Zienswijze({ voornemen, onSaved }: { voornemen: VoornemenRij; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<typeof ZienswijzeSchema>, unknown, z.output<typeof ZienswijzeSchema>>({
    resolver: zodResolver(ZienswijzeSchema), defaultValues: { voornemenId: voornemen.id, ontvangenOp: todayIso(), zienswijze: '' },
  });
  const e = form.formState.errors;
  if (!open) return <div><Button size="compact-xs" variant="light" mt={4} onClick={() => setOpen(true)}>Zienswijze vastleggen ({voornemen.beschikkingKenmerk})</Button></div>;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('voornemen.zienswijze', v);
    if (r.ok) { setOpen(false); onSaved(); } else showError(form, r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Zienswijze bij ${voornemen.beschikkingKenmerk}`}>
      <FormStatus form={form} />
      <Stack gap="xs" mt={4}>
        <FormDateField control={form.control} name="ontvangenOp" label="Ontvangen op" required />
        <Textarea label="Reactie van de cliënt" required autosize minRows={2} {...form.register('zienswijze')} error={errorAt(e, 'zienswijze')} />
        <Group gap="xs"><Button type="submit" size="xs">Zienswijze opslaan</Button><Button size="xs" variant="subtle" onClick={() => setOpen(false)}>Annuleren</Button></Group>
      </Stack>
    </form>
  );
}
