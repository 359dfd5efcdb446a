import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../main/router';
import { CHANNELS, type ChannelName } from '../../shared/ipc/channels';
import { Desk, ok, vastgesteldeToekenning, type CaseIds } from '../support/cases';

/**
 * Random inputs to every channel either pass or get a Dutch error (naming the field where the
 * input was wrong) — and a refused call never leaves a partial write behind.
 */

let desk: Desk;
let anna: Router;
let ids: CaseIds;

beforeAll(async () => {
  desk = await Desk.open();
  ids = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Wilhelmina', geslachtsnaam: 'Dijk' });
  anna = await desk.as('anna', '2026-04-20');
});
afterAll(() => desk.close());

/** Everything but the access log (which records refusals, as it should) and its derived per-client index. */
function fingerprint(r: Router): string {
  const raw = r.session!.db.raw;
  const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    AND name NOT LIKE 'clients_fts%' AND name NOT LIKE 'access_log%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const h = createHash('sha256');
  for (const t of tables) h.update(t).update(JSON.stringify(raw.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all(), (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  return h.digest('hex');
}

const ENGLISH = /\b(expected|invalid|required|received|undefined|cannot read|is not a function|null)\b/i;

function valid(): Partial<Record<ChannelName, Record<string, unknown>>> {
  return {
    'client.create': { bsn: '999990482', voornamen: 'Geertruida', geslachtsnaam: 'IJsselmuiden', geboortedatum: '1950-01-01', postcode: '1234 AB' },
    'melding.create': { clientId: ids.clientId, datum: '2026-04-01', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp bij douchen nodig.', toestemming: true, clientondersteuningAangeboden: false },
    'aanvraag.create': { meldingId: ids.meldingId, ontvangenOp: '2026-04-14', omschrijving: 'Tweede aanvraag' },
    'indicatie.create': { aanvraagId: ids.aanvraagId, productcategorie: '02', omvang: { volume: 2, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Begeleiding bij de dagstructuur.' },
    'beschikking.create': { aanvraagId: ids.aanvraagId, soort: 'afwijzing', indicatieIds: [], besluitTekst: 'Wij wijzen uw aanvraag af.', motivering: 'U kunt dit met hulp van uw netwerk zelf oplossen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5 lid 3'] },
    'household.create': { naam: 'Dijk', regisseurId: null, memberIds: [ids.clientId] },
    'termijn.verleng': { termijnId: 1, dagen: 7, reden: 'Wachten op advies van de ergotherapeut.' },
  };
}

/** Valid inputs with one field replaced by something random: the most interesting failures. */
function mutated(example: Record<string, unknown>) {
  const keys = Object.keys(example);
  return fc.record({ key: fc.constantFrom(...keys), value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)) })
    .map(({ key, value }) => ({ ...example, [key]: value }));
}

describe('every channel under random input', () => {
  const names = (Object.keys(CHANNELS) as ChannelName[]).filter((c) => !c.startsWith('session.') && !c.startsWith('user.') && c !== 'settings.update');

  it('answers with a value or a Dutch error, and never writes half', async () => {
    const examples = valid();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names).chain((channel) => fc.tuple(
          fc.constant(channel),
          examples[channel] ? fc.oneof(mutated(examples[channel]!), fc.anything()) : fc.anything(),
        )),
        async ([channel, input]) => {
          const before = fingerprint(anna);
          const res = await anna.call(channel, input as never);
          if (res.ok) return;
          expect(res.error.message.length).toBeGreaterThan(10);
          expect(res.error.message).not.toMatch(ENGLISH);
          // A refused input names its field, for the form to put the message next to it.
          // (Only input that is not a set of fields at all gets a message about the whole input.)
          if (res.error.code === 'invoer') expect(res.error.field ?? (/^De invoer/.test(res.error.message) ? 'geheel' : undefined)).toBeTruthy();
          expect(['invoer', 'niet_gevonden', 'geen_toegang', 'conflict', 'extern']).toContain(res.error.code);
          expect(fingerprint(anna)).toBe(before);
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('names the field in a validation error', async () => {
    const res = await anna.call('client.create', { ...valid()['client.create'], postcode: '0123 XY' } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'invoer', field: 'postcode' } });
    if (!res.ok) expect(res.error.message).toMatch(/postcode/i);
    await ok(anna, 'client.search', { query: 'dijk' });
  });
});
