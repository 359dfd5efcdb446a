import { Alert, Button, Card, Group, NumberInput, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TermijnVerlengSchema, type MeldingDetail } from '../../../../shared/schemas/zaak';
import { call, showError } from '../../api';
import { downloadPdf } from '../../download';
import { fmtDate } from '../../format';
import { errorAt, FormStatus } from '../../ui';

/**
 * Verdaging of the beslistermijn (Awb 4:14): the term is extended with a reason, and the letter
 * that tells the client (old and new last day, the reason) is made and stored in one go. Only
 * while the term still runs: the router refuses it after expiry (the term stays overdue).
 */

type In = z.input<typeof TermijnVerlengSchema>;

export function Verdaging({ detail, writer, onDone }: { detail: MeldingDetail; writer: boolean; onDone: () => void }) {
  const t = detail.termijnen.find((x) => x.soort === 'beschikking');
  const [msg, setMsg] = useState<string | null>(null);
  const form = useForm<In, unknown, z.output<typeof TermijnVerlengSchema>>({
    resolver: zodResolver(TermijnVerlengSchema), defaultValues: { termijnId: t?.id ?? 0, dagen: 14, reden: '', grond: 'awb' },
  });
  if (!writer || !t || t.afgerondOp || !t.awbBeslistermijn) return null;
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (v) => {
    // One call: the verdaging and its letter in one transaction (a failed letter leaves the term as it was).
    const brief = await call('letter.verdaging', { termijnId: t.id, dagen: v.dagen, reden: v.reden });
    if (!brief.ok) { setMsg(null); showError(form, brief.error); return; }
    downloadPdf(brief.value.pdfBase64, `verdaging-${detail.melding.kenmerk}.pdf`);
    form.reset({ termijnId: t.id, dagen: 14, reden: '', grond: 'awb' });
    setMsg(`De beslistermijn is verdaagd met ${v.dagen} dagen. De verdagingsbrief is gemaakt en bewaard; print de PDF en stuur hem vóór ${fmtDate(t.uiterlijk)} naar de cliënt.`);
    onDone();
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Beslistermijn verdagen (Awb 4:14)" mb="md">
      <Title order={3} size="h5" mb="xs">Beslistermijn verdagen (Awb 4:14)</Title>
      <Text size="sm" mb="xs">
        Lukt het besluit niet op tijd, laat de cliënt dat dan weten vóór de termijn afloopt{t.uiterlijk ? ` (${fmtDate(t.uiterlijk)})` : ''}, met een nieuwe redelijke termijn en de reden.
      </Text>
      {msg && <Alert color="green" role="status" mb="sm">{msg}</Alert>}
      <FormStatus form={form} />
      <Group align="flex-start">
        <Controller control={form.control} name="dagen" render={({ field }) => (
          <NumberInput label="Verdagen met (dagen)" required min={1} max={56} clampBehavior="none" allowDecimal={false} value={field.value as number} ref={field.ref} onBlur={field.onBlur}
            onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))} error={errorAt(e, 'dagen')} />
        )} />
        <Textarea style={{ flex: 1 }} label="Reden van de verdaging" description="Staat in de brief aan de cliënt" required autosize minRows={2}
          {...form.register('reden')} error={errorAt(e, 'reden')} />
      </Group>
      <Group mt="sm"><Button type="submit" loading={form.formState.isSubmitting}>Verdagen en brief maken</Button></Group>
    </Card>
  );
}
