import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { createDemoDatabase } from '../../main/demo/setup';
import { planIwmoMessages, toewijzingXml } from '../../main/export/iwmoExport';
import { readMessage } from '../support/verzoek315';
import { tempDir, TEST_KDF } from '../support/vault';
import { validateMany, xsdPath } from '../support/xmllint';

/**
 * Over a generated demo municipality: every WMO301/JW301 the app would send holds no two
 * toewijzingen for one client, product and aanbieder that overlap in time, also counted over all
 * messages to an aanbieder (what the aanbieder ends up holding), and the wijzigingen in the demo
 * end the toewijzing they replace with a RedenWijziging.
 */
const TODAY = '2026-03-16';
let db: Db;
const messages: { wet: 'wmo' | 'jeugdwet'; xml: string }[] = [];

beforeAll(async () => {
  const file = path.join(tempDir('loket-iwmo-demo-'), 'demo.db');
  await createDemoDatabase({ file, clients: 600, seed: 7, today: TODAY, admin: 'beheer', adminPassword: 'demo beheer wachtwoord', demoPassword: 'demo gebruiker wachtwoord', kdf: TEST_KDF, route: 'test', letters: 0 });
  db = await openDatabase(file, await openSlot(file, 'beheer', 'demo beheer wachtwoord'));
  const ids = db.raw.prepare(`SELECT DISTINCT b.id FROM beschikkingen b JOIN beschikking_indicaties bi ON bi.beschikking_id = b.id OR bi.beschikking_id = b.vervangt_id
    JOIN indicaties i ON i.id = bi.indicatie_id WHERE b.status IN ('vastgesteld', 'verzonden') AND i.leveringsvorm = 'ZIN' AND i.toewijzing_nummer IS NOT NULL ORDER BY b.id`).all() as { id: number }[];
  await db.write(async (m) => {
    let n = 0;
    for (const { id } of ids) {
      for (const p of await planIwmoMessages(m, id, TODAY)) {
        if (!p.toewijzingNummers.length) continue;
        messages.push({ wet: p.wet, xml: await toewijzingXml(m, p, { gemeentecode: '9999', berichtIdentificatie: `T${++n}`, dagtekening: TODAY }) });
      }
    }
  });
}, 180_000);
afterAll(async () => { await db?.close(); });

interface Tw { client: string; aanbieder: string; product: string; nummer: string; ingang: string; eind: string | null; reden: string | null }

function toewijzingen(xml: string): Tw[] {
  const b = readMessage(xml);
  return (b.Client.ToegewezenProducten.ToegewezenProduct as Record<string, any>[]).map((t) => ({
    client: b.Client.Bsn, aanbieder: b.Header.Ontvanger, product: `${t.Product?.Categorie}/${t.Product?.Code ?? ''}`, nummer: t.ToewijzingNummer,
    ingang: t.Ingangsdatum, eind: t.Einddatum ?? null, reden: t.RedenWijziging ?? null,
  }));
}

const withdrawn = (t: Tw) => t.reden === '13' && t.eind === t.ingang;
const overlap = (a: Tw, b: Tw) => (a.eind === null || b.ingang <= a.eind) && (b.eind === null || a.ingang <= b.eind);

function overlaps(list: Tw[]): string[] {
  const out: string[] = [];
  const live = list.filter((t) => !withdrawn(t));
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!, b = live[j]!;
      if (a.nummer !== b.nummer && a.client === b.client && a.aanbieder === b.aanbieder && a.product === b.product && overlap(a, b)) {
        out.push(`${a.client} ${a.aanbieder} ${a.product}: ${a.nummer} (${a.ingang}..${a.eind}) and ${b.nummer} (${b.ingang}..${b.eind})`);
      }
    }
  }
  return out;
}

describe('iWmo over the demo municipality', () => {
  it('produces messages, all valid against the XSDs', () => {
    expect(messages.length).toBeGreaterThan(50);
    for (const wet of ['wmo', 'jeugdwet'] as const) {
      const xmls = messages.filter((x) => x.wet === wet).map((x) => x.xml);
      const res = validateMany(xmls, xsdPath(wet === 'wmo' ? 'iwmo-3.2' : 'ijw-3.2', wet === 'wmo' ? 'WMO301.xsd' : 'JW301.xsd'));
      expect(res.filter((r) => !r.ok).flatMap((r) => r.errors).slice(0, 5)).toEqual([]);
    }
  });

  it('no two toewijzingen for one client, product and aanbieder overlap: per message and over all messages', () => {
    for (const m of messages) expect(overlaps(toewijzingen(m.xml))).toEqual([]);
    // The latest state of each toewijzing over all messages, as the aanbieder holds it.
    const latest = new Map<string, Tw>();
    for (const m of messages) for (const t of toewijzingen(m.xml)) latest.set(`${t.aanbieder}/${t.nummer}`, t);
    expect(overlaps([...latest.values()])).toEqual([]);
  });

  it('the wijzigingen in the demo end the toewijzing they replace, with a RedenWijziging', () => {
    const ended = messages.flatMap((m) => toewijzingen(m.xml)).filter((t) => t.reden !== null);
    expect(ended.length).toBeGreaterThan(0);
    expect(new Set(ended.map((t) => t.reden))).toContain('05');
    for (const t of ended) expect(t.eind).not.toBeNull();
  });
});
