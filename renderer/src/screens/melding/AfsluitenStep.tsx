import { Alert, List } from '@mantine/core';
import { STATUS_LABELS } from '../labels';
import { ZaakAfsluiten } from '../beheer/ZaakAfsluiten';
import { StepSection, type StepProps } from './StepSection';

/** Closing the case (irreversible): what is still open is named before the confirmation. */
export function AfsluitenStep({ detail, writer, done }: StepProps) {
  const m = detail.melding;
  const lopend = detail.beschikkingen.filter((b) => b.status === 'concept' || b.status === 'ter_accordering');
  const termijnen = detail.termijnen.filter((t) => !t.afgerondOp);
  return (
    <StepSection id="afsluiten" title="Afsluiten van de zaak">
      {m.status === 'open' && (lopend.length > 0 || termijnen.length > 0) && (
        <Alert color="yellow" role="note" mb="sm" title="Nog niet alles is afgerond">
          <List size="sm">
            {lopend.map((b) => <List.Item key={b.id}>Beschikking {b.kenmerk} is {STATUS_LABELS[b.status].toLowerCase()}.</List.Item>)}
            {termijnen.map((t) => <List.Item key={t.id}>De {t.soort === 'onderzoek' ? 'onderzoekstermijn' : 'beslistermijn'} loopt nog.</List.Item>)}
          </List>
        </Alert>
      )}
      {writer || m.status !== 'open'
        ? <ZaakAfsluiten meldingId={m.id} wet={m.wet} onClosed={() => void done(null)} />
        : null}
    </StepSection>
  );
}
