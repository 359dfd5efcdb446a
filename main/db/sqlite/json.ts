/** SQLite only: JSON arrays kept in a text column (`rechten_verzoeken.melding_ids`), read with json_each. */

/**
 * A condition for a query builder: the value of SQL expression `value` is an element of the JSON
 * array in `array`. Both may name entity properties (`m.id`, `r.meldingIds`).
 */
export function inJsonArray(value: string, array: string): string {
  return `${value} IN (SELECT value FROM json_each(${array}))`;
}
