import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERZOEK_MAX_ELEMENTS } from '../../main/export/iwmo/limits';
import { Desk, ok } from '../support/cases';
import { wmo315Xml } from '../support/iwmo-fixtures';

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); });
afterAll(async () => { await desk.close(); });

/** A hostile verzoek: a real header and client, then millions of tiny elements up to ~25 MB. */
function hostile(targetBytes: number): string {
  const xml = wmo315Xml({ bsn: '999990482', identificatie: 'VOT-HOSTILE' });
  const filler = '<x/>'.repeat(Math.ceil((targetBytes - xml.length) / 4));
  return xml.replace('</wmo315:Client>', `${filler}</wmo315:Client>`);
}

describe('iWmo verzoek import on a worker thread', () => {
  it('a 25 MB hostile file is refused in Dutch while a call made meanwhile completes first, in well under a second', async () => {
    const anna = await desk.as('anna', '2026-04-23');
    const xml = hostile(24_990_000);
    expect(xml.length).toBeGreaterThan(24_000_000);
    const events: string[] = [];
    const started = performance.now();
    const importing = anna.call('iwmo.importVerzoek', { xml }).then((r) => { events.push('import'); return r; });
    // Made while the import runs: answered by the main thread, not queued behind the parse.
    const search = ok(anna, 'client.search', { query: 'Berg' }).then((r) => { events.push('zoeken'); return { r, ms: performance.now() - started }; });
    const [imp, s] = await Promise.all([importing, search]);
    expect(events).toEqual(['zoeken', 'import']);
    expect(s.ms).toBeLessThan(1000);
    expect(imp.ok).toBe(false);
    if (!imp.ok) expect(imp.error.message).toMatch(/^Het bestand is 2\d,\d MB; een verzoek om toewijzing is hoogstens 2 MB\. Het wordt niet gelezen/);
  });

  it('refuses a small file with too many elements, and still reads a real WMO315', async () => {
    const anna = await desk.as('anna', '2026-04-23');
    const many = wmo315Xml({ bsn: '999990482', identificatie: 'VOT-VEEL' }).replace('</wmo315:Client>', `${'<x/>'.repeat(VERZOEK_MAX_ELEMENTS)}</wmo315:Client>`);
    const r = await anna.call('iwmo.importVerzoek', { xml: many });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Het bericht bevat meer dan 20\.000 elementen/);
    const deep = wmo315Xml({ bsn: '999990482', identificatie: 'VOT-DIEP' }).replace('</wmo315:Client>', `${'<d>'.repeat(100)}${'</d>'.repeat(100)}</wmo315:Client>`);
    const d = await anna.call('iwmo.importVerzoek', { xml: deep });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.message).toMatch(/dieper genest dan 32 niveaus/);
    const good = await ok(anna, 'iwmo.importVerzoek', { xml: wmo315Xml({ bsn: '999990482', identificatie: 'VOT-GOED' }) });
    expect(good).toMatchObject({ bericht: 'WMO315', producten: 1 });
  });
});
