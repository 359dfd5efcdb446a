import type { ExtraCommand } from './commands';

/** Every extra command, in the order `loket --help` lists them. */
export const EXTRA_COMMANDS: ExtraCommand[] = [];
