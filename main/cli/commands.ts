import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/channels';
import type { AnchorConfig } from '../anchor';
import type { Router } from '../router';

/** The shapes every command of `loket` shares (the entry point, main/cli/loket.ts, runs them). */

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  prompt: (question: string, secret: boolean) => Promise<string>;
}

export interface CliContext {
  io: CliIo;
  dbFile: string;
  args: string[];
  values: Record<string, string | boolean | undefined>;
  /** Where the access log is anchored (LOKET_ANKER_BESTAND, LOKET_SYSLOG). */
  anchor: AnchorConfig;
  router: () => Promise<Router>;
  /** Runs a router channel as the logged-in user; a refusal becomes the LoketError it describes. */
  call: <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
}

/** Commands that other parts add (letters, export, demo), each with its own options and help line. */
export interface ExtraCommand {
  name: string;
  help: string;
  /** The full text for `loket NAME --help`, when the one help line is not enough. */
  usage?: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run: (ctx: CliContext) => Promise<void>;
}
