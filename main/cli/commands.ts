import type { CliContext } from './loket';

/** Commands that other parts add (letters, export, demo), each with its own options and help line. */
export interface ExtraCommand {
  name: string;
  help: string;
  /** The full text for `loket NAME --help`, when the one help line is not enough. */
  usage?: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run: (ctx: CliContext) => Promise<void>;
}
