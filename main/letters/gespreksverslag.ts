// Gespreksverslag: the written outcome of the onderzoek (Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3),
// with the topics of the onderzoek, the support that is needed, the persoonlijk plan (received or
// not, and how it was used), pgb and bijdrage explained, conclusions and the client's remarks.
// Signing is not a condition for applying: the client can apply in any way (domain.md §1.1).
import type { Content } from 'pdfmake/interfaces';
import { datumNl, isBlank, mailZin, opsomming } from './format';
import { aanhef, type LetterLayout, mm, p, sectionAll } from './layout';
import { rolZin, stem } from './stem';
import type { LetterData } from './types';
import { WET_TEKST } from './wet';

function alineas(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => p(t));
}

export function gespreksverslagLayout(d: LetterData): LetterLayout {
  const v = d.verslag!;
  const s = stem(d);
  const w = WET_TEKST[d.wet];
  const wanneer = v.gespreksDatum ? `Op ${datumNl(v.gespreksDatum)} hebben wij` : 'Wij hebben';
  const aanwezig = v.aanwezigen.filter((a) => !isBlank(a));
  const mail = mailZin(d.contactpersoon);
  const rol = rolZin(d);
  const body: Content[] = [
    aanhef(d),
    ...(rol ? [p(rol)] : []),
    p(
      `${wanneer} ${s.derde ? `met u gesproken over de hulpvraag van ${s.uNaam.replace(/,$/, '')}` : 'met u gesproken over uw hulpvraag'}. De melding kwam bij ons binnen op ${datumNl(d.melding.datum)}. ` +
        'In dit verslag leest u wat wij hebben besproken.',
    ),
  ];
  if (aanwezig.length) body.push(p(`Bij het gesprek waren: ${opsomming(aanwezig)}.`));
  body.push(
    ...sectionAll(`Wat ${s.u} nodig ${s.hebt}`, [
      p('Wensen, situatie en wat belangrijk is (behoeften, persoonskenmerken en voorkeuren).'),
      ...alineas(v.behoeften),
    ]),
    ...sectionAll(`Wat ${s.u} zelf ${s.kunt}`, [
      p(
        d.wet === 'jeugdwet'
          ? 'Wat het kind en de ouders zelf kunnen (eigen mogelijkheden en probleemoplossend vermogen).'
          : 'Wat zelf lukt en welke hulp huisgenoten gewoon horen te geven (eigen kracht en gebruikelijke hulp).',
      ),
      ...alineas(v.eigenKracht),
    ]),
    ...sectionAll(s.derde ? 'Hulp van mensen in de omgeving' : 'Hulp van mensen om u heen', [
      p('Hulp van familie, vrienden of buren (mantelzorg en het sociaal netwerk).'),
      ...alineas(v.netwerk),
    ]),
    ...sectionAll(s.derde ? 'Steun voor de mantelzorger' : 'Steun voor uw mantelzorger', alineas(v.mantelzorgOndersteuning)),
    ...sectionAll('Algemene voorzieningen', [
      p('Hulp die iedereen kan krijgen zonder besluit van de gemeente. Bijvoorbeeld een maaltijdservice of een buurthuis.'),
      ...alineas(v.algemeneVoorzieningen),
    ]),
  );
  if (v.persoonlijkPlan) {
    const pp = v.persoonlijkPlan;
    body.push(
      ...sectionAll('Persoonlijk plan', [
        p(
          pp.ontvangenOp
            ? `Wij hebben op ${datumNl(pp.ontvangenOp)} een persoonlijk plan ontvangen.${isBlank(pp.gebruik) ? '' : ` ${pp.gebruik!.trim()}`}`
            : 'Wij hebben geen persoonlijk plan ontvangen. Dat hoeft ook niet.',
        ),
      ]),
    );
  }
  if (!isBlank(v.benodigdeOndersteuning)) {
    body.push(...sectionAll('Welke hulp is nodig?', alineas(v.benodigdeOndersteuning!)));
  }
  body.push(
    ...sectionAll('Persoonsgebonden budget (pgb)', [
      p(
        v.pgbUitgelegd
          ? `Wij hebben uitgelegd dat ${s.u} ${w.hulp} ook als pgb ${s.kunt} krijgen. Met een pgb kiest en betaalt ${s.u} de hulp zelf.`
          : 'Wij hebben het pgb nog niet besproken. Wilt u weten wat een pgb is? Bel ons.',
      ),
    ]),
  );
  if (w.cakBijdrage) {
    body.push(
      ...sectionAll('Eigen bijdrage', [
        p(
          v.bijdrageUitgelegd
            ? `Wij hebben uitgelegd dat ${s.u} voor de meeste ondersteuning een eigen bijdrage betaalt. Het CAK bepaalt hoe hoog die is en int de bijdrage.`
            : 'Wij hebben de eigen bijdrage nog niet besproken. Bel ons als u hier vragen over hebt.',
        ),
      ]),
    );
  } else if (d.wet === 'jeugdwet') {
    body.push(...sectionAll('Eigen bijdrage', [p('Voor jeugdhulp betaalt u geen eigen bijdrage.')]));
  }
  body.push(...sectionAll('Conclusie', alineas(v.conclusies)));
  if (!isBlank(v.opmerkingen)) body.push(...sectionAll('Opmerkingen', alineas(v.opmerkingen!)));
  body.push(
    ...sectionAll('Wat moet u nu doen?', [
      p(
        'Lees het verslag goed. Klopt er iets niet of mist er iets? Schrijf dat op het verslag of bel ons. ' +
          'Wij voegen uw opmerkingen toe aan het verslag.',
      ),
      p(
        `Wilt u de hulp aanvragen? Dat kan op elke manier: bel ons, schrijf ons, of stuur dit verslag ondertekend terug. ` +
          'U hoeft het verslag niet te ondertekenen om een aanvraag te doen. ' +
          `Na uw aanvraag nemen wij binnen ${w.beslisWeken} weken een besluit.`,
      ),
      p(`Hebt u vragen? Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
    ]),
  );
  const after: Content[] = [
    {
      stack: [
        { text: 'Voor gezien (niet verplicht)', bold: true, margin: [0, 14, 0, 4] },
        {
          table: {
            widths: [mm(30), mm(80)],
            body: [
              ['Naam', s.derde ? d.geadresseerde.naam : d.client.naam],
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
  return { onderwerp: 'Verslag van ons gesprek over de hulpvraag', title: `Gespreksverslag ${w.kort} ${d.kenmerk}`, body, after };
}
