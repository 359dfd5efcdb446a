import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useNativeBinding } from '../../main/db/database';
import { backup, lock } from '../../main/vault';
import { ADMIN_PASSWORD, freshVault, login, tempDir } from '../support/vault';

/**
 * The Electron main process loads its own build of the SQLCipher module through `nativeBinding`
 * (build/electron-native.mjs makes it beside the Node build). Here the module file is a copy of
 * the Node build at another path: the store must open through exactly that file, for TypeORM's
 * connection and for the raw connections (backup), and fail when the file is not there.
 */

const nodeBuild = path.join(path.dirname(createRequire(__filename).resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');

afterEach(() => useNativeBinding(undefined));

describe('the SQLCipher module from another file (nativeBinding)', () => {
  it('opens, writes and backs up through a module build at its own path', async () => {
    const { file, admin } = await freshVault();
    await lock(admin);
    const copy = path.join(tempDir('loket-native-'), 'better_sqlite3-electron-test.node');
    copyFileSync(nodeBuild, copy);
    useNativeBinding(copy);
    const s = await login(file, 'beheer', ADMIN_PASSWORD);
    try {
      const out = path.join(tempDir('loket-native-backup-'), 'backup.db');
      await expect(backup(s, out)).resolves.toBeTruthy();
      // The raw connections (backup verification) take the same file: without it they fail.
      useNativeBinding(path.join(path.dirname(copy), 'absent.node'));
      await expect(backup(s, path.join(path.dirname(out), 'second.db'))).rejects.toThrow(/absent\.node/);
    } finally {
      await lock(s);
    }
  });

  it('a missing module build is an error at open, not a silent fallback to the Node build', async () => {
    const { file, admin } = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
    await lock(admin);
    useNativeBinding(path.join(tempDir('loket-native-'), 'absent.node'));
    await expect(login(file, 'anna')).rejects.toThrow(/absent\.node/);
  });
});
