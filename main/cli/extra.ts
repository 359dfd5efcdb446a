import type { ExtraCommand } from './commands';
import { EXPORT_COMMANDS } from './export';
import { LETTER_COMMANDS } from './letters';
import { DEMO_COMMANDS } from './demo';
import { SERVE_COMMANDS } from './serve';

/** Every extra command, in the order `loket --help` lists them. */
export const EXTRA_COMMANDS: ExtraCommand[] = [
  ...LETTER_COMMANDS,
  ...EXPORT_COMMANDS,
  ...DEMO_COMMANDS,
  ...SERVE_COMMANDS,
];
