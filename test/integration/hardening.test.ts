import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { lock } from '../../main/vault';
import { freshVault } from '../support/vault';

const ROOT = path.join(__dirname, '..', '..');

describe('low findings of the review, fixed', () => {
  it('keeps SQLite temporary data in memory (temp files are not encrypted)', async () => {
    const { admin } = await freshVault();
    expect(admin.db.raw.pragma('temp_store', { simple: true })).toBe(2); // 2 = MEMORY
    await lock(admin);
  });

  it('packages Electron with RunAsNode, NODE_OPTIONS and --inspect fused off', () => {
    const cfg = YAML.parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true,
    });
  });
});
