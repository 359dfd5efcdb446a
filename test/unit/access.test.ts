import { describe, expect, it } from 'vitest';
import { mayCall } from '../../shared/ipc/access';
import { CHANNELS, type ChannelName } from '../../shared/ipc/channels';

describe('mayCall: who may call a channel, read from the channel table', () => {
  it('follows the roles listed for a channel', () => {
    expect(mayCall(['besluitbevoegd'], 'beschikking.approve')).toBe(true);
    expect(mayCall(['consulent'], 'beschikking.approve')).toBe(false);
    expect(mayCall(['administratie'], 'print.queue')).toBe(true);
    expect(mayCall(['consulent', 'administratie'], 'print.queue')).toBe(true);
    expect(mayCall(['beheerder'], 'client.get')).toBe(false);
  });

  it('lets every logged-in user call an "any" channel and everyone a public one', () => {
    expect(mayCall(['auditor'], 'session.activity')).toBe(true);
    expect(mayCall([], 'session.unlock')).toBe(true);
  });

  it('never lets an auditor call a channel that writes', () => {
    const writes = (Object.keys(CHANNELS) as ChannelName[]).filter((c) => CHANNELS[c].writes);
    expect(writes.length).toBeGreaterThan(10);
    for (const c of writes) expect(mayCall(['auditor'], c), c).toBe(false);
    expect(mayCall(['auditor'], 'audit.list')).toBe(true);
  });
});
