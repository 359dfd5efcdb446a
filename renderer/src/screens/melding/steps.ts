import type { MeldingDetail } from '../../../../shared/schemas/zaak';

/** The steps of a melding, in the order the law and the desk take them. */
export const STEPS = ['melding', 'verslag', 'aanvraag', 'indicaties', 'beschikking', 'afsluiten'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  melding: 'Melding',
  verslag: 'Gespreksverslag',
  aanvraag: 'Aanvraag',
  indicaties: 'Indicaties',
  beschikking: 'Beschikking',
  afsluiten: 'Afsluiten',
};

export function isStep(s: string | undefined): s is Step {
  return (STEPS as readonly string[]).includes(s ?? '');
}

/** Whether a step's work is done (the melding itself always is). */
export function stepDone(d: MeldingDetail, s: Step): boolean {
  switch (s) {
    case 'melding': return true;
    case 'verslag': return d.onderzoek !== null;
    case 'aanvraag': return d.aanvraag !== null;
    case 'indicaties': return d.indicaties.length > 0;
    case 'beschikking': return d.beschikkingen.some((b) => b.status !== 'concept');
    case 'afsluiten': return d.melding.status !== 'open';
  }
}

/** Where the case stands: a concept beschikking first, else the first step not yet done. */
export function currentStep(d: MeldingDetail): Step {
  if (d.melding.status !== 'open') return 'melding';
  if (d.beschikkingen.some((b) => b.status === 'concept')) return 'beschikking';
  return (['verslag', 'aanvraag', 'indicaties', 'beschikking'] as const).find((s) => !stepDone(d, s)) ?? 'beschikking';
}

export const stepHref = (meldingId: number, s: Step) => `#/melding/${meldingId}/${s}`;
