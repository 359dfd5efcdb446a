import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addWeeks, compareDates, daysBetween, formatDutchDate, formatDutchDateLong, formatDutchDateWithWeekday,
  fromDayNumber, fromIstandaardDatum, isIsoDate, parseIsoDate, partialDateProblem, toDayNumber, toIstandaardDatum,
  weekday, dateProblem,
} from '../../shared/dates';

/** Independent oracle: the UTC Date API (no local time zone involved). */
const utcIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') }).map(fromDayNumber);

describe('dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ jaar: 2024, maand: 2, dag: 29 });
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('2026-04-27T00:00:00Z')).toBe(false);
  });

  it('day numbers: epoch and round trip', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
  });

  it('adds days and weeks across months, years and DST changes', () => {
    expect(addDays('2026-03-02', 42)).toBe('2026-04-13');
    expect(addWeeks('2026-03-28', 1)).toBe('2026-04-04'); // over the DST switch of 29 March
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
  });

  it('weekday is ISO (1 = maandag)', () => {
    expect(weekday('2026-03-02')).toBe(1);
    expect(weekday('2026-04-26')).toBe(7);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(7);
  });

  it('formats Dutch dates', () => {
    expect(formatDutchDate('2026-04-27')).toBe('27-04-2026');
    expect(formatDutchDate('1960-05-00')).toBe('00-05-1960');
    expect(formatDutchDateLong('2026-04-27')).toBe('27 april 2026');
    expect(formatDutchDateLong('2026-03-01')).toBe('1 maart 2026');
    expect(formatDutchDateLong('1960-05-00')).toBe('mei 1960');
    expect(formatDutchDateLong('1960-00-00')).toBe('1960');
    expect(formatDutchDateLong('0000-00-00')).toBe('onbekend');
    expect(formatDutchDateWithWeekday('2026-04-28')).toBe('dinsdag 28 april 2026');
  });

  it('dateProblem for full dates', () => {
    expect(dateProblem('2026-04-27')).toBeNull();
    expect(dateProblem('2026-02-30')).toBe('De datum 30-02-2026 bestaat niet in de kalender. Controleer dag en maand.');
    expect(dateProblem('27-04-2026', 'Ingangsdatum')).toContain('Ingangsdatum "27-04-2026" is geen datum');
  });

  it('partial BRP dates', () => {
    for (const ok of ['1960-05-17', '1960-05-00', '1960-00-00', '0000-00-00']) expect(partialDateProblem(ok), ok).toBeNull();
    expect(partialDateProblem('1960-00-05')).toContain('Vul 1960-00-00 in');
    expect(partialDateProblem('0000-05-00')).toContain('Vul 0000-00-00 in');
    expect(partialDateProblem('1960-13-00')).toContain('maand 13 bestaat niet');
    expect(partialDateProblem('1961-02-29')).toContain('februari 1961 heeft 28 dagen');
    expect(partialDateProblem('17-05-1960')).toContain('geen datum');
    expect(partialDateProblem('')).toContain('JJJJ-MM-DD');
    expect(partialDateProblem('2030-00-00', '2026-04-27')).toContain('in de toekomst');
    expect(partialDateProblem('2026-04-00', '2026-04-27')).toBeNull();
  });

  it('maps partial dates to iWmo Datum + DatumGebruik (COD170) and back', () => {
    expect(toIstandaardDatum('1960-05-17')).toEqual({ datum: '1960-05-17' });
    expect(toIstandaardDatum('1960-05-00')).toEqual({ datum: '1960-05-01', datumGebruik: '1' });
    expect(toIstandaardDatum('1960-00-00')).toEqual({ datum: '1960-01-01', datumGebruik: '2' });
    expect(toIstandaardDatum('0000-00-00')).toEqual({ datum: '1900-01-01', datumGebruik: '3' });
    expect(() => toIstandaardDatum('1960-00-05')).toThrow();
    for (const d of ['1960-05-17', '1960-05-00', '1960-00-00', '0000-00-00']) {
      const { datum, datumGebruik } = toIstandaardDatum(d);
      expect(fromIstandaardDatum(datum, datumGebruik)).toBe(d);
    }
    expect(() => fromIstandaardDatum('1960-01-01', '7')).toThrow(/DatumGebruik/);
  });

  it('property: agrees with the UTC Date API', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
      const ms = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
      expect(addDays(d, n)).toBe(utcIso(ms + n * 86_400_000));
      expect(weekday(d) % 7).toBe(new Date(ms).getUTCDay());
    }), { numRuns: 1000 });
  });

  it('property: round trip and addDays inverse', () => {
    fc.assert(fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (n) => {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }));
    fc.assert(fc.property(isoDate, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
      expect(addDays(addDays(d, n), -n)).toBe(d);
      expect(daysBetween(d, addDays(d, n))).toBe(n);
    }));
  });
});
