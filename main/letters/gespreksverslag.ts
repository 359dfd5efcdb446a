// Gespreksverslag: the written outcome of the onderzoek (Wmo 2015 art. 2.3.2), with topics a–e of
// lid 4, pgb and bijdrage explained, conclusions, and a field for the client's signature. In
// practice the signed verslag can count as the aanvraag (domain.md §1.1).
import type { Content } from 'pdfmake/interfaces';
import { datumNl, isBlank, opsomming } from './format';
import { aanhef, type LetterLayout, mm, p, sectionAll } from './layout';
import type { LetterData } from './types';

function alineas(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => p(t));
}

export function gespreksverslagLayout(d: LetterData): LetterLayout {
  const v = d.verslag!;
  const wanneer = v.gespreksDatum ? `Op ${datumNl(v.gespreksDatum)} hebben wij` : 'Wij hebben';
  const aanwezig = v.aanwezigen.filter((a) => !isBlank(a));
  const mail = isBlank(d.contactpersoon.email) ? '' : ` U kunt ook mailen naar ${d.contactpersoon.email}.`;
  const body: Content[] = [
    aanhef(d),
    p(
      `${wanneer} met u gesproken over uw hulpvraag. U meldde die bij ons op ${datumNl(d.melding.datum)}. ` +
        'In dit verslag leest u wat wij hebben besproken.',
    ),
  ];
  if (aanwezig.length) body.push(p(`Bij het gesprek waren: ${opsomming(aanwezig)}.`));
  body.push(
    ...sectionAll('Wat u nodig hebt', [
      p('Uw wensen, uw situatie en wat voor u belangrijk is (behoeften, persoonskenmerken en voorkeuren).'),
      ...alineas(v.behoeften),
    ]),
    ...sectionAll('Wat u zelf kunt', [
      p('Wat u zelf kunt en welke hulp uw huisgenoten gewoon horen te geven (eigen kracht en gebruikelijke hulp).'),
      ...alineas(v.eigenKracht),
    ]),
    ...sectionAll('Hulp van mensen om u heen', [
      p('Hulp van familie, vrienden of buren (mantelzorg en uw sociaal netwerk).'),
      ...alineas(v.netwerk),
    ]),
    ...sectionAll('Steun voor uw mantelzorger', alineas(v.mantelzorgOndersteuning)),
    ...sectionAll('Algemene voorzieningen', [
      p('Hulp die iedereen kan krijgen zonder besluit van de gemeente. Bijvoorbeeld een maaltijdservice of een buurthuis.'),
      ...alineas(v.algemeneVoorzieningen),
    ]),
    ...sectionAll('Persoonsgebonden budget (pgb)', [
      p(
        v.pgbUitgelegd
          ? 'Wij hebben u uitgelegd dat u ondersteuning ook als pgb kunt krijgen. Met een pgb kiest en betaalt u de hulp zelf.'
          : 'Wij hebben het pgb nog niet met u besproken. Wilt u weten wat een pgb is? Bel ons.',
      ),
    ]),
    ...sectionAll('Eigen bijdrage', [
      p(
        v.bijdrageUitgelegd
          ? 'Wij hebben u uitgelegd dat u voor de meeste ondersteuning een eigen bijdrage betaalt. Het CAK bepaalt hoe hoog die is en int de bijdrage.'
          : 'Wij hebben de eigen bijdrage nog niet met u besproken. Bel ons als u hier vragen over hebt.',
      ),
    ]),
    ...sectionAll('Conclusie', alineas(v.conclusies)),
    ...sectionAll('Wat moet u nu doen?', [
      p(
        'Lees het verslag goed. Klopt er iets niet of mist er iets? Schrijf dat op het verslag of bel ons. ' +
          'Klopt het verslag en wilt u de ondersteuning aanvragen? Zet dan uw handtekening onderaan en stuur ' +
          'het verslag naar ons terug. Dan zien wij het ondertekende verslag als uw aanvraag. ' +
          'Daarna nemen wij binnen 2 weken een besluit.',
      ),
      p(`Hebt u vragen? Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
    ]),
  );
  const after: Content[] = [
    {
      stack: [
        { text: 'Voor akkoord en als aanvraag', bold: true, margin: [0, 14, 0, 4] },
        {
          table: {
            widths: [mm(30), mm(80)],
            body: [
              ['Naam', d.client.naam],
              ['Datum', ' '],
              ['Handtekening', { text: ' ', margin: [0, 18, 0, 0] }],
            ],
          },
          layout: 'lightHorizontalLines',
        },
      ],
      unbreakable: true,
    } as Content,
  ];
  return { onderwerp: 'Verslag van ons gesprek over uw hulpvraag', title: `Gespreksverslag Wmo ${d.kenmerk}`, body, after };
}
