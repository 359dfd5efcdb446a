import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../main/router';
import { Desk, ok } from '../support/cases';
import { TEST_KDF, USER_PASSWORD } from '../support/vault';

/** Issue 15 item 8: login in local mode: the username pattern, the same answer for unknown users, lockout with back-off. */

let desk: Desk;
beforeAll(async () => {
  desk = await Desk.open({ letterhead: false });
}, 60_000);
afterAll(() => desk.close());

function router(now: () => number) {
  return createRouter({ dbFile: desk.dbFile, route: 'test', kdf: TEST_KDF, today: () => '2026-04-20', clock: now });
}

describe('login', () => {
  it('refuses a username outside the pattern before any key slot is read', async () => {
    const r = router(Date.now);
    const res = await r.call('session.unlock', { username: '../keys/gebruiker-anna', password: USER_PASSWORD });
    expect(res.ok ? null : res.error).toEqual({ code: 'invoer', field: 'username', message: expect.stringMatching(/^Gebruikersnaam '\.\.\/keys\/gebruiker-anna' kan niet: gebruik 2 tot 32 kleine letters/) });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const r = router(Date.now);
    const unknown = await r.call('session.unlock', { username: 'niemand', password: USER_PASSWORD });
    const wrong = await r.call('session.unlock', { username: 'anna', password: 'niet het wachtwoord van anna' });
    expect(unknown.ok || wrong.ok).toBe(false);
    if (!unknown.ok && !wrong.ok) expect(unknown.error).toEqual(wrong.error);
    await ok(r, 'session.unlock', { username: 'anna', password: USER_PASSWORD }); // resets anna's count
    await r.close();
  });

  it('locks a username out after 5 wrong passwords, with a growing wait, for known and unknown names alike', async () => {
    let now = Date.parse('2026-04-20T09:00:00Z');
    const r = router(() => now);
    for (let i = 0; i < 5; i++) {
      const res = await r.call('session.unlock', { username: 'bram', password: `fout ${i} fout fout` });
      expect(res.ok ? 'ok' : res.error.message).toMatch(/klopt niet/);
    }
    // Locked now: even the right password waits, and says how long.
    const locked = await r.call('session.unlock', { username: 'bram', password: USER_PASSWORD });
    expect(locked.ok ? null : locked.error).toEqual({ code: 'wachtwoord', message: 'Te veel mislukte pogingen om in te loggen als bram. Probeer het over 30 seconden opnieuw, of vraag de beheerder om hulp.' });
    expect(existsSync(`${desk.dbFile}.aanmeldpogingen`)).toBe(true);
    // Another user is not affected.
    await ok(r, 'session.unlock', { username: 'carla', password: USER_PASSWORD });
    // After the wait one more wrong try doubles it.
    now += 31_000;
    await r.call('session.unlock', { username: 'bram', password: 'nog steeds fout!!' });
    const longer = await r.call('session.unlock', { username: 'bram', password: USER_PASSWORD });
    expect(longer.ok ? '' : longer.error.message).toMatch(/over 60 seconden/);
    now += 61_000;
    await ok(r, 'session.unlock', { username: 'bram', password: USER_PASSWORD });
    // A success starts the count afresh.
    await r.call('session.unlock', { username: 'bram', password: 'weer eens fout!!' });
    await ok(r, 'session.unlock', { username: 'bram', password: USER_PASSWORD });

    // Unknown names are counted the same way (the answer never tells whether a user exists).
    for (let i = 0; i < 5; i++) await r.call('session.unlock', { username: 'onbekend', password: 'wat dan ook hier' });
    const ghost = await r.call('session.unlock', { username: 'onbekend', password: 'wat dan ook hier' });
    expect(ghost.ok ? '' : ghost.error.message).toMatch(/^Te veel mislukte pogingen om in te loggen als onbekend/);
    await r.close();
  }, 60_000);
});
