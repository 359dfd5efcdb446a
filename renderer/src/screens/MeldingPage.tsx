import { Alert, Anchor, Badge, Group, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { WET_LABELS } from '../../../shared/schemas/zaak';
import { useLoad } from '../api';
import { fmtDate } from '../format';
import { navigate } from '../route';
import { mayCall } from '../../../shared/ipc/access';
import { useSession } from '../session';
import { LoadError, TermijnBadge } from '../ui';
import { AanvraagStep } from './melding/AanvraagStep';
import { AfsluitenStep } from './melding/AfsluitenStep';
import { BeschikkingStep } from './melding/BeschikkingStep';
import { IndicatiesStep } from './melding/IndicatiesStep';
import { MeldingStep } from './melding/MeldingStep';
import type { StepProps } from './melding/StepSection';
import { currentStep, isStep, STEP_LABELS, stepDone, stepHref, STEPS, type Step } from './melding/steps';
import { VerslagStep } from './melding/VerslagStep';

const STEP_COMPONENTS: Record<Step, ComponentType<StepProps>> = {
  melding: MeldingStep, verslag: VerslagStep, aanvraag: AanvraagStep, indicaties: IndicatiesStep,
  beschikking: BeschikkingStep, afsluiten: AfsluitenStep,
};

/**
 * A melding as its steps (melding → verslag → aanvraag → indicaties → beschikking → afsluiten), one
 * step at a time: `#/melding/12/aanvraag`, or `#/melding/12` for the step where the case stands.
 */
export function MeldingPage({ id, stap }: { id: number; stap?: string }) {
  const { user } = useSession();
  const { data, error, reload } = useLoad('melding.get', { id });
  const writer = mayCall(user.roles, 'onderzoek.save');
  const andere = useLoad('client.timeline', data && mayCall(user.roles, 'client.timeline') ? { id: data.melding.clientId } : null);
  const [notice, setNotice] = useState<{ step: Step; text: string } | null>(null);
  // Without a step in the address, the step where the case stood when the page opened (it does not
  // jump on by itself while the user works in it).
  const landed = useRef<Step | null>(null);
  if (landed.current === null && data) landed.current = currentStep(data);
  const step: Step | null = isStep(stap) ? stap : landed.current;
  const done = useCallback(async (text: string | null, next?: Step) => {
    await reload();
    setNotice(text && step ? { step: next ?? step, text } : null);
    if (next) navigate(`/melding/${id}/${next}`);
  }, [reload, step, id]);

  // A step opened by the user: to the top, and the focus into it (its first field took it already
  // if the step has one to fill in; otherwise its heading), so the keyboard starts where the work is.
  const shown = useRef<Step | null>(null);
  useEffect(() => {
    if (!step || !data) return;
    const first = shown.current === null;
    if (shown.current === step) return;
    shown.current = step;
    if (first) return;
    // A confirmation belongs to the step it was given in.
    setNotice((n) => (n && n.step !== step ? null : n));
    const section = document.querySelector(`[data-step="${step}"]`);
    if (section && !section.contains(document.activeElement)) document.getElementById(`${step}-title`)?.focus();
    window.scrollTo({ top: 0 });
  }, [step, data]);

  if (!data || !step) return <LoadError error={error} />;
  const m = data.melding;
  const Current = STEP_COMPONENTS[step];
  const open = data.termijnen.filter((t) => !t.afgerondOp);
  const tweede = andere.data?.meldingen.filter((x) => x.status === 'open' && x.id !== m.id) ?? [];
  return (
    <>
      <LoadError error={error} />
      {/* The melding's status and its steps stay in view while the page scrolls. */}
      <div className="melding-header">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={1} size="h2">Melding {m.kenmerk} · {m.clientNaam}</Title>
          <Group gap="xs" wrap="wrap">
            {open.map((t) => <TermijnBadge key={t.id} termijn={t} />)}
            <Badge size="lg" color={m.status === 'open' ? 'indigo' : 'gray.7'}>{m.status}</Badge>
          </Group>
        </Group>
        <nav aria-label="Stappen van de melding">
          <ol className="melding-steps">
            {STEPS.map((s, i) => {
              const ready = stepDone(data, s);
              return (
                <li key={s}>
                  <a href={stepHref(m.id, s)} aria-current={s === step ? 'step' : undefined} data-done={ready}>
                    <span aria-hidden="true">{ready ? '✓ ' : `${i + 1}. `}</span>{STEP_LABELS[s]}
                    {!ready && <VisuallyHidden> (nog te doen)</VisuallyHidden>}
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>
      {tweede.length > 0 && (
        <Alert color="yellow" role="note" mb="sm" title={tweede.length === 1 ? 'Deze cliënt heeft nog een open melding' : `Deze cliënt heeft nog ${tweede.length} open meldingen`}>
          {tweede.map((x, i) => (
            <span key={x.id}>{i > 0 ? '; ' : ''}<Anchor href={`#/melding/${x.id}`}>{x.kenmerk}</Anchor> van {fmtDate(x.datum)} ({WET_LABELS[x.wet]})</span>
          ))}
          . Hoort deze hulpvraag daarbij, werk dan in één melding en sluit de andere af.
        </Alert>
      )}
      <Current detail={data} writer={writer} notice={notice?.step === step ? notice.text : null} done={done} />
    </>
  );
}
