import type { ChannelDef } from './define';

/** Export: ZGW outbox, iWmo/iJw messages, auditor and inzage exports. */
export const EXPORT_CHANNELS = {} as const satisfies Record<string, ChannelDef>;
