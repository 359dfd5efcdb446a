// Built once: constructing a DateTimeFormat costs about a millisecond, and every call asks for today.
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in the Netherlands (ISO `YYYY-MM-DD`), whatever the machine's time zone. */
export function todayIso(now: Date = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}
