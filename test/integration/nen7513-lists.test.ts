import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyLog } from '../../main/auditlog';
import { openDatabase } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { indexShownClients, keepShownIndex, shownIndexDue } from '../../main/db/sqlite/shownClients';
import { collectInzage } from '../../main/export/inzage';
import type { Router } from '../../main/router';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { USER_PASSWORD } from '../support/vault';

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); });
afterAll(async () => { await desk.close(); });

const lists = (entries: { action: string; objectType: string; actor: string }[]) =>
  entries.filter((e) => e.action === 'zoeken').map((e) => `${e.actor} ${e.objectType}`);

describe('NEN 7513: searches and lists are logged against the clients they showed', () => {
  it("a search, the werkvoorraad and the print queue each appear in the client's own access history, before and after the index catches up", async () => {
    const ids = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Wilhelmina', geslachtsnaam: 'Oosterhuis' });
    const other = await vastgesteldeToekenning(desk, { bsn: '999993483', voornamen: 'Cornelis', geslachtsnaam: 'Zwanenburg' });
    const anna = await desk.as('anna', '2026-04-20');
    const found = await ok(anna, 'client.search', { query: 'Oosterhuis' });
    expect(found.results.map((r) => r.id)).toEqual([ids.clientId]);
    const page = await ok(anna, 'werkvoorraad.page', {});
    const carla = await desk.as('carla', '2026-04-20');
    await ok(carla, 'print.queue', {});

    const dirk = await desk.as('dirk', '2026-04-20');
    const history = (clientId: number) => ok(dirk, 'audit.list', { clientId, limit: 500 }).then((r) => r.entries);
    const raw = dirk.session!.db.raw;

    // One entry per list, naming every client it showed: the werkvoorraad page is one entry, not one per case.
    const wv = (await ok(dirk, 'audit.list', { actor: 'anna', limit: 50 })).entries.find((e) => e.objectType === 'werkvoorraad')!;
    expect(wv.getoond).toBe(new Set(page.items.map((i) => i.clientId)).size);
    expect(wv.getoond).toBeGreaterThanOrEqual(2);
    expect(raw.prepare(`SELECT count(*) FROM access_log WHERE actor = 'anna' AND object_type = 'werkvoorraad'`).pluck().get()).toBe(1);

    const check = async (when: string) => {
      const hers = lists(await history(ids.clientId));
      expect(hers, when).toEqual(expect.arrayContaining(['anna client', 'anna werkvoorraad', 'carla printwachtrij']));
      // The search for Oosterhuis did not show Zwanenburg, so it is not in his history; the lists did show him.
      const his = lists(await history(other.clientId));
      expect(his, when).not.toContain('anna client');
      expect(his, when).toEqual(expect.arrayContaining(['anna werkvoorraad', 'carla printwachtrij']));
      return { hers, his };
    };
    const unindexed = (): number => raw.prepare('SELECT count(*) FROM access_log WHERE client_ids IS NOT NULL AND seq > (SELECT tot_seq FROM access_log_getoond_stand)').pluck().get() as number;

    // Not yet indexed: found in the log's tail.
    expect(unindexed()).toBeGreaterThanOrEqual(3);
    const before = await check('from the tail');
    // Indexed behind the log (what the store does when quiet): the same history, nothing twice.
    await indexAll(dirk);
    expect(unindexed()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM access_log_getoond WHERE client_id = ?').pluck().get(ids.clientId)).toBeGreaterThanOrEqual(3);
    const after = await check('from the index');
    expect(after.his.filter((x) => x === 'carla printwachtrij')).toHaveLength(before.his.filter((x) => x === 'carla printwachtrij').length);

    // The clients' own inzage (AVG art. 15) names the lists they were shown in, and only those.
    const shownIn = async (clientId: number) => (await collectInzage({ m: dirk.session!.db.ds.manager }, clientId, { gemaaktOp: '2026-04-20', gemeente: 'Voorbeeldstad' }))
      .toegang.filter((e) => e.actie === 'getoond').map((e) => `${e.actor} ${e.object}`);
    expect(await shownIn(ids.clientId)).toEqual(expect.arrayContaining(['anna client', 'anna werkvoorraad', 'carla printwachtrij']));
    const hisInzage = await shownIn(other.clientId);
    expect(hisInzage).toEqual(expect.arrayContaining(['anna werkvoorraad', 'carla printwachtrij']));
    expect(hisInzage).not.toContain('anna client');
  });

  it('the store fills the index by itself once calls stop coming, not while they come', async () => {
    const anna = await desk.as('anna', '2026-04-20');
    const db = await openDatabase(desk.dbFile, await openSlot(desk.dbFile, 'anna', USER_PASSWORD), { quietMs: 1000 });
    try {
      keepShownIndex(db);
      const unindexed = (): number => db.raw.prepare('SELECT count(*) FROM access_log WHERE client_ids IS NOT NULL AND seq > (SELECT tot_seq FROM access_log_getoond_stand)').pluck().get() as number;
      // Busy: a call every 20 ms on this store for about a second; the tail stays as it is.
      for (let i = 0; i < 30; i++) {
        await ok(anna, 'werkvoorraad.page', {});
        await db.write(async () => undefined);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(unindexed()).toBeGreaterThanOrEqual(30);
      // What a busy tick does below MAX_UNINDEXED entries behind: nothing (a quiet one would index).
      const before = unindexed();
      expect(shownIndexDue(db.raw, true)).toBe(false);
      expect(shownIndexDue(db.raw, false)).toBe(true);
      expect(unindexed()).toBe(before);
      // Quiet: within a few quiet periods the index has caught up.
      await vi.waitFor(() => expect(unindexed()).toBe(0), { timeout: 10_000, interval: 100 });
    } finally {
      await db.close();
    }
  });

  it('the list of clients is part of the hash chain: changing who was shown breaks it', async () => {
    const anna = await desk.as('anna', '2026-04-20');
    await ok(anna, 'werkvoorraad.page', {});
    const raw = anna.session!.db.raw;
    expect(verifyLog(raw).ok).toBe(true);
    const seq = raw.prepare('SELECT max(seq) FROM access_log WHERE client_ids IS NOT NULL').pluck().get() as number;
    // Around the append-only trigger, as an attacker with the key would.
    raw.exec('DROP TRIGGER access_log_no_update');
    raw.prepare('UPDATE access_log SET client_ids = ? WHERE seq = ?').run('[1]', seq);
    expect(verifyLog(raw).firstBroken).toEqual({ seq, reason: `regel ${seq} is gewijzigd na het vastleggen` });
  });
});

async function indexAll(r: Router): Promise<void> {
  const db = r.session!.db;
  while (await db.write(async () => indexShownClients(db.raw, 2))) { /* a slice of two entries at a time */ }
}
