// The Wmo beschikking (decision letter). Order: the decision first, then what the client gets,
// why, the eigen bijdrage, the client's duties, how to object, help and contact (domain.md §1.4).
// B1 Dutch (domain.md §7): "u", short active sentences, the point first, jargon explained.
import type { Content } from 'pdfmake/interfaces';
import { datumNl, euro, isBlank, omvangNl, opsomming } from './format';
import { aanhef, b, kv, type LetterLayout, mm, p, sectionAll, ul } from './layout';
import type { Beschikking, LetterData, Voorziening } from './types';

const TOEKENNEND = new Set<Beschikking['soort']>(['toekenning', 'gedeeltelijke_toekenning', 'wijziging']);

function paragrafen(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => p(t));
}

/** "Hulp bij het huishouden" → "hulp bij het huishouden" inside a sentence (keeps "PGB", "Wmo-taxi"). */
function inZin(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function producten(bs: Beschikking): string {
  return opsomming(bs.voorzieningen.map((v) => inZin(v.productLabel)));
}

function onderwerp(bs: Beschikking): string {
  const wat = bs.voorzieningen.length ? producten(bs) : 'ondersteuning uit de Wmo';
  switch (bs.soort) {
    case 'wijziging':
      return `Besluit: wij wijzigen uw ${wat}`;
    case 'beeindiging':
      return `Besluit: uw ${wat} stopt`;
    case 'buiten_behandeling':
      return `Besluit: wij nemen uw aanvraag voor ${wat} niet in behandeling`;
    default:
      return `Besluit over uw aanvraag voor ${wat}`;
  }
}

function besluitZin(bs: Beschikking): string[] {
  const wat = producten(bs);
  const vorige = bs.vorigeBeschikkingKenmerk
    ? `ons besluit${bs.vorigeBeschikkingDatum ? ` van ${datumNl(bs.vorigeBeschikkingDatum)}` : ''} met kenmerk ${bs.vorigeBeschikkingKenmerk}`
    : 'ons vorige besluit';
  switch (bs.soort) {
    case 'toekenning':
      return [`U krijgt ${wat}. Wij hebben uw aanvraag toegekend.`];
    case 'gedeeltelijke_toekenning':
      return [`U krijgt een deel van wat u hebt gevraagd. Wij hebben uw aanvraag gedeeltelijk toegekend.`];
    case 'afwijzing':
      return [`U krijgt geen ${wat}. Wij hebben besloten uw aanvraag af te wijzen.`];
    case 'wijziging':
      return [`Uw ondersteuning verandert. Wij hebben besloten ${vorige} te wijzigen. Dit besluit komt in de plaats van het vorige besluit.`];
    case 'beeindiging': {
      const data = [...new Set(bs.voorzieningen.map((v) => v.einddatum).filter((e): e is string => !!e))];
      const wanneer = data.length === 1 ? ` op ${datumNl(data[0]!)}` : '';
      return [
        `Uw ${wat} stopt${wanneer}. Wij hebben besloten uw ondersteuning te beëindigen.`,
        `Dit besluit verandert ${vorige}.`,
      ];
    }
    case 'buiten_behandeling':
      return [
        'Wij nemen uw aanvraag niet in behandeling. Dat betekent dat wij geen besluit nemen over wat u hebt gevraagd.',
      ];
  }
}

function vormTekst(v: Voorziening): string {
  return v.leveringsvorm === 'PGB'
    ? 'Persoonsgebonden budget (pgb). U kiest en betaalt de hulp zelf, uit het budget.'
    : 'Zorg in natura. Een zorgaanbieder geeft de hulp. De gemeente betaalt de aanbieder.';
}

function voorzieningBlok(v: Voorziening, soort: Beschikking['soort']): Content {
  const rows: [string, string][] = [];
  const cat = v.productcode ? `${v.productcategorieLabel} (productcode ${v.productcode})` : v.productcategorieLabel;
  if (!isBlank(cat)) rows.push(['Soort ondersteuning', cat]);
  if (soort === 'afwijzing' || soort === 'buiten_behandeling') {
    // pdfmake cannot lay out a table without rows.
    return { stack: [b(v.productLabel), ...(rows.length ? [kv(rows)] : [])], unbreakable: true } as Content;
  }
  rows.push(['Vorm', vormTekst(v)]);
  if (v.omvang) rows.push(['Hoeveel', omvangNl(v.omvang)]);
  if (v.leveringsvorm === 'PGB' && v.budgetCents !== undefined) {
    rows.push(['Budget', `${euro(v.budgetCents)} ${v.budgetPeriodeLabel ?? 'per jaar'}`]);
  }
  if (v.aanbieder && !isBlank(v.aanbieder.naam)) rows.push(['Aanbieder', v.aanbieder.naam]);
  if (soort === 'beeindiging') {
    rows.push(['Laatste dag', v.einddatum ? datumNl(v.einddatum) : 'zie hierboven']);
  } else {
    rows.push(['Vanaf', datumNl(v.ingangsdatum)]);
    rows.push(['Tot en met', v.einddatum ? datumNl(v.einddatum) : 'Geen einddatum (voor onbepaalde tijd)']);
  }
  return { stack: [b(v.productLabel), kv(rows)], unbreakable: true } as Content;
}

function weging(): Content {
  return p(
    'Wij kijken eerst naar wat u zelf kunt (eigen kracht) en naar de hulp die uw huisgenoten gewoon ' +
      'horen te geven (gebruikelijke hulp). Daarna kijken wij naar hulp van familie, vrienden of buren ' +
      '(mantelzorg en uw sociaal netwerk). En naar hulp die iedereen kan krijgen zonder besluit van de ' +
      'gemeente (algemene voorzieningen). Is dat niet genoeg? Dan krijgt u ondersteuning van de gemeente ' +
      '(een maatwerkvoorziening). Zo staat het in artikel 2.3.5 van de Wet maatschappelijke ondersteuning ' +
      '2015 (Wmo 2015).',
  );
}

export function beschikkingLayout(d: LetterData): LetterLayout {
  const bs = d.beschikking!;
  const g = d.gemeente;
  const body: Content[] = [aanhef(d)];
  const toekennend = TOEKENNEND.has(bs.soort);

  // 1. The decision first.
  body.push(
    ...sectionAll('Ons besluit', [
      p([b(besluitZin(bs)[0]!), ...besluitZin(bs).slice(1).map((s) => ` ${s}`)] as Content[]),
      ...paragrafen(bs.besluitTekst),
      p(
        `Dit besluit gaat over uw aanvraag van ${datumNl(bs.aanvraagDatum)}. ` +
          `U meldde uw hulpvraag bij ons op ${datumNl(bs.meldingDatum)}.`,
      ),
    ]),
  );

  // 2. The voorziening(en).
  if (bs.voorzieningen.length) {
    const titel =
      bs.soort === 'toekenning'
        ? 'Wat krijgt u?'
        : bs.soort === 'gedeeltelijke_toekenning'
          ? 'Wat krijgt u wel?'
          : bs.soort === 'wijziging'
            ? 'Wat krijgt u vanaf nu?'
            : bs.soort === 'beeindiging'
              ? 'Welke ondersteuning stopt?'
              : 'Wat hebt u gevraagd?';
    body.push(...sectionAll(titel, bs.voorzieningen.map((v) => voorzieningBlok(v, bs.soort))));
    if (toekennend && bs.voorzieningen.some((v) => v.leveringsvorm === 'ZIN')) {
      body.push(p('De zorgaanbieder neemt contact met u op. Samen maakt u afspraken over de hulp.'));
    }
  }

  // 2b. PGB: SVB, trekkingsrecht, zorgovereenkomst, verantwoording, misbruik.
  if (toekennend && bs.voorzieningen.some((v) => v.leveringsvorm === 'PGB')) {
    body.push(
      ...sectionAll('Hoe werkt uw pgb?', [
        p(
          'U krijgt het geld niet op uw eigen rekening. De Sociale Verzekeringsbank (SVB) beheert uw pgb. ' +
            'De SVB betaalt uw zorgverlener uit uw budget. Dit heet trekkingsrecht.',
        ),
        ul([
          'U sluit een zorgovereenkomst met uw zorgverlener. Gebruik daarvoor het model van de SVB.',
          'Uw zorgverlener stuurt de uren of de factuur naar de SVB. U keurt die goed.',
          'U gebruikt het budget alleen voor de hulp in dit besluit. Bewaar de bewijzen. Wij of de SVB kunnen daarom vragen.',
          'Gebruikt u het budget voor iets anders? Dan kunnen wij dit besluit intrekken en het geld terugvragen.',
        ]),
      ]),
    );
  }

  // 3. Motivation with legal grounds.
  const waarom: Content[] = [...paragrafen(bs.motivering)];
  if (bs.soort === 'buiten_behandeling') {
    waarom.push(
      p(
        'Is een aanvraag niet compleet? Dan mogen wij die niet in behandeling nemen. Wij moeten u wel eerst ' +
          'de kans geven om de aanvraag aan te vullen. Dat staat in artikel 4:5 van de Algemene wet ' +
          'bestuursrecht (Awb). U kunt altijd een nieuwe melding doen.',
      ),
    );
  } else if (bs.soort !== 'beeindiging') {
    waarom.push(weging());
    waarom.push(p('Wat wij met u hebben besproken, staat in het verslag van ons gesprek.'));
  }
  const grondslag = bs.wettelijkeGrondslag.filter((s) => !isBlank(s));
  waarom.push(p('Dit besluit is gebaseerd op:'), ul(grondslag));
  body.push(...sectionAll('Waarom hebben wij zo besloten?', waarom));

  // 4. Eigen bijdrage (CAK).
  if (toekennend) {
    body.push(
      ...sectionAll(
        'Betaalt u een eigen bijdrage?',
        bs.eigenBijdrage
          ? [
              p(
                'Ja. Voor deze ondersteuning betaalt u een eigen bijdrage. Het CAK bepaalt hoe hoog die is. ' +
                  'Het CAK int de bijdrage ook. Wij geven uw gegevens daarvoor door aan het CAK. ' +
                  'U krijgt daarna een brief van het CAK. Daarin staat hoeveel u betaalt en vanaf wanneer. ' +
                  'Meer informatie vindt u op www.hetcak.nl.',
              ),
            ]
          : [p('Nee. Voor deze ondersteuning betaalt u geen eigen bijdrage.')],
      ),
    );
  } else if (bs.soort === 'beeindiging' && bs.eigenBijdrage) {
    body.push(
      ...sectionAll('Uw eigen bijdrage', [
        p('Wij geven aan het CAK door dat deze ondersteuning stopt. Dan stopt ook de eigen bijdrage hiervoor.'),
      ]),
    );
  }

  // 5. Client duties.
  if (toekennend) {
    body.push(
      ...sectionAll('Wat verwachten wij van u?', [
        ul([
          'Verandert er iets in uw situatie? Bijvoorbeeld uw gezondheid, uw woonsituatie of de hulp van mensen om u heen? Geef dit dan zo snel mogelijk aan ons door.',
          'Gebruik de ondersteuning alleen waarvoor die bedoeld is.',
        ]),
        p(
          'Wij kunnen dit besluit opnieuw bekijken en veranderen (herzien) of intrekken. Dat kan als uw ' +
            'situatie verandert. Of als u ons onjuiste of onvolledige informatie hebt gegeven. Soms moet u ' +
            'dan geld terugbetalen.',
        ),
      ]),
    );
  }

  // 6. Bezwaar (Awb 3:45, 6:5, 6:7) with the informal route first.
  const bz = g.bezwaarAdres;
  const adres = [
    `Het college van burgemeester en wethouders van ${g.naam}`,
    ...(isBlank(bz.tav) ? [] : [`t.a.v. ${bz.tav}`]),
    bz.postbusOfStraat,
    `${bz.postcode} ${bz.plaats}`,
  ];
  const termijn = bs.bezwaarTermijnEinde
    ? ` De laatste dag om bezwaar te maken is ${datumNl(bs.bezwaarTermijnEinde)}.`
    : '';
  body.push(
    ...sectionAll('Bent u het niet eens met dit besluit?', [
      p(
        `Bel ons dan eerst. Dan kijken wij samen of wij het kunnen oplossen. ` +
          `Bel ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.`,
      ),
      p(
        `U kunt ook bezwaar maken. U schrijft dan een brief aan het college van burgemeester en wethouders ` +
          `van ${g.naam}. Die brief heet een bezwaarschrift. Doe dit binnen 6 weken na de datum van deze brief.` +
          termijn,
      ),
      p('Stuur uw bezwaarschrift naar:'),
      { text: adres.join('\n'), margin: [mm(8), 0, 0, 6] } as Content,
      p('Zet in uw bezwaarschrift:'),
      ul([
        'uw naam en adres;',
        'de datum;',
        `welk besluit u bedoelt. Noem ons kenmerk ${d.kenmerk} of stuur een kopie van deze brief mee;`,
        'waarom u het niet eens bent met het besluit;',
        'uw handtekening.',
      ]),
      p(
        'Iemand anders mag ook voor u bezwaar maken. Stuur dan een machtiging mee die u hebt ondertekend. ' +
          'Tijdens het bezwaar blijft dit besluit gelden.',
      ),
      p(
        'Is uw situatie dringend en kunt u niet wachten op de beslissing op uw bezwaar? Dan kunt u, als u ' +
          'bezwaar hebt gemaakt, de voorzieningenrechter van de rechtbank vragen om een voorlopige ' +
          'voorziening. Dat is een snelle, tijdelijke beslissing. Daarvoor betaalt u griffierecht.',
      ),
    ]),
  );

  // 7. Help and contact.
  body.push(
    ...sectionAll('Wilt u hulp?', [
      p(
        'Een onafhankelijke cliëntondersteuner kan u helpen. Bijvoorbeeld bij het lezen van deze brief of ' +
          'bij het maken van bezwaar. Die hulp is gratis. Bel ons, dan brengen wij u in contact.',
      ),
    ]),
  );
  const mail = isBlank(d.contactpersoon.email) ? '' : ` U kunt ook mailen naar ${d.contactpersoon.email}.`;
  body.push(
    ...sectionAll('Hebt u vragen?', [
      p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
    ]),
  );

  return { onderwerp: onderwerp(bs), body, title: `Beschikking Wmo ${d.kenmerk}` };
}

