import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../main/router';
import { Desk, ok } from '../support/cases';
import { ADMIN_PASSWORD, TEST_KDF, USER_PASSWORD } from '../support/vault';

/** Issue 15 item 4: every call re-reads the user; the idle lock is enforced in main. */

let desk: Desk;
beforeAll(async () => {
  desk = await Desk.open();
}, 60_000);
afterAll(() => desk.close());

describe('sessions that follow the database', () => {
  it("refuses a removed user's open session, on reading and on writing, and logs it", async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    await ok(beheer, 'user.add', { username: 'frank', displayName: 'Frank Vertrek', roles: ['consulent'], password: USER_PASSWORD });
    const frank = await desk.as('frank');
    const c = await ok(frank, 'client.create', { bsn: '999990044', voornamen: 'Jan', geslachtsnaam: 'Smit', geboortedatum: '1960-02-02' });
    // Her open session keeps the database open, so the rekey after removal waits ('loket rekey'); the removal itself holds.
    await beheer.call('user.remove', { username: 'frank' });
    expect(beheer.session!.db.raw.prepare(`SELECT active FROM users WHERE username = 'frank'`).get()).toEqual({ active: 0 });

    const read = await frank.call('client.get', { id: c.id });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe('vergrendeld');
      expect(read.error.message).toBe('Uw account is ingetrokken of uitgeschakeld; deze sessie is beëindigd. Vraag de beheerder als u denkt dat dit niet klopt.');
    }
    expect(frank.session).toBeNull();
    const write = await frank.call('client.update', { id: c.id, bsn: '999990044', voornamen: 'Jan', geslachtsnaam: 'Smid', geboortedatum: '1960-02-02' });
    expect(write.ok).toBe(false);
    const log = beheer.session!.db.raw.prepare(`SELECT object_type, action, result, detail FROM access_log WHERE actor = 'frank' ORDER BY seq DESC LIMIT 2`).all();
    expect(log).toEqual([
      { object_type: 'gebruiker', action: 'uitloggen', result: 'gelukt', detail: 'sessie beëindigd: gebruiker verwijderd of uitgeschakeld' },
      { object_type: 'client.get', action: 'lezen', result: 'geweigerd', detail: 'sessie beëindigd: gebruiker verwijderd of uitgeschakeld' },
    ]);
    const stored = beheer.session!.db.raw.prepare('SELECT geslachtsnaam FROM clients WHERE id = ?').get(c.id);
    expect(stored).toEqual({ geslachtsnaam: 'Smit' });
  }, 60_000);

  it('takes a changed role or mandate from the database at the next call', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const carla = await desk.as('carla');
    expect((await carla.call('print.queue', {})).ok).toBe(true);
    // The beheerder changes her roles while her session is open: it counts from her next call.
    await ok(beheer, 'user.update', { username: 'carla', roles: ['consulent'], mandaat: null });
    const res = await carla.call('print.queue', {});
    expect(res.ok ? 'ok' : res.error.code).toBe('geen_toegang');
    await ok(beheer, 'user.update', { username: 'carla', roles: ['administratie'], mandaat: null });
    expect((await carla.call('print.queue', {})).ok).toBe(true);
  }, 60_000);

  it('locks in the main process after the idle time, whatever the renderer does', async () => {
    let now = Date.parse('2026-04-20T09:00:00Z');
    const r = createRouter({ dbFile: desk.dbFile, route: 'test', kdf: TEST_KDF, today: () => '2026-04-20', clock: () => now });
    await ok(r, 'session.unlock', { username: 'anna', password: USER_PASSWORD });
    now += 9 * 60_000;
    await ok(r, 'werkvoorraad.page', {});
    // Heartbeats of an untouched screen and background calls do not keep it open.
    now += 5 * 60_000;
    await ok(r, 'session.activity', { active: false });
    expect(await r.lockIfIdle()).toBe(false);
    now += 6 * 60_000; // 11 minutes since the last real activity (default 10)
    expect(await r.lockIfIdle()).toBe(true);
    expect(r.session).toBeNull();
    const res = await r.call('werkvoorraad.page', {});
    expect(res.ok ? 'ok' : res.error.code).toBe('geen_toegang');

    await ok(r, 'session.unlock', { username: 'anna', password: USER_PASSWORD });
    now += 11 * 60_000;
    const late = await r.call('werkvoorraad.page', {});
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error).toEqual({ code: 'vergrendeld', message: 'Sociaal Loket is vergrendeld omdat er 10 minuten niets gebeurde. Log opnieuw in; uw niet-opgeslagen invoer is bewaard.' });
    await r.close();
  }, 60_000);
});
