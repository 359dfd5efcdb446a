import type { ChannelDef } from './define';

/** Beheer: management information, retention (Archiefwet) and citizens' rights (AVG). */
export const BEHEER_CHANNELS = {} as const satisfies Record<string, ChannelDef>;
