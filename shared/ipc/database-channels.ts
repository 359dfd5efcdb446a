import { z } from 'zod';
import { ch } from './define';

/** A path on the computer that holds the database, written out in full (the caller's folder means nothing to main). */
const fullPath = (what: string) => z.string().trim().min(1, `Geef aan ${what}.`).max(1000)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, `Geef ${what} als volledig pad, bijvoorbeeld /media/backup/loket.db.`);

/** The database file itself: a backup and a new database key (the CLI's `backup` and `rekey`). */
export const DATABASE_CHANNELS = {
  'database.backup': ch({
    input: z.object({ out: fullPath('waar de back-up komt') }),
    output: z.object({ file: z.string(), clients: z.number().int(), users: z.number().int() }),
    roles: ['beheerder'], writes: false,
  }),
  // The beheerder confirms with her own password; the new recovery key is shown once.
  'database.rekey': ch({
    input: z.object({ backupTo: fullPath('waar de verplichte back-up vooraf komt'), password: z.string() }),
    output: z.object({ recoveryKey: z.string(), usersToReset: z.array(z.string()), backupFile: z.string() }),
    roles: ['beheerder'], writes: true,
  }),
};
