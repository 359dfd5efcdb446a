import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, usePdfUrl } from '../api';
import { PdfPages } from './PdfPages';

/** The letter as the client will get it: beschikking.preview drawn by PDF.js (PdfPages). */
export function LetterPreview({ beschikkingId, version = 0, title = 'Voorbeeld van de brief' }: { beschikkingId: number; version?: number; title?: string }) {
  const [b64, setB64] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setBusy(true);
    void call('beschikking.preview', { id: beschikkingId }).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.ok) {
        setB64(r.value.pdfBase64);
        setError(null);
      } else setError(r.error.message);
    });
    return () => { live = false; };
  }, [beschikkingId, version, tick]);
  const url = usePdfUrl(b64);
  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setTick((x) => x + 1)} loading={busy}>Voorbeeld vernieuwen</Button>
          {url && <Button size="xs" variant="subtle" component="a" href={url} download={`voorbeeld-beschikking-${beschikkingId}.pdf`}>PDF opslaan</Button>}
        </Group>
      </Group>
      {error && <Alert color="red" role="alert">{error}</Alert>}
      {b64 && <PdfPages pdfBase64={b64} title={title} testId="letter-preview" />}
    </div>
  );
}
