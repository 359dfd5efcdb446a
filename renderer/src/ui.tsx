import { Alert, Badge, Button, Group, Pagination, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { get, type FieldErrors, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useT } from './i18n';
import type { Termijn } from '../../shared/schemas/zaak';
import { fmtDate } from './format';

/** The first error message at `name` or anywhere below it (arrays, nested objects). */
export function errorAt(errors: FieldErrors, name: string): string | undefined {
  const e = get(errors, name) as unknown;
  return firstMessage(e);
}

function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const m = (e as { message?: unknown }).message;
  if (typeof m === 'string' && m) return m;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'ref' || k === 'type') continue;
    const inner = firstMessage(v);
    if (inner) return inner;
  }
  return undefined;
}

/** Top-of-form messages: a restored draft, and errors that name no field on this form. */
export function FormStatus<T extends FieldValues, R>({ form, restored, onDiscard, success }: {
  form: UseFormReturn<T, unknown, R>;
  restored?: boolean;
  onDiscard?: () => void;
  success?: string | null;
}) {
  const { t } = useT();
  const root = (form.formState.errors as { root?: { server?: { message?: string } } }).root?.server?.message;
  return (
    <>
      {restored && (
        <Alert color="blue" title={t('draftRestored')} mb="sm">
          <Group justify="space-between">
            <span>{t('draftNote')}</span>
            {onDiscard && <Button variant="subtle" size="xs" onClick={onDiscard}>{t('draftDiscard')}</Button>}
          </Group>
        </Alert>
      )}
      {root && <Alert color="red" role="alert" title="Niet gelukt" mb="sm">{root}</Alert>}
      {success && <Alert color="green" role="status" mb="sm">{success}</Alert>}
    </>
  );
}

export function LoadError({ error }: { error: { message: string } | null }) {
  if (!error) return null;
  return <Alert color="red" role="alert" title="Niet gelukt" mb="sm">{error.message}</Alert>;
}

const TERMIJN_COLOR: Record<Termijn['status'], string> = {
  op_tijd: '#1e6b30', deze_week: '#9a4300', verlopen: '#b01c1c', afgerond: '#495057', opgeschort: '#1c4f8a',
};
const TERMIJN_ICON: Record<Termijn['status'], string> = {
  op_tijd: '●', deze_week: '▲', verlopen: '■', afgerond: '✓', opgeschort: '⏸',
};

/** A deadline as a traffic light that also says in words (and shape) what it means. */
export function TermijnBadge({ termijn }: { termijn: Termijn | null }) {
  const { t } = useT();
  if (!termijn) return <Badge color="dark" variant="outline">{t('noDeadline')}</Badge>;
  return <DeadlineBadge naam={termijn.soort === 'onderzoek' ? 'Onderzoek' : 'Beschikking'} status={termijn.status} uiterlijk={termijn.uiterlijk} />;
}

/** The same traffic light for any named term (e.g. the retour and antwoord terms of a 315). */
export function DeadlineBadge({ naam, status, uiterlijk }: { naam: string; status: Termijn['status']; uiterlijk: string | null }) {
  const { t } = useT();
  const label = t(`status_${status}`);
  // Names the term it is about, and wraps instead of being cut off (narrow columns, 200% zoom).
  return (
    <Badge color={TERMIJN_COLOR[status]} variant="filled" data-status={status} tt="none"
      styles={{ root: { height: 'auto', paddingBlock: 2, maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      <span aria-hidden="true">{TERMIJN_ICON[status]} </span>
      {naam}: {label.toLowerCase()}{uiterlijk && status !== 'afgerond' ? ` · ${fmtDate(uiterlijk)}` : ''}
    </Badge>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-title` : undefined} style={{ marginBottom: 24 }}>
      <h2 id={id ? `${id}-title` : undefined} style={{ fontSize: 20, margin: '16px 0 8px', scrollMarginTop: 150 }}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A wide table scrolls sideways in its own box (reachable by keyboard), so at 200% zoom the page
 * itself keeps the window's width (WCAG 1.4.10).
 */
export function WideTable({ label, children }: { label: string; children: ReactNode }) {
  return <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>{children}</div>;
}

const PAGE_CONTROL = { previous: 'Vorige pagina', next: 'Volgende pagina', first: 'Eerste pagina', last: 'Laatste pagina' } as const;

/** Paging for a list the router pages: every control named in Dutch, the current page marked. */
export function Pager({ total, value, onChange, mt }: { total: number; value: number; onChange: (page: number) => void; mt?: MantineSpacing }) {
  return (
    <Pagination total={total} value={value} onChange={onChange} mt={mt} aria-label="Pagina's"
      getControlProps={(control) => ({ 'aria-label': PAGE_CONTROL[control] })}
      getItemProps={(p) => ({ 'aria-label': `Pagina ${p}`, 'aria-current': p === value ? 'page' : undefined })} />
  );
}
