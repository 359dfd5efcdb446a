import type { ExtraCommand } from './commands';
import { LETTER_COMMANDS } from './letters';

/** Every extra command, in the order `loket --help` lists them. */
export const EXTRA_COMMANDS: ExtraCommand[] = [
  ...LETTER_COMMANDS,
];
