import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../shared/dates';
import { isWerkdag } from '../../shared/holidays';
import { bezwaarTermijnEinde, computeTermijn, deadlineStatus, termijnWijzigingProbleem, TermijnError } from '../../shared/termijnen';

describe('termijnen', () => {
  it('worked example of domain.md §1.3', () => {
    const onderzoek = computeTermijn({ start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', verlengingen: [], opschortingen: [] });
    expect(onderzoek).toMatchObject({ uiterlijk: '2026-04-13', basis: '2026-04-13', atwVerschoven: false, opgeschort: false, wettelijkeDagen: 42 });
    expect(onderzoek.grondslag).toContain('2.3.2');

    const beschikking = computeTermijn({ start: '2026-04-13', wet: 'wmo', soort: 'beschikking', verlengingen: [], opschortingen: [] });
    expect(beschikking).toMatchObject({ basis: '2026-04-27', uiterlijk: '2026-04-28', atwVerschoven: true, wettelijkeDagen: 14 });

    expect(bezwaarTermijnEinde('2026-04-28')).toBe('2026-06-09');
  });

  it('Jeugdwet and Participatiewet: 8 weeks (Awb 4:13) for both soorten', () => {
    for (const wet of ['jeugdwet', 'participatiewet'] as const) {
      for (const soort of ['onderzoek', 'beschikking'] as const) {
        const t = computeTermijn({ start: '2026-03-02', wet, soort });
        expect(t.uiterlijk).toBe('2026-04-28'); // 2026-04-27 is Koningsdag
        expect(t.basis).toBe('2026-04-27');
        expect(t.grondslag).toContain(wet === 'jeugdwet' && soort === 'onderzoek' ? 'verordening jeugdhulp' : 'artikel 4:13 Awb');
      }
    }
  });

  it('weekend end moves to Monday', () => {
    // 2026-05-16 is a Saturday: melding on Saturday 2026-04-04 + 6 weeks.
    const t = computeTermijn({ start: '2026-04-04', wet: 'wmo', soort: 'onderzoek' });
    expect(t.basis).toBe('2026-05-16');
    expect(t.uiterlijk).toBe('2026-05-18');
    expect(t.atwVerschoven).toBe(true);
  });

  it('Koningsdag on Saturday 26 April 2025 (27th is a Sunday) and Monday 28th is a werkdag', () => {
    const t = computeTermijn({ start: '2025-04-12', wet: 'wmo', soort: 'beschikking' });
    expect(t.basis).toBe('2025-04-26');
    expect(t.uiterlijk).toBe('2025-04-28');
  });

  it('Christmas and New Year run-over', () => {
    // 2026-12-11 + 2 weeks = Fri 25 Dec → Sat, Sun, → Mon 28 Dec.
    expect(computeTermijn({ start: '2026-12-11', wet: 'wmo', soort: 'beschikking' }).uiterlijk).toBe('2026-12-28');
    // 2027-12-18 + 2 weeks = Sat 1 Jan 2028 → Mon 3 Jan 2028.
    expect(computeTermijn({ start: '2027-12-18', wet: 'wmo', soort: 'beschikking' }).uiterlijk).toBe('2028-01-03');
    // Bekendmaking Thu 2025-11-13 + 42 = Thu 25 Dec → Fri 26 Dec → weekend → Mon 29 Dec.
    expect(bezwaarTermijnEinde('2025-11-13')).toBe('2025-12-29');
    // 2e Paasdag 2027 is Mon 29 March.
    expect(bezwaarTermijnEinde('2027-02-15')).toBe('2027-03-30');
  });

  it('Goede Vrijdag ends no term (Atw art. 3 lid 2): 2026-04-03 → 2026-04-07, 2027-03-26 → 2027-03-30', () => {
    const gv2026 = computeTermijn({ start: '2026-03-20', wet: 'wmo', soort: 'beschikking' });
    expect(gv2026).toMatchObject({ basis: '2026-04-03', uiterlijk: '2026-04-07', atwVerschoven: true }); // Sat, Sun, 2e Paasdag between
    const gv2027 = computeTermijn({ start: '2027-03-12', wet: 'wmo', soort: 'beschikking' });
    expect(gv2027).toMatchObject({ basis: '2027-03-26', uiterlijk: '2027-03-30' });
    // Bekendmaking Fri 2026-02-20 + 6 weeks = Goede Vrijdag 2026-04-03.
    expect(bezwaarTermijnEinde('2026-02-20')).toBe('2026-04-07');
  });

  it('a day made equal by koninklijk besluit ends no term: Friday after Hemelvaart 2026', () => {
    // Thu 2026-04-30 + 2 weeks = Hemelvaart Thu 14 May; Fri 15 May is gelijkgesteld → Mon 18 May.
    expect(computeTermijn({ start: '2026-04-30', wet: 'wmo', soort: 'beschikking' }).uiterlijk).toBe('2026-05-18');
    // Fri 2026-05-01 + 2 weeks = Fri 15 May itself.
    expect(computeTermijn({ start: '2026-05-01', wet: 'wmo', soort: 'beschikking' }).uiterlijk).toBe('2026-05-18');
    // A day the beheerder added for a later besluit.
    expect(computeTermijn({ start: '2029-04-27', wet: 'wmo', soort: 'beschikking' }).uiterlijk).toBe('2029-05-11');
    expect(computeTermijn({ start: '2029-04-27', wet: 'wmo', soort: 'beschikking', extraFeestdagen: new Set(['2029-05-11']) }).uiterlijk).toBe('2029-05-14');
  });

  it('each term says what sets it; only Awb beslistermijnen can be verdaagd or opgeschort under the Awb', () => {
    expect(computeTermijn({ start: '2026-03-02', wet: 'wmo', soort: 'onderzoek' })).toMatchObject({ bron: 'wet', awbBeslistermijn: false });
    expect(computeTermijn({ start: '2026-03-02', wet: 'wmo', soort: 'beschikking' })).toMatchObject({ bron: 'wet', awbBeslistermijn: true });
    const jo = computeTermijn({ start: '2026-03-02', wet: 'jeugdwet', soort: 'onderzoek' });
    expect(jo).toMatchObject({ bron: 'verordening', awbBeslistermijn: false });
    expect(jo.grondslag).toContain('verordening jeugdhulp');
    expect(computeTermijn({ start: '2026-03-02', wet: 'jeugdwet', soort: 'beschikking' })).toMatchObject({ bron: 'awb', grondslag: 'artikel 4:13 Awb' });
    expect(computeTermijn({ start: '2026-03-02', wet: 'participatiewet', soort: 'onderzoek' }).grondslag).toContain('4:13 Awb');

    const wmoOnderzoek = { wet: 'wmo', soort: 'onderzoek', uiterlijk: '2026-04-13' } as const;
    expect(termijnWijzigingProbleem(wmoOnderzoek, { soort: 'verlenging' }, '2026-04-01')).toMatch(/geen beslistermijn.*instemming van de cliënt.*verordening/);
    expect(termijnWijzigingProbleem(wmoOnderzoek, { soort: 'verlenging', grond: 'instemming_client' }, '2026-04-01')).toMatch(/hoe en wanneer de cliënt/);
    expect(termijnWijzigingProbleem(wmoOnderzoek, { soort: 'verlenging', grond: 'instemming_client', grondTekst: 'mondeling op 1 april 2026' }, '2026-04-01')).toBeNull();
    expect(termijnWijzigingProbleem(wmoOnderzoek, { soort: 'opschorting', grond: 'verordening', grondTekst: 'artikel 5 lid 3 Verordening Wmo' }, '2026-04-01')).toBeNull();
    const wmoBeschikking = { wet: 'wmo', soort: 'beschikking', uiterlijk: '2026-04-28' } as const;
    expect(termijnWijzigingProbleem(wmoBeschikking, { soort: 'verlenging' }, '2026-04-28')).toBeNull();
  });

  it('verdaging and opschorting only before the term has expired; an expired term stays overdue', () => {
    const t = { wet: 'wmo', soort: 'beschikking', uiterlijk: '2026-04-28' } as const;
    expect(termijnWijzigingProbleem(t, { soort: 'opschorting', van: '2026-04-20' }, '2026-04-29')).toMatch(/verlopen op 28-04-2026.*blijft verlopen/);
    expect(termijnWijzigingProbleem(t, { soort: 'verlenging' }, '2026-04-29')).toMatch(/verlopen/);
    // Recorded in time, but starting after the end: also refused.
    expect(termijnWijzigingProbleem(t, { soort: 'opschorting', van: '2026-04-29' }, '2026-04-27')).toMatch(/kan niet ingaan/);
    expect(termijnWijzigingProbleem(t, { soort: 'opschorting', van: '2026-04-28' }, '2026-04-28')).toBeNull();
  });

  it('verlenging (Awb 4:14) adds days, then the Atw applies', () => {
    const t = computeTermijn({
      start: '2026-03-02', wet: 'wmo', soort: 'onderzoek',
      verlengingen: [{ dagen: 14, reden: 'deskundigenadvies' }], opschortingen: [],
    });
    expect(t.basis).toBe('2026-04-27');
    expect(t.uiterlijk).toBe('2026-04-28');
    expect(t.verlengingDagen).toBe(14);
  });

  it('opschorting (Awb 4:15) adds the suspended days; an open one means no deadline yet', () => {
    const closed = computeTermijn({
      start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', verlengingen: [],
      opschortingen: [{ van: '2026-03-10', tot: '2026-03-17', reden: 'gegevens ontbreken' }],
    });
    expect(closed.opschortingDagen).toBe(7);
    expect(closed.uiterlijk).toBe('2026-04-20');

    const open = computeTermijn({
      start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', verlengingen: [{ dagen: 7, reden: 'x' }],
      opschortingen: [{ van: '2026-03-10', tot: '2026-03-17', reden: 'a' }, { van: '2026-03-20', tot: null, reden: 'b' }],
    });
    expect(open).toMatchObject({ uiterlijk: null, basis: null, opgeschort: true, atwVerschoven: false, opschortingDagen: 7, verlengingDagen: 7 });
  });

  it('rejects impossible input', () => {
    expect(() => computeTermijn({ start: '2026-02-30', wet: 'wmo', soort: 'onderzoek' })).toThrow(TermijnError);
    expect(() => computeTermijn({ start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', verlengingen: [{ dagen: -3, reden: '' }] })).toThrow(/positief/);
    expect(() => computeTermijn({
      start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', opschortingen: [{ van: '2026-03-10', tot: '2026-03-09', reden: '' }],
    })).toThrow(/vóór haar begin/);
    expect(() => computeTermijn({
      start: '2026-03-02', wet: 'wmo', soort: 'onderzoek', opschortingen: [{ van: '2026-03-01', tot: null, reden: '' }],
    })).toThrow(/vóór de start/);
  });

  it('deadlineStatus', () => {
    expect(deadlineStatus('2026-04-28', '2026-04-10')).toBe('op_tijd');
    expect(deadlineStatus('2026-04-28', '2026-04-20')).toBe('op_tijd');
    expect(deadlineStatus('2026-04-28', '2026-04-21')).toBe('deze_week');
    expect(deadlineStatus('2026-04-28', '2026-04-28')).toBe('deze_week');
    expect(deadlineStatus('2026-04-28', '2026-04-29')).toBe('verlopen');
  });

  it('property: uiterlijk is a werkdag, at most 5 days after basis, and basis = start + weeks', () => {
    const date = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);
    fc.assert(fc.property(date, fc.constantFrom('wmo', 'jeugdwet', 'participatiewet' as const),
      fc.constantFrom('onderzoek', 'beschikking' as const), fc.nat(60), (start, wet, soort, extra) => {
        const t = computeTermijn({ start, wet, soort, verlengingen: extra ? [{ dagen: extra, reden: 'r' }] : [] });
        expect(t.basis).toBe(addDays(start, t.wettelijkeDagen + extra));
        expect(isWerkdag(t.uiterlijk!)).toBe(true);
        const shift = daysBetween(t.basis!, t.uiterlijk!);
        expect(shift >= 0 && shift <= 5).toBe(true);
        expect(t.atwVerschoven).toBe(shift > 0);
      }), { numRuns: 500 });
  });
});
