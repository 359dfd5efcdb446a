/**
 * AGB-code (Vektis AGB-register; iWmo LDT_AgbCode): 8 digits. No check-digit algorithm is
 * public, so only the format can be checked; whether the code exists needs the AGB register.
 */

export function normalizeAgb(input: string): string {
  return input.trim().replace(/[\s.\-]/g, '');
}

export function agbProblem(input: string): string | null {
  const raw = input.trim();
  if (raw === '') return 'Vul de AGB-code in (8 cijfers).';
  const s = normalizeAgb(raw);
  if (!/^\d+$/.test(s)) return `AGB-code "${raw}" klopt niet: een AGB-code bestaat alleen uit cijfers.`;
  if (s.length !== 8) {
    return `AGB-code ${s} klopt niet: een AGB-code heeft 8 cijfers, dit zijn er ${s.length}. Zoek de code op in het AGB-register (agbcode.nl).`;
  }
  return null;
}

export function isValidAgb(input: string): boolean {
  return agbProblem(input) === null;
}
