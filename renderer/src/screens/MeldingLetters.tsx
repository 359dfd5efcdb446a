import { Alert, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api';
import { ConfirmButton } from '../confirm';
import { downloadPdf } from '../download';

/** The ontvangstbevestiging (Wmo 2.3.2 lid 1) and the written gespreksverslag: made, stored as sent, saved for printing. */
export function MeldingLetters({ meldingId, kenmerk, heeftVerslag, onSent }: { meldingId: number; kenmerk: string; heeftVerslag: boolean; onSent: () => void }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (soort: 'ontvangstbevestiging' | 'gespreksverslag') => {
    const r = await call('letter.melding', { meldingId, soort });
    if (!r.ok) { setMsg({ ok: false, text: r.error.message }); return; }
    downloadPdf(r.value.pdfBase64, `${soort}-${kenmerk}.pdf`);
    setMsg({ ok: true, text: `${soort === 'ontvangstbevestiging' ? 'De ontvangstbevestiging' : 'Het gespreksverslag'} is gemaakt en bewaard; print de PDF en stuur hem naar de cliënt. Opnieuw afdrukken kan vanaf de cliëntpagina.` });
    onSent();
  };
  return (
    <section aria-label="Brieven bij deze melding" style={{ marginBottom: 16 }}>
      <Group gap="sm">
        <Text size="sm" fw={600}>Brieven:</Text>
        <ConfirmButton buttonProps={{ size: 'xs', variant: 'light' }} confirmLabel="Ja, maken en bewaren" onConfirm={() => send('ontvangstbevestiging')}
          question="De ontvangstbevestiging wordt gemaakt en als verzonden bewaard. Print de PDF die daarna opent.">
          Ontvangstbevestiging maken
        </ConfirmButton>
        <ConfirmButton buttonProps={{ size: 'xs', variant: 'light' }} disabled={!heeftVerslag} confirmLabel="Ja, maken en bewaren" onConfirm={() => send('gespreksverslag')}
          question="Het gespreksverslag wordt als brief gemaakt en als verzonden bewaard (de verzenddatum wordt vandaag). Print de PDF die daarna opent.">
          Gespreksverslag als brief
        </ConfirmButton>
      </Group>
      {msg && <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'} mt="xs">{msg.text}</Alert>}
    </section>
  );
}
