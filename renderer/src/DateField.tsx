import '@mantine/dates/styles.css';
import 'dayjs/locale/nl';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useEffect, useId, useState } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { formatDutchDate, isIsoDate, parseDutchDate, partialDateProblem, typedDateProblem } from '../../shared/dates';
import { todayIso } from '../../shared/today';
import { errorAt } from './ui';

type Value = string | null | undefined;

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'error'> {
  label: string;
  /** ISO `YYYY-MM-DD` (or a BRP partial date with `partial`); null or '' when empty. */
  value: Value;
  /**
   * The ISO date when the text reads as one; the typed text itself when it does not (so the form
   * cannot be sent with an older value while the field shows something else); '' or null when empty.
   */
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  /** The form's error (the router's or the schema's); the field's own reading of the text comes first. */
  error?: string | undefined;
  /** BRP dates with unknown parts: "00-05-1960". */
  partial?: boolean;
  /** A birth date: a date after today is refused here, as the router does. */
  notInFuture?: boolean;
  /** What an empty field sends: '' for a required date (the schema then says it is missing), null for an optional one. */
  emptyValue?: '' | null;
}

const asText = (v: Value) => (v ? formatDutchDate(v) : '');

/**
 * The one date field: typed and shown as DD-MM-JJJJ ("1-2-2026", "01.02.2026" and "01022026" are read
 * too), sent to the router as ISO. The calendar (Mantine's DatePicker) sits behind a button of its own,
 * so typing is never interrupted by a popup and a keyboard user opens it only on purpose.
 */
export function DateField({ label, value, onChange, onBlur, error, partial, notInFuture, emptyValue, required, ...rest }: DateFieldProps) {
  const [text, setText] = useState(asText(value));
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const id = useId();
  const empty = emptyValue !== undefined ? emptyValue : required ? '' : null;
  // A value set from outside (draft restored, form reset, calendar) replaces the text; our own echo does not.
  useEffect(() => {
    const mine = text.trim() === '' ? empty : (parseDutchDate(text, { partial }) ?? text.trim());
    if ((value ?? empty) !== mine) setText(asText(value));
  }, [value]);
  const push = (t: string) => {
    setText(t);
    onChange(t.trim() === '' ? empty : (parseDutchDate(t, { partial }) ?? t.trim()));
  };
  const iso = parseDutchDate(text, { partial });
  const own = typedDateProblem(text, { partial })
    ?? (notInFuture && iso && partialDateProblem(iso, todayIso()) ? `Datum ${formatDutchDate(iso)} ligt in de toekomst. Controleer het jaar.` : null);
  const shown = (touched && own) || (error ? (own ?? (text.trim() === '' ? `Vul de ${label.toLowerCase()} in, bijvoorbeeld 01-02-2026.` : error)) : undefined);
  const today = todayIso();
  return (
    <TextInput
      label={label} required={required} inputMode="numeric" autoComplete="off" placeholder="DD-MM-JJJJ"
      description={rest.description ?? (partial ? 'DD-MM-JJJJ; een onbekende dag of maand als 00' : 'DD-MM-JJJJ')}
      {...rest}
      value={text}
      onChange={(e) => push(e.currentTarget.value)}
      id={rest.id ?? id}
      onBlur={() => { setTouched(true); if (iso) setText(formatDutchDate(iso)); onBlur?.(); }}
      // Alt+↓ opens the calendar, as on a combobox; the button itself is left out of the Tab order so
      // a keyboard intake costs no extra stops (typing the date is the quicker way anyway).
      onKeyDown={(e) => { if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }}
      error={shown || undefined}
      rightSectionPointerEvents="all"
      rightSection={(
        <Popover opened={open} onChange={setOpen} position="bottom-end" trapFocus returnFocus shadow="md" withinPortal>
          <Popover.Target>
            <ActionIcon variant="subtle" tabIndex={-1} aria-label="Kies uit de kalender" aria-describedby={`${rest.id ?? id}-label`}
              aria-expanded={open} aria-controls={`${id}-kalender`} onClick={() => setOpen((o) => !o)}>
              <span aria-hidden="true">📅</span>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown id={`${id}-kalender`} role="dialog" aria-label={`Kalender voor ${label.toLowerCase()}`}>
            <DatePicker locale="nl" firstDayOfWeek={1}
              value={iso && isIsoDate(iso) ? iso : null}
              defaultDate={iso && isIsoDate(iso) ? iso : today}
              {...(notInFuture ? { maxDate: today } : {})}
              onChange={(d) => { if (d) { push(formatDutchDate(d.slice(0, 10))); setTouched(true); setOpen(false); } }} />
          </Popover.Dropdown>
        </Popover>
      )}
    />
  );
}

/** DateField bound to a react-hook-form field: `<FormDateField control={form.control} name="datum" label="Datum" />`. */
export function FormDateField<T extends FieldValues, O>({ control, name, ...rest }: Omit<DateFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'> & { control: Control<T, unknown, O>; name: FieldPath<T> }) {
  return (
    <Controller control={control} name={name} render={({ field, formState }) => (
      <DateField {...rest} name={field.name} ref={field.ref} value={field.value as Value} onChange={field.onChange} onBlur={field.onBlur}
        error={errorAt(formState.errors, name)} />
    )} />
  );
}
