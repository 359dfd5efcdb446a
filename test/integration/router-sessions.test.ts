import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router, type SessionSlot } from '../../main/router';
import { lock } from '../../main/vault';
import { freshVault, TEST_KDF, USER_PASSWORD } from '../support/vault';

/** One router, many callers: each call names the slot its session lives in (the team server's shape). */

let dbFile: string;
let router: Router;

beforeAll(async () => {
  const v = await freshVault([
    { username: 'anna', roles: ['consulent'] },
    { username: 'dirk', roles: ['auditor'] },
  ]);
  dbFile = v.file;
  await lock(v.admin);
  router = createRouter({ dbFile, route: 'test', kdf: TEST_KDF, today: () => '2026-04-13' });
});

afterAll(async () => {
  await router.close();
});

describe('router sessions in slots', () => {
  it('keeps each caller\'s session apart, and locking one leaves the other working', async () => {
    const annaSlot: SessionSlot = { session: null };
    const dirkSlot: SessionSlot = { session: null };
    expect((await router.call('session.unlock', { username: 'anna', password: USER_PASSWORD }, { slot: annaSlot })).ok).toBe(true);
    expect((await router.call('session.unlock', { username: 'dirk', password: USER_PASSWORD }, { slot: dirkSlot })).ok).toBe(true);
    expect(router.session).toBeNull(); // the router's own slot is untouched

    const who = async (slot: SessionSlot) => {
      const r = await router.call('session.current', {}, { slot });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.user?.username ?? null;
    };
    expect(await who(annaSlot)).toBe('anna');
    expect(await who(dirkSlot)).toBe('dirk');

    const created = await router.call('client.create', { bsn: '999993847', voornamen: 'Wim', geslachtsnaam: 'Dijk', geboortedatum: '1941-05-01' }, { slot: annaSlot });
    expect(created.ok).toBe(true);
    // The auditor's slot never writes, whatever another caller may do.
    const refused = await router.call('client.create', { bsn: '999990019', voornamen: 'X', geslachtsnaam: 'Y', geboortedatum: '1950-01-01' }, { slot: dirkSlot });
    expect(refused.ok ? null : refused.error.code).toBe('geen_toegang');

    expect((await router.call('session.lock', {}, { slot: annaSlot })).ok).toBe(true);
    expect(annaSlot.session).toBeNull();
    expect(await who(annaSlot)).toBeNull();
    const afterLock = await router.call('client.get', { id: 1 }, { slot: annaSlot });
    expect(afterLock.ok ? null : afterLock.error.code).toBe('geen_toegang');
    expect(await who(dirkSlot)).toBe('dirk');
    // (The auditor reads metadata; a client's record only through audit.inzage.)
    const read = await router.call('client.search', { query: 'Dijk' }, { slot: dirkSlot });
    expect(read.ok ? read.value.results.map((c) => c.naam) : read.error.message).toEqual([expect.stringMatching(/Dijk/)]);
    await router.close(dirkSlot);
    expect(dirkSlot.session).toBeNull();
  });
});
