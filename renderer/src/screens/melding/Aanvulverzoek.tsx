import { Alert, Button, Card, Group, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { LEGAL_CHANNELS } from '../../../../shared/ipc/legal-channels';
import type { MeldingDetail } from '../../../../shared/schemas/zaak';
import { call, showError } from '../../api';
import { downloadPdf } from '../../download';
import { fmtDate } from '../../format';
import { errorAt, FormStatus } from '../../ui';
import { FormDateField } from '../../DateField';

/**
 * Request to complete the aanvraag with a hersteltermijn (Awb 4:5): the beslistermijn stands
 * still from today until the aanvulling comes in (4:15); the letter names what is missing and
 * the last day.
 */

/** The lines of a textarea that say something. */
const regels = (v: string) => v.split('\n').map((r) => r.trim()).filter(Boolean);

const Schema = LEGAL_CHANNELS['letter.aanvulverzoek'].input;
type In = z.input<typeof Schema>;

export function Aanvulverzoek({ detail, writer, onDone }: { detail: MeldingDetail; writer: boolean; onDone: () => void }) {
  const t = detail.termijnen.find((x) => x.soort === 'beschikking');
  const [msg, setMsg] = useState<string | null>(null);
  const [tekst, setTekst] = useState('');
  const form = useForm<In, unknown, z.output<typeof Schema>>({
    resolver: zodResolver(Schema), defaultValues: { meldingId: detail.melding.id, ontbreekt: [], hersteltermijnEinde: '' },
  });
  // After the request the term stands still and the form goes; the confirmation stays.
  if (!writer || !detail.aanvraag || !t || t.afgerondOp || t.opgeschort) return msg ? <Alert color="green" role="status" mb="md">{msg}</Alert> : null;
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    const r = await call('letter.aanvulverzoek', v);
    if (!r.ok) { setMsg(null); showError(form, r.error); return; }
    setTekst('');
    downloadPdf(r.value.pdfBase64, `aanvulverzoek-${detail.melding.kenmerk}.pdf`);
    setMsg(`Het verzoek om aanvulling is gemaakt en bewaard; print de PDF. De beslistermijn staat stil tot de aanvulling binnen is (uiterlijk ${fmtDate(v.hersteltermijnEinde)}).`);
    onDone();
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Aanvraag laten aanvullen (Awb 4:5)" mb="md">
      <Title order={3} size="h5" mb="xs">Aanvraag laten aanvullen (Awb 4:5)</Title>
      <Text size="sm" mb="xs">De beslistermijn staat stil vanaf vandaag tot de aanvulling binnen is (Awb 4:15).</Text>
      {msg && <Alert color="green" role="status" mb="sm">{msg}</Alert>}
      <FormStatus form={form} />
      <Group align="flex-start">
        <Controller control={form.control} name="ontbreekt" render={({ field }) => (
          <Textarea style={{ flex: 1 }} label="Wat ontbreekt er?" description="Eén stuk per regel; staat zo in de brief" required autosize minRows={2}
            ref={field.ref} onBlur={field.onBlur} value={tekst}
            onChange={(ev) => { setTekst(ev.currentTarget.value); field.onChange(regels(ev.currentTarget.value)); }} error={errorAt(e, 'ontbreekt')} />
        )} />
        <FormDateField control={form.control} name="hersteltermijnEinde" label="Hersteltermijn tot en met" required />
      </Group>
      <Group mt="sm"><Button type="submit" loading={form.formState.isSubmitting}>Verzoek om aanvulling maken</Button></Group>
    </Card>
  );
}
