import { describe, expect, it } from 'vitest';
import { agbProblem, isValidAgb, normalizeAgb } from '../../shared/agb';

describe('agb', () => {
  it('accepts 8 digits, also with spaces', () => {
    expect(isValidAgb('98765432')).toBe(true);
    expect(isValidAgb('01234567')).toBe(true);
    expect(normalizeAgb(' 9876 5432 ')).toBe('98765432');
  });

  it('says what is wrong in Dutch', () => {
    expect(agbProblem('')).toBe('Vul de AGB-code in (8 cijfers).');
    expect(agbProblem('1234567')).toContain('8 cijfers, dit zijn er 7');
    expect(agbProblem('1234567X')).toContain('alleen uit cijfers');
  });
});
