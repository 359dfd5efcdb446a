import { Alert, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { ZAAK_RESULTAAT_LABELS, ZAAK_RESULTATEN, type ZaakResultaat } from '../../../../shared/schemas/beheer';
import { call, useLoad } from '../../api';
import { fmtDate } from '../../format';
import { todayIso } from '../../../../shared/today';
import { ConfirmButton } from '../../confirm';
import { DateField } from '../../DateField';

/**
 * Closing a case with its resultaat (consulent, besluitbevoegd): shows the Selectielijst 2020
 * class and archiefactiedatum it gets. Mount on the melding page: <ZaakAfsluiten meldingId={id} wet={wet} onClosed={reload} />.
 */
export function ZaakAfsluiten({ meldingId, wet, onClosed }: { meldingId: number; wet: string; onClosed?: () => void }) {
  const { data, reload } = useLoad('zaak.archief', { meldingId });
  const [resultaat, setResultaat] = useState<ZaakResultaat | null>(null);
  const [afsluitdatum, setAfsluitdatum] = useState(todayIso());
  const [brondatum, setBrondatum] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (data?.archief) {
    const a = data.archief;
    return (
      <Alert color="gray" title="Zaak afgesloten" mb="sm">
        {ZAAK_RESULTAAT_LABELS[a.resultaat]} op {fmtDate(a.afsluitdatum)} · Selectielijst {a.selectielijst.volledigNummer} ({a.selectielijst.naam}
        {a.selectielijst.omschrijving ? `, ${a.selectielijst.omschrijving}` : ''}) · bewaren tot {fmtDate(a.archiefactiedatum)}
      </Alert>
    );
  }
  const submit = async () => {
    if (!resultaat) { setError('Kies het resultaat van de zaak.'); return; }
    const r = await call('zaak.afsluiten', { meldingId, resultaat, afsluitdatum, ...(brondatum ? { brondatum } : {}) });
    if (!r.ok) { setError(r.error.message); return; }
    setError(null);
    void reload();
    onClosed?.();
  };
  return (
    <section aria-label="Zaak afsluiten">
      <Group align="flex-end" mb="xs">
        <Select label="Resultaat" placeholder="Kies" value={resultaat} onChange={(v) => setResultaat(v as ZaakResultaat | null)}
          data={ZAAK_RESULTATEN.map((r) => ({ value: r, label: ZAAK_RESULTAAT_LABELS[r] }))} w={200} />
        <DateField label="Afsluitdatum" required value={afsluitdatum} onChange={(v) => setAfsluitdatum(v ?? '')} w={180} />
        {wet === 'participatiewet' && resultaat === 'verstrekt' && (
          <DateField label="Einde voorziening" value={brondatum} onChange={(v) => setBrondatum(v ?? '')} w={180} />
        )}
        <ConfirmButton color="red" confirmLabel="Ja, zaak afsluiten" onConfirm={submit}
          question={resultaat
            ? `De zaak wordt afgesloten met resultaat '${ZAAK_RESULTAAT_LABELS[resultaat]}' per ${fmtDate(afsluitdatum)}. Daarna kan niemand de zaak nog wijzigen; dit is niet terug te draaien.`
            : 'Kies eerst het resultaat van de zaak.'}>
          Zaak afsluiten
        </ConfirmButton>
      </Group>
      <Text size="xs" c="dimmed">Na afsluiten kan de zaak niet meer worden gewijzigd; de bewaartermijn volgt uit de Selectielijst gemeenten 2020.</Text>
      {error && <Alert color="red" role="alert" mt="xs">{error}</Alert>}
    </section>
  );
}
