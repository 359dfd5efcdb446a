import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); });
afterAll(async () => { await desk.close(); });

describe('NEN 7513: searches and lists are logged against the clients they showed', () => {
  it("a search, the werkvoorraad and the print queue each appear in the client's own access history", async () => {
    const ids = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Wilhelmina', geslachtsnaam: 'Oosterhuis' });
    const other = await vastgesteldeToekenning(desk, { bsn: '999993483', voornamen: 'Cornelis', geslachtsnaam: 'Zwanenburg' });
    const anna = await desk.as('anna', '2026-04-20');
    const found = await ok(anna, 'client.search', { query: 'Oosterhuis' });
    expect(found.results.map((r) => r.id)).toEqual([ids.clientId]);
    await ok(anna, 'werkvoorraad.page', {});
    const carla = await desk.as('carla', '2026-04-20');
    await ok(carla, 'print.queue', {});

    const dirk = await desk.as('dirk', '2026-04-20');
    const history = (clientId: number) => ok(dirk, 'audit.list', { clientId, limit: 500 }).then((r) => r.entries.filter((e) => e.action === 'zoeken'));
    const hers = await history(ids.clientId);
    expect(hers.map((e) => `${e.actor} ${e.objectType}`)).toEqual(expect.arrayContaining(['anna client', 'anna werkvoorraad', 'carla printwachtrij']));
    expect(hers.every((e) => e.detail?.startsWith('getoond in '))).toBe(true);
    // The search for Oosterhuis did not show Zwanenburg, so it is not in his history; the lists did show him.
    const his = await history(other.clientId);
    expect(his.map((e) => `${e.actor} ${e.objectType}`)).not.toContain('anna client');
    expect(his.map((e) => `${e.actor} ${e.objectType}`)).toEqual(expect.arrayContaining(['anna werkvoorraad', 'carla printwachtrij']));
  });
});
