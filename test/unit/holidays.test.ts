import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../../shared/dates';
import {
  atwEinde, eersteWerkdagVanaf, feestdagNaam, feestdagen, GELIJKGESTELDE_DAGEN, isFeestdag, isGelijkgesteld, isWerkdag, koningsdag,
  paaszondag, plusWerkdagen,
} from '../../shared/holidays';

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

  it('Goede Vrijdag counts as a feestdag (Atw art. 3 lid 2); first Paasdag is a Sunday anyway', () => {
    expect(feestdagNaam('2026-04-03')).toBe('Goede Vrijdag');
    expect(isWerkdag('2026-04-03')).toBe(false);
    expect(feestdagNaam('2027-03-26')).toBe('Goede Vrijdag');
    expect(feestdagNaam('2028-04-14')).toBe('Goede Vrijdag');
    expect(isFeestdag('2026-04-05')).toBe(false);
    expect(isWerkdag('2026-04-05')).toBe(false);
    expect(isWerkdag('2026-04-02')).toBe(true); // Witte Donderdag is no feestdag
  });

  it('days made equal by koninklijk besluit (art. 3 lid 3) for 2026-2028, and the beheerder\'s extra days', () => {
    expect(GELIJKGESTELDE_DAGEN.map((d) => d.datum)).toEqual(['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']);
    for (const d of GELIJKGESTELDE_DAGEN) {
      expect(weekday(d.datum)).toBe(5); // all Fridays
      expect(isFeestdag(d.datum)).toBe(false); // not art. 3 lid 1/2 ...
      expect(isGelijkgesteld(d.datum)).toBe(true);
      expect(isWerkdag(d.datum)).toBe(false); // ... but no werkdag for the Atw
      expect(d.besluit).toMatch(/^Besluit gelijkstelling/);
    }
    // Each is the day after Hemelvaart, Nieuwjaarsdag or Koningsdag of its year.
    expect(feestdagNaam(addDays('2026-05-15', -1))).toBe('Hemelvaartsdag');
    expect(feestdagNaam(addDays('2028-04-28', -1))).toBe('Koningsdag');
    expect(isWerkdag('2029-05-11')).toBe(true); // Friday after Hemelvaart 2029: no besluit known yet
    expect(isWerkdag('2029-05-11', new Set(['2029-05-11']))).toBe(false);
  });

  it('Atw art. 2: a term of at least 3 days holds at least two werkdagen', () => {
    // Thu 2026-04-02 + 3 days = Sun 5 April; art. 1 gives Tue 7 April (Mon is 2e Paasdag), but
    // Fri (Goede Vrijdag) to Tue holds one werkdag, so the term runs to Wed 8 April.
    expect(atwEinde('2026-04-02', '2026-04-05')).toBe('2026-04-08');
    // Wed 2026-12-23 + 3 = Sat 26; art. 1: Mon 28; werkdagen in Thu 24 .. Mon 28: 24 and 28 → two.
    expect(atwEinde('2026-12-23', '2026-12-26')).toBe('2026-12-28');
    // A term shorter than 3 days only gets art. 1.
    expect(atwEinde('2026-04-02', '2026-04-04')).toBe('2026-04-07');
    // Long terms: art. 2 never bites.
    expect(atwEinde('2026-03-20', '2026-04-03')).toBe('2026-04-07');
  });

  it('werkdagen counting for the iStandaarden terms (OP090 3 werkdagen, OP274 5 werkdagen)', () => {
    expect(plusWerkdagen('2026-03-02', 3)).toBe('2026-03-05'); // Mon → Thu
    expect(plusWerkdagen('2026-04-01', 3)).toBe('2026-04-08'); // Wed → Thu 2, (Fri GV, weekend, Mon 2e Paas) Tue 7, Wed 8
    expect(plusWerkdagen('2026-05-13', 5)).toBe('2026-05-22'); // Hemelvaart 14 and KB day 15 skipped: 18, 19, 20, 21, 22
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

  it('each year has 9 entries, sorted', () => {
    for (let jaar = 2020; jaar <= 2040; jaar++) {
      const f = feestdagen(jaar);
      expect(f).toHaveLength(9);
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
    expect(eersteWerkdagVanaf('2026-01-01')).toBe('2026-01-05'); // Fri 2 January 2026 is gelijkgesteld (KB)
    expect(eersteWerkdagVanaf('2027-01-01')).toBe('2027-01-04');
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
