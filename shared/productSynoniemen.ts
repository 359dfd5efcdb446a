import { productcategorieen, type Wet } from './codelists';
import { foldForSearch } from './names';

/**
 * The words people at the desk and clients use for a productcategorie ("douchen", "boodschappen",
 * "traplift"), so the picker finds the iWmo/iJw category without knowing its official name or code.
 * Per law, because Wmo (WMO020) and Jeugdwet (JZ020) have their own lists. A word may point to more
 * than one category ("vervoer": the service and the voorziening); the picker then offers both.
 */
export const PRODUCT_SYNONIEMEN: Record<'wmo' | 'jeugdwet', Readonly<Record<string, readonly string[]>>> = {
  wmo: {
    '01': ['huishoudelijke hulp', 'huishoudelijke ondersteuning', 'hbh', 'schoonmaken', 'schoonmaak', 'poetsen', 'stofzuigen', 'boodschappen',
      'wassen en strijken', 'was', 'strijken', 'koken', 'maaltijden', 'opruimen', 'bed verschonen'],
    '02': ['begeleiding individueel', 'ambulante begeleiding', 'dagstructuur', 'structuur', 'administratie', 'post', 'financien', 'geldzaken',
      'plannen', 'eenzaamheid', 'sociale contacten', 'zelfstandig wonen', 'thuisbegeleiding'],
    '03': ['douchen', 'wassen', 'aankleden', 'uitkleden', 'steunkousen', 'haren', 'scheren', 'toiletgang', 'tanden poetsen',
      'naar bed', 'opstaan', 'lichamelijke verzorging', 'pv', 'medicijnen innemen'],
    '04': ['logeren', 'logeeropvang', 'respijtzorg', 'ontlasten mantelzorger', 'weekendopvang'],
    '05': ['personenalarmering', 'alarmering', 'wonen met zorg', 'woonbegeleiding'],
    '07': ['dagbesteding', 'dagactiviteiten', 'activiteitencentrum', 'werkplaats', 'zinvolle dag', 'inloop'],
    '08': ['vervoer', 'regiotaxi', 'taxi', 'wmo vervoer', 'collectief vervoer', 'vervoer naar dagbesteding', 'deeltaxi'],
    '11': ['rolstoel', 'duwrolstoel', 'elektrische rolstoel', 'sportrolstoel'],
    '12': ['scootmobiel', 'scooter', 'driewielfiets', 'aangepaste fiets', 'autoaanpassing', 'vervoer', 'vervoersvoorziening',
      'taxikostenvergoeding', 'rolstoelauto'],
    '13': ['traplift', 'woningaanpassing', 'woonvoorziening', 'drempels', 'verhoogd toilet', 'badkamer aanpassen', 'aangepaste douche',
      'douche aanpassen', 'douchestoel', 'plafondlift', 'tillift', 'verhuiskosten', 'verhuizen', 'hellingbaan'],
    '14': ['hulpmiddel', 'communicatiehulpmiddel', 'tilband', 'anti decubitus'],
    '15': ['beschermd wonen', 'ggz wonen', 'begeleid wonen', 'psychiatrie'],
    '16': ['maatschappelijke opvang', 'dakloos', 'daklozenopvang', 'vrouwenopvang', 'nachtopvang', 'huiselijk geweld'],
    '17': ['spoed', 'crisis', 'crisisopvang', 'noodopvang'],
  },
  jeugdwet: {
    '40': ['douchen', 'wassen', 'aankleden', 'lichamelijke verzorging'],
    '41': ['dagbehandeling', 'behandeling overdag'],
    '42': ['vervoer', 'taxi', 'leerlingenvervoer'],
    '43': ['verblijf met behandeling', 'residentieel', 'leefgroep'],
    '44': ['verblijf', 'logeren', 'pleegzorg', 'gezinshuis', 'kamertraining'],
    '45': ['ambulant', 'opvoedondersteuning', 'gezinsbegeleiding', 'ouderbegeleiding', 'thuisbegeleiding', 'begeleiding', 'dyslexie'],
    '46': ['crisis', 'spoed', 'crisisopvang'],
    '47': ['jeugdreclassering', 'reclassering'],
    '48': ['jeugdbescherming', 'ondertoezichtstelling', 'ots', 'voogdij'],
    '51': ['basis ggz', 'psycholoog', 'angst', 'depressie'],
    '52': ['specialistische ggz', 'psychiater', 'autisme', 'adhd', 'trauma'],
  },
};

/**
 * How well a typed search fits a productcategorie: 0 is not at all. Every word typed must be found
 * (in the code, the official name or a synonym, from the start of a word); a synonym that is
 * exactly what was typed ranks first, a hit in the official name next.
 */
export function productScore(wet: Wet, code: string, omschrijving: string, zoek: string): number {
  const q = foldForSearch(zoek).trim();
  if (q === '') return 1;
  const naam = foldForSearch(omschrijving);
  const synoniemen = (wet === 'participatiewet' ? undefined : PRODUCT_SYNONIEMEN[wet][code])?.map(foldForSearch) ?? [];
  if (q === code || synoniemen.includes(q)) return 4;
  const termen = [code, naam, ...synoniemen];
  const woorden = q.split(' ');
  const gevonden = (w: string, t: string) => t.startsWith(w) || t.includes(` ${w}`);
  if (!woorden.every((w) => termen.some((t) => gevonden(w, t)))) return 0;
  return woorden.every((w) => gevonden(w, naam)) ? 3 : 2;
}

/** The productcategorieën of a law that fit a typed search, best first (the code list's order among equals). */
export function zoekProductcategorie(wet: Wet, zoek: string): string[] {
  return productcategorieen(wet)
    .map((c, i) => ({ code: c.code, i, score: productScore(wet, c.code, c.omschrijving, zoek) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.code);
}
