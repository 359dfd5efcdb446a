import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoketError } from '../../shared/errors';

/**
 * Every file the CLI writes holds personal data (letters, exports): readable by its owner only
 * (0600, folders 0700), and never written over an existing file without a word.
 */
export async function writeOwnFile(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await fs.writeFile(file, content, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') {
      throw new LoketError('conflict', `Er staat al een bestand op ${file}. Kies een andere naam of map, of verwijder het oude bestand eerst.`, 'out');
    }
    throw e;
  }
}
