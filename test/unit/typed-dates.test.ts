import { describe, expect, it } from 'vitest';
import { formatDutchDate, parseDutchDate, typedDateProblem } from '../../shared/dates';

describe('dates typed as DD-MM-JJJJ', () => {
  it('reads the ways people type a date, day first', () => {
    expect(parseDutchDate('01-02-2026')).toBe('2026-02-01');
    expect(parseDutchDate('1-2-2026')).toBe('2026-02-01');
    expect(parseDutchDate(' 1.2.2026 ')).toBe('2026-02-01');
    expect(parseDutchDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDutchDate('01 02 2026')).toBe('2026-02-01');
    expect(parseDutchDate('01022026')).toBe('2026-02-01');
    expect(parseDutchDate('2026-02-01')).toBe('2026-02-01');
    expect(parseDutchDate('29-02-2024')).toBe('2024-02-29');
  });

  it('reads nothing that is not a calendar date', () => {
    for (const s of ['', '1-2-26', '31-02-2026', '29-02-2025', '1-13-2026', '00-01-2026', 'morgen', '2026-02-30', '1-2-2026x']) {
      expect(parseDutchDate(s), s).toBeNull();
    }
  });

  it('keeps BRP unknown parts only where asked', () => {
    expect(parseDutchDate('00-05-1960')).toBeNull();
    expect(parseDutchDate('00-05-1960', { partial: true })).toBe('1960-05-00');
    expect(parseDutchDate('00-00-1960', { partial: true })).toBe('1960-00-00');
    expect(parseDutchDate('05-00-1960', { partial: true })).toBeNull();
    expect(formatDutchDate('1960-05-00')).toBe('00-05-1960');
  });

  it('says in Dutch, in the format of the screen, what is wrong', () => {
    expect(typedDateProblem('1-2-2026')).toBeNull();
    expect(typedDateProblem('')).toBeNull();
    expect(typedDateProblem('morgen')).toBe('"morgen" is geen datum. Typ de datum als DD-MM-JJJJ, bijvoorbeeld 01-02-2026.');
    expect(typedDateProblem('31-2-2026')).toBe('Datum 31-02-2026 bestaat niet: februari 2026 heeft 28 dagen. Controleer de dag.');
    expect(typedDateProblem('12-13-2026')).toBe('Datum 12-13-2026 bestaat niet: maand 13 bestaat niet. Typ DD-MM-JJJJ, dag eerst.');
    expect(typedDateProblem('05-00-1960', { partial: true })).toContain('Vul 00-00-1960 in');
  });
});
