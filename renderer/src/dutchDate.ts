/** Dates are typed as people write them: DD-MM-JJJJ (also with dots, slashes or spaces). */
export function parseDutchDate(value: string): string | null {
  const m = /^\s*(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})\s*$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Props for a Mantine DateInput that shows and accepts DD-MM-JJJJ; its value stays ISO. */
export const DUTCH_DATE_PROPS = { valueFormat: 'DD-MM-YYYY', dateParser: parseDutchDate, locale: 'nl', placeholder: 'DD-MM-JJJJ', clearable: true, clearButtonProps: { 'aria-label': 'Datum wissen' }, w: 150 } as const;
