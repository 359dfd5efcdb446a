import { CHANNELS, type ChannelName } from './channels';

/**
 * Who may call a channel, read from the channel table: the router enforces it, and the renderer
 * and the CLI ask the same question, so no list of roles is typed a second time. A screen shows
 * when its user may call the channel it needs.
 */

/** Holds only the auditor role: she checks the others' work and never writes. */
function auditorOnly(roles: readonly string[]): boolean {
  return roles.includes('auditor') && !roles.some((r) => r !== 'auditor');
}

/** Whether a logged-in user with these roles may call `channel` (a public channel: everyone). */
export function mayCall(roles: readonly string[], channel: ChannelName): boolean {
  const def = CHANNELS[channel];
  if (def.roles === 'public') return true;
  const listed = def.roles === 'any' || def.roles.some((r) => roles.includes(r));
  return listed && !(def.writes && auditorOnly(roles));
}

