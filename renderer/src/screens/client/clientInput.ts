import type { Client, ClientInput } from '../../../../shared/schemas/client';

/** A stored client as the input of client.update: what the screen shows, minus what the router adds. */
export function toClientInput(c: Client): ClientInput & { id: number } {
  const { naam: _naam, householdId: _h, createdAt: _c, updatedAt: _u, vertegenwoordigers, ...rest } = c;
  return { ...rest, vertegenwoordigers: vertegenwoordigers.map(({ id: _id, ...v }) => v) };
}
