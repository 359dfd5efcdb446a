/**
 * Word lists for the demo generator: Dutch (and Dutch-resident) names with voorvoegsels,
 * diacritics and the ĳ ligature, streets per wijk, texts for verslagen. Fictional combinations only.
 */

/** [voorvoegsel, geslachtsnaam, weight]. */
export const ACHTERNAMEN: readonly (readonly [string, string, number])[] = [
  ['de', 'Jong', 9], ['', 'Jansen', 9], ['de', 'Vries', 9], ['van den', 'Berg', 7], ['van', 'Dijk', 7],
  ['', 'Bakker', 7], ['', 'Janssen', 6], ['', 'Visser', 6], ['', 'Smit', 6], ['', 'Meijer', 6],
  ['de', 'Boer', 6], ['', 'Mulder', 5], ['de', 'Groot', 5], ['', 'Bos', 5], ['', 'Vos', 5],
  ['', 'Peters', 5], ['', 'Hendriks', 5], ['van', 'Leeuwen', 4], ['', 'Dekker', 4], ['', 'Brouwer', 4],
  ['de', 'Wit', 4], ['', 'Dijkstra', 4], ['', 'Smits', 4], ['de', 'Graaf', 4], ['van der', 'Meer', 4],
  ['van der', 'Linden', 3], ['', 'Kok', 3], ['', 'Jacobs', 3], ['de', 'Haan', 3], ['', 'Vermeulen', 3],
  ['van den', 'Heuvel', 3], ['van der', 'Veen', 3], ['van den', 'Broek', 3], ['de', 'Bruijn', 3], ['de', 'Bruin', 3],
  ['van der', 'Heijden', 3], ['', 'Schouten', 3], ['van', 'Beek', 3], ['', 'Willems', 3], ['van', 'Vliet', 3],
  ['van de', 'Ven', 3], ['', 'Hoekstra', 3], ['', 'Maas', 3], ['', 'Verhoeven', 3], ['', 'Koster', 3],
  ['van', 'Dam', 3], ['van der', 'Wal', 2], ['', 'Prins', 2], ['', 'Blom', 2], ['', 'Huisman', 2],
  ['', 'Peeters', 2], ['de', 'Lange', 2], ['', 'Kuipers', 2], ['van', 'Wijk', 2], ['', 'Postma', 2],
  ['ter', 'Horst', 2], ['te', 'Velde', 2], ["van 't", 'Hof', 2], ["in 't", 'Veld', 2], ['den', 'Hartog', 2],
  ['op de', 'Beek', 1], ['van', 'Rijn', 2], ['ten', 'Cate', 1], ['van der', 'Zee', 2], ['uit den', 'Bogaard', 1],
  ["d'", 'Ancona', 1], ['', 'Ĳzerman', 1], ['', 'IJsselstein', 1], ['', 'IJpelaar', 1], ['van', 'IJzendoorn', 1],
  ['', 'Rijkaard', 1], ['', 'Stijnen', 1], ['', 'Wijnands', 1], ['', 'Boëtius', 1], ['', 'Hoëvenaars', 1],
  ['', 'Çelik', 2], ['', 'Yılmaz', 2], ['', 'Öztürk', 2], ['', 'Şahin', 1], ['', 'Kaya', 2],
  ['El', 'Amrani', 1], ['', 'Bouzid', 1], ['', 'Benali', 2], ['', 'Nguyễn', 1], ['', 'Müller', 1],
  ['', 'Kowalski', 1], ['', 'Nowak', 1], ['', 'Rodríguez', 1], ['', 'Fernández', 1], ['', 'Lindström', 1],
  ['', 'Zwart', 2], ['', 'Timmermans', 2], ['', 'Groen', 2], ['', 'Gerritsen', 2], ['', 'Kramer', 2],
  ['van', 'Vugt', 1], ['van', 'Loon', 2], ['', 'Sanders', 2], ['', 'Evers', 1], ['', 'Brink', 1],
];

export const VOORNAMEN_V = [
  'Anna', 'Maria', 'Johanna', 'Cornelia', 'Wilhelmina', 'Hendrika', 'Geertruida', 'Elisabeth', 'Margaretha', 'Catharina',
  'Ingrid', 'Marleen', 'Monique', 'Sandra', 'Petra', 'Wilma', 'Ria', 'Annie', 'Truus', 'Gerda',
  'Sanne', 'Fleur', 'Zoë', 'Noëlle', 'Chloë', 'Anouk', 'Esmée', 'Renée', 'Femke', 'Eline',
  'Fatima', 'Aïcha', 'Ayşe', 'Zeynep', 'Samira', 'Lotte', 'Emma', 'Julia', 'Saar', 'Tess',
  'Ĳsbrandina', 'IJda', 'Liët', 'Daniëlle', 'Mariëtte', 'Linh', 'Agnieszka', 'Lucía',
] as const;

export const VOORNAMEN_M = [
  'Jan', 'Pieter', 'Hendrik', 'Cornelis', 'Johannes', 'Willem', 'Gerrit', 'Dirk', 'Jacobus', 'Adrianus',
  'Kees', 'Henk', 'Gert', 'Wim', 'Theo', 'Frans', 'Klaas', 'Bert', 'Joop', 'Harm',
  'Jeroen', 'Daan', 'Sem', 'Luuk', 'Thijs', 'Ruben', 'Bram', 'Lars', 'Milan', 'Finn',
  'Mohammed', 'Youssef', 'Mehmet', 'Ahmet', 'Rachid', 'René', 'André', 'Joël', 'Raphaël', 'Noël',
  'IJsbrand', 'Ĳsbrand', 'Minh', 'Piotr', 'José', 'Björn',
] as const;

export interface Wijk {
  naam: string;
  /** Postcode digits for this wijk (4 digits, no leading 0). */
  postcodes: readonly number[];
  straten: readonly string[];
}

export const WOONPLAATS = 'Voorbeeldstad';

export const WIJKEN: readonly Wijk[] = [
  { naam: 'Centrum', postcodes: [7411, 7412], straten: ['Kerkstraat', 'Markt', 'Brink', 'Molenstraat', 'Nieuwstraat', 'Achter de Muren', "Sint-Jansstraat", 'Torenstraat'] },
  { naam: 'Noord', postcodes: [7413, 7414, 7415], straten: ['Noorderweg', 'Beukenlaan', 'Eikenlaan', 'Berkenstraat', 'Lindelaan', 'Kastanjeplein', 'Wilgenhof'] },
  { naam: 'Oost', postcodes: [7416, 7417], straten: ['Oosterstraat', 'Tulpstraat', 'Narcissenlaan', 'Rozenhof', 'Hyacintweg', 'Kamperfoeliepad'] },
  { naam: 'Zuid', postcodes: [7418, 7419, 7420], straten: ['Zuiderpark', 'Prins Bernhardlaan', 'Julianastraat', 'Beatrixlaan', 'Wilhelminaplein', 'Emmastraat', 'Irenestraat'] },
  { naam: 'West', postcodes: [7421, 7422], straten: ['Westerkade', 'Havenweg', 'Sluisstraat', 'Dijkgraafstraat', 'Polderweg', 'IJsselkade'] },
  { naam: 'De Hoven', postcodes: [7423, 7424], straten: ['Hovenlaan', 'Boomgaard', 'Appelhof', 'Perenweg', 'Kersenhof', 'Druivenlaan'] },
  { naam: 'Buitengebied', postcodes: [7425], straten: ['Esweg', 'Hessenweg', 'Veldweg', 'Broekweg', 'Heideweg'] },
];

/** Postcode letter pairs in use: SA, SD and SS are never issued. */
export const POSTCODE_LETTERS: readonly string[] = (() => {
  const out: string[] = [];
  const az = 'ABCDEFGHJKLMNPRSTVWXZ';
  for (const a of az) for (const b of az) if (!['SA', 'SD', 'SS'].includes(a + b)) out.push(a + b);
  return out;
})();

export const HULPVRAGEN_WMO = [
  'Mevrouw kan het huishouden niet meer zelf doen sinds haar heupoperatie.',
  'Meneer vereenzaamt en zoekt dagbesteding in de buurt.',
  'Cliënt kan niet meer zelfstandig douchen; de dochter helpt nu maar kan dat niet volhouden.',
  'Cliënt heeft een scootmobiel nodig om boodschappen te doen.',
  'De trap is niet meer te doen; vraag om een traplift.',
  'Mantelzorger is overbelast en vraagt om respijtzorg.',
  'Cliënt raakt het overzicht over post en afspraken kwijt en vraagt begeleiding.',
  'Vervoer naar de dagbesteding lukt niet meer met het openbaar vervoer.',
];

export const HULPVRAGEN_JEUGD = [
  'Ouders maken zich zorgen over het gedrag van hun zoon op school.',
  'Dochter heeft angstklachten en gaat niet meer naar school.',
  'Gezin vraagt ondersteuning bij de opvoeding na een scheiding.',
  'Kind met autisme heeft begeleiding nodig bij dagelijkse structuur.',
  'Huisarts verwijst voor jeugd-ggz vanwege somberheid.',
];

export const HULPVRAGEN_PW = [
  'Cliënt zoekt ondersteuning bij het vinden van werk na lange ziekte.',
  'Vraag om bijzondere bijstand voor een aangepast bed.',
];

export const VERSLAG = {
  behoeften: ['Cliënt wil zo lang mogelijk zelfstandig thuis blijven wonen.', 'Cliënt wil weer structuur in de week en contact met anderen.', 'Het gezin wil rust en duidelijkheid in huis.'],
  eigenKracht: ['Cliënt doet zelf de lichte taken; zwaar werk lukt niet meer.', 'Cliënt kan met hulp van een agenda veel zelf.', 'Ouders zijn betrokken en gemotiveerd.'],
  netwerk: ['Dochter komt twee keer per week; de buren doen boodschappen.', 'Weinig netwerk; een broer woont ver weg.', 'Grootouders helpen met oppassen.'],
  mantelzorg: ['Mantelzorger is geïnformeerd over respijtzorg en het mantelzorgcompliment.', 'Geen mantelzorger aanwezig.', 'Mantelzorger krijgt ondersteuning via het steunpunt.'],
  algemeen: ['Boodschappendienst en de maaltijdservice zijn besproken.', 'Het buurthuis en de ouderensoos zijn besproken.', 'Het jongerenwerk en de schoolmaatschappelijk werker zijn besproken.'],
  benodigd: ['Hulp bij het huishouden, 3 uur per week.', 'Begeleiding individueel, 2 uur per week.', 'Een aanpassing of hulpmiddel in natura.', 'Ambulante jeugdhulp.'],
  conclusie: ['Een maatwerkvoorziening is nodig; algemene voorzieningen zijn niet toereikend.', 'Cliënt komt in aanmerking voor ondersteuning zoals besproken.', 'Algemene voorzieningen zijn voldoende; geen maatwerkvoorziening nodig.'],
};

export const AANBIEDERS: readonly (readonly [string, string])[] = [
  ['75750001', 'Thuiszorg De Linde'],
  ['75750002', 'Zorggroep Voorbeeldstad'],
  ['75750003', 'Begeleiding Op Maat'],
  ['75750004', 'Dagcentrum De Brink'],
  ['75750005', 'Jeugdhulp Samen Sterk'],
  ['75750006', 'Hulpmiddelencentrum Oost'],
  ['75750007', 'Regiotaxi Voorbeeldstad'],
];

export const GRONDSLAG_WMO = ['Wmo 2015 art. 2.3.5', 'Verordening maatschappelijke ondersteuning Voorbeeldstad art. 5'];
export const GRONDSLAG_JEUGD = ['Jeugdwet art. 2.3', 'Verordening jeugdhulp Voorbeeldstad art. 4'];
