import { describe, expect, it } from 'vitest';
import { checkHandlers, HANDLERS, mergeHandlerTables } from '../../main/handlers';
import { CHANNELS } from '../../shared/ipc/channels';

describe('handler tables', () => {
  it('serve every channel of the table exactly once', () => {
    expect([...HANDLERS.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    expect(() => checkHandlers(HANDLERS)).not.toThrow();
  });

  it('refuse a channel served by two modules, naming both', () => {
    const h = async () => ({});
    expect(() => mergeHandlerTables({ clients: { 'client.get': h }, beheer: { 'client.get': h } }))
      .toThrow('channel client.get has two handlers (clients and beheer)');
  });

  it('find a channel without a handler and a handler without a channel at start', () => {
    const h = async () => ({});
    const partial = mergeHandlerTables({ a: { 'client.get': h, 'client.gone': h } });
    expect(() => checkHandlers(partial, ['client.get', 'client.search']))
      .toThrow('no handler for client.search; no channel for client.gone');
  });
});
