import { Checkbox, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { REDEN_EINDE_LABELS, REDENEN_EINDE, type Beschikking, type BeschikkingInputSchema, type MeldingDetail } from '../../../../shared/schemas/zaak';
import { useLoad } from '../../api';
import { fmtDate } from '../../format';
import { errorAt } from '../../ui';

/**
 * In the beschikking form, for a wijziging or beëindiging: why the support ends (the
 * RedenWijziging the aanbieder gets), and whether we decide ambtshalve, without an aanvraag: then
 * the reason (aanleiding) and the voornemen the client could react to (Awb 4:8).
 */

type Form = UseFormReturn<z.input<typeof BeschikkingInputSchema>, unknown, z.output<typeof BeschikkingInputSchema>>;

export function Ambtshalve({ form, detail, concept }: { form: Form; detail: MeldingDetail; concept: Beschikking | null }) {
  const soort = form.watch('soort');
  const lijst = useLoad('voornemen.list', { meldingId: detail.melding.id });
  const [ambtshalve, setAmbtshalve] = useState(Boolean(concept?.ambtshalveAanleiding));
  // A concept keeps what it had: the form's own defaults do not carry these fields.
  useEffect(() => {
    if (!concept) return;
    form.setValue('ambtshalveAanleiding', concept.ambtshalveAanleiding);
    form.setValue('voornemenId', concept.voornemenId);
    form.setValue('redenEinde', concept.redenEinde);
  }, [concept?.id]);
  if (soort !== 'wijziging' && soort !== 'beeindiging') return null;
  const e = form.formState.errors;
  const kies = (aan: boolean) => {
    setAmbtshalve(aan);
    if (!aan) { form.setValue('ambtshalveAanleiding', null, { shouldDirty: true }); form.setValue('voornemenId', null, { shouldDirty: true }); }
  };
  return (
    <Stack gap="xs">
      {soort === 'beeindiging' && (
        <NativeSelect label="Waarom stopt de ondersteuning?" required maw={480}
          data={[{ value: '', label: 'Kies de reden' }, ...REDENEN_EINDE.map((r) => ({ value: r, label: REDEN_EINDE_LABELS[r] }))]}
          {...form.register('redenEinde', { setValueAs: (v) => v || null })} error={errorAt(e, 'redenEinde')} />
      )}
      <Checkbox label="Ambtshalve: de gemeente besluit zelf, zonder aanvraag van de cliënt" checked={ambtshalve} onChange={(ev) => kies(ev.currentTarget.checked)} />
      {ambtshalve && (
        <>
          <Textarea label="Aanleiding" description="Waarom besluit de gemeente dit zelf? Staat in de brief" required autosize minRows={2}
            {...form.register('ambtshalveAanleiding')} error={errorAt(e, 'ambtshalveAanleiding')} />
          <NativeSelect label="Voornemen waarop de cliënt kon reageren" required maw={560}
            data={[{ value: '', label: (lijst.data?.voornemens.length ?? 0) === 0 ? 'Nog geen voornemen verstuurd' : 'Kies het voornemen' },
              ...(lijst.data?.voornemens ?? []).map((v) => ({ value: String(v.id), label: `${v.beschikkingKenmerk}, ${fmtDate(v.verzondenOp)}: ${v.zienswijze ? 'zienswijze ontvangen' : `reageren tot en met ${fmtDate(v.zienswijzeUiterlijk)}`}` }))]}
            {...form.register('voornemenId', { setValueAs: (v) => (v === '' || v == null ? null : Number(v)) })} error={errorAt(e, 'voornemenId')} />
        </>
      )}
    </Stack>
  );
}
