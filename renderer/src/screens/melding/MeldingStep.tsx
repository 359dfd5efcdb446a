import { Anchor, Card, Text } from '@mantine/core';
import { WET_LABELS } from '../../../../shared/schemas/zaak';
import { fmtDate } from '../../format';
import { mayCall } from '../../../../shared/ipc/access';
import { useSession } from '../../session';
import { KANAAL_LABELS } from '../labels';
import { MeldingLetters } from '../MeldingLetters';
import { StepSection, type StepProps } from './StepSection';
import { Termijnen } from './Termijnen';

/** The melding itself: who, what was asked, the letters that confirm it, and the legal clocks. */
export function MeldingStep({ detail, writer, done }: StepProps) {
  const { user } = useSession();
  const m = detail.melding;
  return (
    <StepSection id="melding" title="Melding">
      <Text mb="md">
        Cliënt: <Anchor href={`#/client/${m.clientId}`}>{m.clientNaam}</Anchor> · {WET_LABELS[m.wet]} · {fmtDate(m.datum)} · {KANAAL_LABELS[m.kanaal] ?? m.kanaal} · Consulent {m.consulentNaam}
      </Text>
      {mayCall(user.roles, 'letter.melding') && (
        <MeldingLetters meldingId={m.id} kenmerk={m.kenmerk} heeftVerslag={detail.onderzoek !== null} onSent={() => void done(null)} />
      )}
      <Card withBorder mb="md"><Text fw={600}>Hulpvraag</Text><Text style={{ whiteSpace: 'pre-wrap' }}>{m.hulpvraag}</Text></Card>
      <Text size="sm" mb="md">
        Persoonlijk plan: {m.persoonlijkPlanOntvangenOp ? `ontvangen op ${fmtDate(m.persoonlijkPlanOntvangenOp)}` : `de cliënt kan het inleveren tot en met ${fmtDate(m.persoonlijkPlanUiterlijk)} (Wmo 2015 art. 2.3.2 lid 2)`}.
        {' '}Cliëntondersteuning {m.clientondersteuningAangeboden ? 'is aangeboden' : 'is nog niet aangeboden'}.
      </Text>
      <h3 style={{ fontSize: 17, margin: '16px 0 8px' }}>Termijnen</h3>
      <Termijnen termijnen={detail.termijnen} writer={writer} onChanged={() => void done(null)} />
    </StepSection>
  );
}
