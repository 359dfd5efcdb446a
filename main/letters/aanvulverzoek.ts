// Request to complete the aanvraag (Awb 4:5) with a hersteltermijn; the beslistermijn is
// suspended until the information arrives or the term ends (Awb 4:15 lid 1 a).
import { datumNl, mailZin } from './format';
import { aanhef, type LetterLayout, p, sectionAll, ul } from './layout';
import { rolZin } from './stem';
import type { LetterData } from './types';
import { WET_TEKST } from './wet';

export function aanvulverzoekLayout(d: LetterData): LetterLayout {
  const a = d.aanvulverzoek!;
  const w = WET_TEKST[d.wet];
  const rol = rolZin(d);
  const mail = mailZin(d.contactpersoon);
  return {
    onderwerp: 'Wij hebben meer informatie nodig',
    title: `Verzoek om aanvulling ${w.kort} ${d.kenmerk}`,
    body: [
      aanhef(d),
      ...(rol ? [p(rol)] : []),
      p(`Op ${datumNl(a.aanvraagDatum)} kregen wij de aanvraag. Wij missen nog informatie om een besluit te nemen.`),
      ...sectionAll('Wat hebben wij nodig?', [ul(a.ontbreekt)]),
      ...sectionAll('Wanneer moet het binnen zijn?', [
        p(`Stuur de informatie uiterlijk op ${datumNl(a.hersteltermijnEinde)}. Noem daarbij ons kenmerk: ${d.kenmerk}.`),
        p(
          'Tot wij de informatie hebben, staat de termijn voor ons besluit stil. ' +
            'Krijgen wij de informatie niet op tijd? Dan kunnen wij besluiten de aanvraag niet te behandelen. ' +
            'Dat staat in artikel 4:5 van de Algemene wet bestuursrecht.',
        ),
      ]),
      ...sectionAll('Hebt u vragen?', [
        p(`Lukt het niet op tijd? Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail}`),
      ]),
    ],
  };
}
