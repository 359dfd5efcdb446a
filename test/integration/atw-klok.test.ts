// One clock (issue 14, item 6): a day the beheerder adds from a koninklijk besluit (Atw art. 3
// lid 3) moves every end date the app computes, the same way: the bezwaar date in the sent letter
// and in the ZGW besluit, a running beslistermijn, the persoonlijk plan. Real router, real
// encrypted database, the letter read back with pdftotext, the besluit as the ZGW server got it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';
import { startZgwServer, type ZgwTestServer } from '../support/zgw-server';
import { exportSettings, ZGW_CLIENT_ID, ZGW_SECRET } from '../support/zgw-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'atw-klok-'));
const text = (base64: string) => {
  const f = join(dir, `l${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

// Sent Tue 2026-04-21: 6 weeks = Tue 2026-06-02. A (made-up) besluit makes that day equal to a feestdag.
const KB_DAG = { datum: '2026-06-02', naam: 'Proefdag', besluit: 'Besluit gelijkstelling van 2 juni 2026 met een algemeen erkende feestdag' };

let desk: Desk;
let server: ZgwTestServer;
beforeAll(async () => {
  desk = await Desk.open();
  server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
  await ok(beheer, 'settings.update', exportSettings(server));
  await ok(beheer, 'export.setSecret', { secret: ZGW_SECRET });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one clock for letters, export and deadlines (Atw art. 3 lid 3)', () => {
  it('a KB day on the last day of the bezwaartermijn: the letter and the ZGW besluit both name the next werkdag', async () => {
    const ids = await vastgesteldeToekenning(desk, { bsn: '999993847', voornamen: 'Wilhelmina', geslachtsnaam: 'Dijk', voorvoegsel: 'van' });
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [KB_DAG] });

    const carla = await desk.as('carla', '2026-04-21');
    expect((await ok(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] })).printed).toHaveLength(1);
    const anna = await desk.as('anna', '2026-04-22');
    const b = await ok(anna, 'beschikking.get', { id: ids.beschikkingId });
    const brief = text((await ok(anna, 'letter.get', { id: b.letterId! })).pdfBase64);
    expect(brief).toContain('De laatste dag om bezwaar te maken is 3 juni 2026.');
    expect(brief).not.toContain('2 juni 2026');

    const run = await ok(anna, 'export.run', { kind: 'zgw' });
    expect(run.jobs.map((j) => j.status)).toEqual(['klaar']);
    const [besluit] = server.objects('besluiten') as { uiterlijkeReactiedatum: string; verzenddatum: string }[];
    expect(besluit).toMatchObject({ verzenddatum: '2026-04-21', uiterlijkeReactiedatum: '2026-06-03' });
  });

  it('a new day moves the running terms and the persoonlijk plan; removing it moves them back', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [] });
    const anna = await desk.as('anna', '2026-04-21');
    const c = await ok(anna, 'client.create', {
      bsn: '999993653', voornamen: 'Karel', geslachtsnaam: 'Vries', voorvoegsel: 'de', geboortedatum: '1950-01-01', geslacht: '1',
      straat: 'Kerkstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
    });
    // Melding Tue 2026-04-21: persoonlijk plan until Tue 28 April, onderzoek until Tue 2 June.
    const m = await ok(anna, 'melding.create', {
      clientId: c.id, datum: '2026-04-21', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp bij het douchen.', toestemming: true, clientondersteuningAangeboden: true,
    });
    expect(m.termijnen.find((t) => t.soort === 'onderzoek')!.uiterlijk).toBe('2026-06-02');
    expect(m.melding.persoonlijkPlanUiterlijk).toBe('2026-04-28');

    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [KB_DAG, { ...KB_DAG, datum: '2026-04-28' }] });
    const na = await ok(anna, 'melding.get', { id: m.melding.id });
    expect(na.termijnen.find((t) => t.soort === 'onderzoek')!.uiterlijk).toBe('2026-06-03');
    expect(na.melding.persoonlijkPlanUiterlijk).toBe('2026-04-29');
    const ontvangst = text((await ok(anna, 'letter.melding', { meldingId: m.melding.id, soort: 'ontvangstbevestiging' })).pdfBase64);
    expect(ontvangst).toContain('3 juni 2026');
    expect(ontvangst).toContain('tot en met 29 april 2026 een persoonlijk plan');

    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [] });
    expect((await ok(anna, 'melding.get', { id: m.melding.id })).termijnen.find((t) => t.soort === 'onderzoek')!.uiterlijk).toBe('2026-06-02');
  });
});
