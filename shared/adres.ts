/**
 * The house number as printed on a letter and shown on screen: number, huisletter right after it,
 * the toevoeging after a dash ("12a-2", "37A", "3-bis"), the way PostNL and the BAG write it.
 */
export function huisnummerAanduiding(a: { huisnummer: number | null; huisletter: string | null; huisnummerToevoeging: string | null }): string {
  if (a.huisnummer === null) return '';
  return `${a.huisnummer}${a.huisletter ?? ''}${a.huisnummerToevoeging ? `-${a.huisnummerToevoeging}` : ''}`;
}
