// Verdaging (Awb 4:14): before the term ends we tell the client that the decision takes longer,
// why, and the new last day.
import { datumNl, mailZin } from './format';
import { aanhef, type LetterLayout, p, sectionAll } from './layout';
import { rolZin } from './stem';
import type { LetterData } from './types';
import { WET_TEKST } from './wet';

export function verdagingLayout(d: LetterData): LetterLayout {
  const v = d.verdaging!;
  const w = WET_TEKST[d.wet];
  const rol = rolZin(d);
  const mail = mailZin(d.contactpersoon);
  return {
    onderwerp: 'Ons besluit duurt langer',
    title: `Verdaging ${w.kort} ${d.kenmerk}`,
    body: [
      aanhef(d),
      ...(rol ? [p(rol)] : []),
      p(
        `Op ${datumNl(v.aanvraagDatum)} kregen wij de aanvraag. Wij zouden uiterlijk op ` +
          `${datumNl(v.oorspronkelijkUiterlijk)} een besluit nemen. Dat lukt niet.`,
      ),
      ...sectionAll('Wanneer krijgt u ons besluit?', [
        p(
          `U krijgt ons besluit uiterlijk op ${datumNl(v.nieuwUiterlijk)}. ` +
            'Wij mogen de termijn zo verlengen; dat staat in artikel 4:14 van de Algemene wet bestuursrecht.',
        ),
      ]),
      ...sectionAll('Waarom duurt het langer?', [p(v.reden)]),
      ...sectionAll('Hebt u vragen?', [
        p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
      ]),
    ],
  };
}
