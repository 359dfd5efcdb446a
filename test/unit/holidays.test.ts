import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../../shared/dates';
import { eersteWerkdagVanaf, feestdagNaam, feestdagen, isFeestdag, isWerkdag, koningsdag, paaszondag } from '../../shared/holidays';

describe('holidays (Algemene termijnenwet art. 3)', () => {
  it('Easter Sunday for known years', () => {
    const known: Record<number, string> = {
      2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24', 2019: '2019-04-21', 2024: '2024-03-31',
      2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2038: '2038-04-25',
    };
    for (const [jaar, datum] of Object.entries(known)) {
      expect(paaszondag(Number(jaar))).toBe(datum);
      expect(weekday(datum)).toBe(7);
    }
  });

  it('derived days: 2e Paasdag, Hemelvaart, 2e Pinksterdag', () => {
    expect(feestdagNaam('2026-04-06')).toBe('Tweede Paasdag');
    expect(feestdagNaam('2026-05-14')).toBe('Hemelvaartsdag');
    expect(feestdagNaam('2026-05-25')).toBe('Tweede Pinksterdag');
    expect(feestdagNaam('2024-04-01')).toBe('Tweede Paasdag');
    expect(feestdagNaam('2024-05-09')).toBe('Hemelvaartsdag');
    expect(feestdagNaam('2024-05-20')).toBe('Tweede Pinksterdag');
    expect(feestdagNaam('2025-05-29')).toBe('Hemelvaartsdag');
    expect(feestdagNaam('2027-05-06')).toBe('Hemelvaartsdag');
    expect(feestdagNaam('2027-05-17')).toBe('Tweede Pinksterdag');
  });

  it('Goede Vrijdag and first Paas-/Pinksterdag are not Atw feestdagen (Sundays are weekend anyway)', () => {
    expect(isFeestdag('2026-04-03')).toBe(false); // Goede Vrijdag
    expect(isWerkdag('2026-04-03')).toBe(true);
    expect(isFeestdag('2026-04-05')).toBe(false);
    expect(isWerkdag('2026-04-05')).toBe(false);
  });

  it('Koningsdag 27 April, 26 April when the 27th is a Sunday; Koninginnedag before 2014', () => {
    expect(koningsdag(2026)).toBe('2026-04-27');
    expect(koningsdag(2025)).toBe('2025-04-26');
    expect(koningsdag(2014)).toBe('2014-04-26');
    expect(koningsdag(2031)).toBe('2031-04-26');
    expect(koningsdag(2013)).toBe('2013-04-30');
    expect(koningsdag(2006)).toBe('2006-04-29');
    expect(isFeestdag('2025-04-27')).toBe(false);
    expect(feestdagNaam('2025-04-26')).toBe('Koningsdag');
  });

  it('5 mei every year, and Hemelvaart on 5 mei counts once with both names', () => {
    expect(feestdagNaam('2026-05-05')).toBe('Bevrijdingsdag');
    expect(feestdagNaam('2016-05-05')).toBe('Bevrijdingsdag en Hemelvaartsdag');
  });

  it('each year has 8 entries, sorted', () => {
    for (let jaar = 2020; jaar <= 2040; jaar++) {
      const f = feestdagen(jaar);
      expect(f).toHaveLength(8);
      expect([...f].map((x) => x.datum)).toEqual([...f].map((x) => x.datum).sort());
    }
  });

  it('eersteWerkdagVanaf skips weekends and feestdagen, across the year end', () => {
    expect(eersteWerkdagVanaf('2026-04-13')).toBe('2026-04-13');
    expect(eersteWerkdagVanaf('2026-04-25')).toBe('2026-04-28'); // Sat, Sun, Koningsdag
    expect(eersteWerkdagVanaf('2026-12-25')).toBe('2026-12-28'); // Fri Kerst, Sat Kerst, Sun
    expect(eersteWerkdagVanaf('2027-12-25')).toBe('2027-12-27'); // Sat, Sun (26th), Mon 27th works
    expect(eersteWerkdagVanaf('2022-12-31')).toBe('2023-01-02'); // Sat, Sun Nieuwjaar
    expect(eersteWerkdagVanaf('2025-12-25')).toBe('2025-12-29'); // Thu, Fri, Sat, Sun
    expect(eersteWerkdagVanaf('2026-01-01')).toBe('2026-01-02');
    expect(eersteWerkdagVanaf('2026-05-05', new Set(['2026-05-06']))).toBe('2026-05-07');
  });

  it('never lands on a weekend or feestdag, and never more than 5 days on', () => {
    for (let d = '2020-01-01'; d < '2040-01-01'; d = addDays(d, 1)) {
      const w = eersteWerkdagVanaf(d);
      expect(isWerkdag(w)).toBe(true);
      expect(w >= d && w <= addDays(d, 5)).toBe(true);
    }
  });
});
