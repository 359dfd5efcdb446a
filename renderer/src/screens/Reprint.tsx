import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { call } from '../api';
import { downloadPdf } from '../download';

/** "Opnieuw afdrukken": the stored letter, byte for byte, as it was sent. */
export function ReprintButton({ letterId, kenmerk, label = 'Brief opnieuw afdrukken' }: { letterId: number; kenmerk: string | null; label?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" loading={busy} aria-label={`${label}${kenmerk ? ` (${kenmerk})` : ''}`} onClick={async () => {
        setBusy(true);
        const r = await call('letter.get', { id: letterId });
        setBusy(false);
        if (!r.ok) { setError(r.error.message); return; }
        setError(null);
        downloadPdf(r.value.pdfBase64, `herdruk-${kenmerk ?? letterId}-${r.value.sha256.slice(0, 8)}.pdf`);
      }}>{label}</Button>
      {error && <Alert color="red" role="alert" mt="xs">{error}</Alert>}
    </>
  );
}
