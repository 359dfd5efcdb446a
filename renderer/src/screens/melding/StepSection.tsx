import type { ReactNode } from 'react';
import type { MeldingDetail } from '../../../../shared/schemas/zaak';
import type { Step } from './steps';

/** What every step gets from the melding page. */
export interface StepProps {
  detail: MeldingDetail;
  /** Consulent or besluitbevoegde: may change the case. */
  writer: boolean;
  /** The confirmation of the last action, shown in this step's action bar. */
  notice: string | null;
  /** After a save: reload the melding, show `notice` next to the buttons, and go on to `next`. */
  done: (notice: string | null, next?: Step) => Promise<void>;
}

/** One step as a labelled region; its heading takes the focus when a step opens without a field to fill. */
export function StepSection({ id, title, children }: { id: Step; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} data-step={id}>
      <h2 id={`${id}-title`} tabIndex={-1} style={{ fontSize: 20, margin: '12px 0 8px', scrollMarginTop: 150, outline: 'none' }}>{title}</h2>
      {children}
    </section>
  );
}
