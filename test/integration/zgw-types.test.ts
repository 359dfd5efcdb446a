import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('ZGW generated types', () => {
  it('main/export/zgw/types.generated.ts is what build/gen-zgw-types.mjs makes from the shipped specs', () => {
    const root = path.resolve(__dirname, '..', '..');
    const dir = mkdtempSync(path.join(tmpdir(), 'zgw-types-'));
    try {
      const out = path.join(dir, 'types.generated.ts');
      execFileSync(process.execPath, [path.join(root, 'build', 'gen-zgw-types.mjs')], {
        env: { ...process.env, ZGW_TYPES_OUT: out },
        stdio: 'pipe',
      });
      const fresh = readFileSync(out, 'utf8');
      const committed = readFileSync(path.join(root, 'main', 'export', 'zgw', 'types.generated.ts'), 'utf8');
      expect(fresh === committed, 'run `node build/gen-zgw-types.mjs` and commit the result').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
