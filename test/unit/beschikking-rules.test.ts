import { describe, expect, it } from 'vitest';
import { approvalProblem, assertTransition, TRANSITIONS, type Betrokkenen } from '../../main/services/beschikkingen';
import { detectSearch } from '../../main/services/clients';
import { BESCHIKKING_STATUSSEN } from '../../shared/schemas/zaak';
import { LoketError } from '../../shared/errors';

describe('beschikking status transitions', () => {
  const allowed = new Set(['concept>ter_accordering', 'ter_accordering>vastgesteld', 'ter_accordering>concept', 'vastgesteld>verzonden']);
  for (const from of BESCHIKKING_STATUSSEN) {
    for (const to of BESCHIKKING_STATUSSEN) {
      const key = `${from}>${to}`;
      it(`${allowed.has(key) ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        if (allowed.has(key)) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(LoketError);
      });
    }
  }
  it('tells how to change a vastgestelde beschikking', () => {
    expect(() => assertTransition('vastgesteld', 'concept')).toThrow(/nieuwe beschikking \(wijziging\)/);
    expect(TRANSITIONS.verzonden).toEqual([]);
  });
});

describe('vier-ogen', () => {
  const bram = { id: 2, roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit 2026' };
  const by = (auteur: number, more: Partial<Betrokkenen> = {}): Betrokkenen => ({ auteurIds: [auteur], indienerIds: [], indicatieMakerIds: [], ...more });
  it('lets a mandated colleague approve', () => expect(approvalProblem(bram, by(1))).toBeNull());
  it('refuses the author', () => expect(approvalProblem(bram, by(2))).toMatch(/zelf opgesteld/));
  it('refuses a colleague who took the concept over', () => expect(approvalProblem(bram, by(1, { auteurIds: [1, 2] }))).toMatch(/overgenomen/));
  it('refuses who submitted it', () => expect(approvalProblem(bram, by(1, { indienerIds: [2] }))).toMatch(/ter accordering aangeboden/));
  it('refuses who made one of its indicaties', () => expect(approvalProblem(bram, by(1, { indicatieMakerIds: [2] }))).toMatch(/indicatie/));
  it('refuses without a mandate', () => expect(approvalProblem({ ...bram, mandaat: null }, by(1))).toMatch(/mandaat/));
  it('refuses a blank mandate', () => expect(approvalProblem({ ...bram, mandaat: '  ' }, by(1))).toMatch(/mandaat/));
  it('refuses a consulent', () => expect(approvalProblem({ id: 3, roles: ['consulent'], mandaat: 'x' }, by(1))).toMatch(/besluitbevoegde/));
});

describe('what the search box recognises', () => {
  it.each([
    ['999993847', 'bsn'], ['99999384', 'bsn'], ['1234 AB 12', 'postcode'], ['1234ab', 'postcode'],
    ['02-03-1941', 'geboortedatum'], ['1941-03-02', 'geboortedatum'], ['van dijk', 'naam'], ['Ĳzerman', 'naam'],
  ])('%s → %s', (q, kind) => expect(detectSearch(q).kind).toBe(kind));
  it('keeps the huisnummer', () => expect(detectSearch('1234 ab 12')).toEqual({ kind: 'postcode', value: '1234 AB', huisnummer: 12 }));
});
