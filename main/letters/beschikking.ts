// The beschikking (decision letter) under the Wmo 2015, the Jeugdwet or the Participatiewet. Order: the decision first, then what the client gets,
// why, the eigen bijdrage, the client's duties, how to object, help and contact (domain.md §1.4).
// B1 Dutch (domain.md §7): "u", short active sentences, the point first, jargon explained.
import type { Content } from 'pdfmake/interfaces';
import { datumNl, euro, isBlank, mailZin, omvangNl, opsomming } from './format';
import { aanhef, b, kv, type LetterLayout, mm, p, sectionAll, ul } from './layout';
import { rolZin, type Stem, stem } from './stem';
import type { Beschikking, LetterData, Voorziening } from './types';
import { WET_TEKST, type WetTekst } from './wet';

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

function onderwerp(bs: Beschikking, w: WetTekst, s: Stem): string {
  const wat = bs.voorzieningen.length ? producten(bs) : w.hulp;
  switch (bs.soort) {
    case 'wijziging':
      return s.derde ? `Besluit: wij wijzigen de ${w.hulp} van ${s.u}` : `Besluit: wij wijzigen uw ${w.hulp}`;
    case 'beeindiging':
      return s.derde ? `Besluit: ${wat} voor ${s.u} stopt` : `Besluit: uw ${wat} stopt`;
    case 'buiten_behandeling':
      return `Besluit: wij nemen de aanvraag voor ${wat} niet in behandeling`;
    default:
      return `Besluit over de aanvraag voor ${wat}`;
  }
}

function vorigeBesluit(bs: Beschikking): string {
  return bs.vorigeBeschikkingKenmerk
    ? `ons besluit${bs.vorigeBeschikkingDatum ? ` van ${datumNl(bs.vorigeBeschikkingDatum)}` : ''} met kenmerk ${bs.vorigeBeschikkingKenmerk}`
    : 'ons vorige besluit';
}

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function besluitZin(bs: Beschikking, s: Stem): string[] {
  const wat = producten(bs);
  const vorige = vorigeBesluit(bs);
  const aanvraag = s.derde ? 'de aanvraag' : 'uw aanvraag';
  const wie = s.derde ? `${cap(s.uNaam)} krijgt` : 'U krijgt';
  switch (bs.soort) {
    case 'toekenning':
      return [`${wie} ${wat}. Wij hebben ${aanvraag} toegekend.`];
    case 'gedeeltelijke_toekenning':
      return [`${wie} een deel van wat is gevraagd. Wij hebben ${aanvraag} gedeeltelijk toegekend.`];
    case 'afwijzing':
      return [`${wie} geen ${wat}. Wij hebben besloten ${aanvraag} af te wijzen.`];
    case 'wijziging': {
      const start = [...new Set(bs.voorzieningen.map((v) => v.ingangsdatum))].sort()[0];
      const vanaf = start ? `Vanaf ${datumNl(start)} verandert` : 'Er verandert';
      return [
        `${vanaf} de ondersteuning van ${s.derde ? s.uNaam : 'u'}. Wij hebben besloten ${vorige} te wijzigen.`,
        'Dit besluit komt in de plaats van het vorige besluit.',
      ];
    }
    case 'beeindiging': {
      const data = [...new Set(bs.voorzieningen.map((v) => v.einddatum).filter((e): e is string => !!e))];
      const wanneer = data.length === 1 ? ` op ${datumNl(data[0]!)}` : '';
      return [
        `${s.derde ? `De ${wat} van ${s.uNaam}` : `Uw ${wat}`} stopt${wanneer}. Wij hebben besloten ${s.uw} ondersteuning te beëindigen.`,
        `Dit besluit verandert ${vorige}.`,
      ];
    }
    case 'buiten_behandeling':
      return [`Wij nemen ${aanvraag} niet in behandeling. Dat betekent dat wij geen besluit nemen over wat is gevraagd.`];
  }
}

function vormTekst(v: Voorziening): string {
  return v.leveringsvorm === 'PGB'
    ? 'Persoonsgebonden budget (pgb). U kiest en betaalt de hulp zelf, uit het budget.'
    : 'Zorg in natura. Een zorgaanbieder geeft de hulp. De gemeente betaalt de aanbieder.';
}

function voorzieningBlok(v: Voorziening, soort: Beschikking['soort'], rol: 'nieuw' | 'stopt' = 'nieuw'): Content {
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
  if (v.pgb && rol === 'nieuw') {
    rows.push(['Berekening', v.pgb.berekening]);
    rows.push([
      'Tarief',
      `${euro(v.pgb.tariefCents)} ${v.pgb.tariefEenheidLabel} voor ${v.pgb.zorgverlener === 'formeel' ? 'een professionele zorgverlener (formele hulp)' : 'iemand uit het eigen netwerk (informele hulp)'}. Dit tarief staat in ${v.pgb.bron}.`,
    ]);
  }
  if (v.aanbieder && !isBlank(v.aanbieder.naam)) rows.push(['Aanbieder', v.aanbieder.naam]);
  if (!isBlank(v.vervangt) && rol === 'nieuw') rows.push(['In plaats van', v.vervangt!]);
  if (soort === 'beeindiging' || rol === 'stopt') {
    rows.push(['Laatste dag', v.einddatum ? datumNl(v.einddatum) : 'zie hierboven']);
  } else {
    rows.push(['Vanaf', datumNl(v.ingangsdatum)]);
    rows.push(['Tot en met', v.einddatum ? datumNl(v.einddatum) : 'Geen einddatum (voor onbepaalde tijd)']);
  }
  return { stack: [b(v.productLabel), kv(rows)], unbreakable: true } as Content;
}

export function beschikkingLayout(d: LetterData): LetterLayout {
  const bs = d.beschikking!;
  const g = d.gemeente;
  const s = stem(d);
  const w = WET_TEKST[d.wet];
  const rol = rolZin(d);
  const body: Content[] = [aanhef(d), ...(rol ? [p(rol)] : [])];
  const toekennend = TOEKENNEND.has(bs.soort);

  // 1. The decision first; then what it answers: the aanvraag, or (ambtshalve) its own reason.
  const zinnen = besluitZin(bs, s);
  const waarover: Content[] = [];
  if (bs.ambtshalve) {
    const a = bs.ambtshalve;
    waarover.push(p(`Wij nemen dit besluit zelf, zonder aanvraag. De reden: ${a.aanleiding.trim().replace(/\.?$/, '.')}`));
    if (a.voornemenDatum) {
      waarover.push(
        p(
          `Op ${datumNl(a.voornemenDatum)} schreven wij dat wij dit van plan waren. U kon daarop reageren. ` +
            (isBlank(a.zienswijze) ? 'Wij hebben geen reactie ontvangen.' : `Uw reactie: ${a.zienswijze!.trim()} Wij hebben die meegewogen.`),
        ),
      );
    }
  } else if (bs.aanvraagDatum) {
    waarover.push(
      p(
        `Dit besluit gaat over ${s.derde ? 'de aanvraag' : 'uw aanvraag'} van ${datumNl(bs.aanvraagDatum)}. ` +
          `De hulpvraag kwam bij ons binnen op ${datumNl(bs.meldingDatum)}.`,
      ),
    );
  }
  body.push(
    ...sectionAll('Ons besluit', [
      p([b(zinnen[0]!), ...zinnen.slice(1).map((z) => ` ${z}`)] as Content[]),
      ...paragrafen(bs.besluitTekst),
      ...waarover,
    ]),
  );

  // 2. A wijziging: first what stops and on which last day, then what starts.
  const krijgt = s.derde ? `krijgt ${s.u}` : 'krijgt u';
  if (bs.soort === 'wijziging' && bs.vervalt.length) {
    body.push(...sectionAll('Wat stopt?', bs.vervalt.map((v) => voorzieningBlok(v, bs.soort, 'stopt'))));
  }
  if (bs.voorzieningen.length) {
    const start = [...new Set(bs.voorzieningen.map((v) => v.ingangsdatum))].sort()[0];
    const titel =
      bs.soort === 'toekenning'
        ? `Wat ${krijgt}?`
        : bs.soort === 'gedeeltelijke_toekenning'
          ? `Wat ${krijgt} wel?`
          : bs.soort === 'wijziging'
            ? `Wat ${krijgt} vanaf ${start ? datumNl(start) : 'nu'}?`
            : bs.soort === 'beeindiging'
              ? 'Welke ondersteuning stopt?'
              : 'Wat is gevraagd?';
    body.push(...sectionAll(titel, bs.voorzieningen.map((v) => voorzieningBlok(v, bs.soort))));
    if (toekennend && bs.voorzieningen.some((v) => v.leveringsvorm === 'ZIN')) {
      body.push(p('De zorgaanbieder neemt contact op. Samen worden dan afspraken gemaakt over de hulp.'));
    }
  }
  if (bs.soort === 'gedeeltelijke_toekenning' && bs.nietToegekend.length) {
    body.push(
      ...sectionAll(
        `Wat ${krijgt} niet?`,
        bs.nietToegekend.map((n) => ({ stack: [b(n.wat), p(`Waarom niet: ${n.waarom}`)], unbreakable: true }) as Content),
      ),
    );
  }

  // 2b. PGB: SVB, trekkingsrecht, zorgovereenkomst, verantwoording, misbruik, and the law's conditions.
  if (toekennend && bs.voorzieningen.some((v) => v.leveringsvorm === 'PGB')) {
    const vw = w.pgbVoorwaarden(s);
    body.push(
      ...sectionAll('Hoe werkt het pgb?', [
        p(
          'Het geld komt niet op een eigen rekening. De Sociale Verzekeringsbank (SVB) beheert het pgb. ' +
            'De SVB betaalt de zorgverlener uit het budget. Dit heet trekkingsrecht.',
        ),
        ul([
          'Er komt een zorgovereenkomst met de zorgverlener. Gebruik daarvoor het model van de SVB.',
          'De zorgverlener stuurt de uren of de factuur naar de SVB. Die worden dan goedgekeurd.',
          'Gebruik het budget alleen voor de hulp in dit besluit. Bewaar de bewijzen. Wij of de SVB kunnen daarom vragen.',
          'Wordt het budget voor iets anders gebruikt? Dan kunnen wij dit besluit intrekken en het geld terugvragen.',
        ]),
        ...(vw.items.length
          ? [p(`Een pgb kan alleen als aan deze voorwaarden is voldaan (${vw.artikel}):`), ul(vw.items), p('Wij hebben gezien dat dit zo is.')]
          : []),
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
  } else if (bs.soort !== 'beeindiging' && !bs.ambtshalve) {
    waarom.push(p(w.weging(s)));
    waarom.push(p('Wat wij hebben besproken, staat in het verslag van ons gesprek.'));
  }
  const grondslag = bs.wettelijkeGrondslag.filter((s) => !isBlank(s));
  waarom.push(p('Dit besluit is gebaseerd op:'), ul(grondslag));
  body.push(...sectionAll('Waarom hebben wij zo besloten?', waarom));

  // 4. Eigen bijdrage: the CAK for the Wmo only; jeugdhulp has none.
  if (toekennend && w.cakBijdrage) {
    body.push(
      ...sectionAll(
        'Is er een eigen bijdrage?',
        bs.eigenBijdrage
          ? [
              p(
                `Ja. Voor deze ondersteuning betaalt ${s.u} een eigen bijdrage. Het CAK bepaalt hoe hoog die is. ` +
                  'Het CAK int de bijdrage ook. Wij geven de gegevens daarvoor door aan het CAK. ' +
                  'Daarna komt er een brief van het CAK. Daarin staat hoeveel de bijdrage is en vanaf wanneer. ' +
                  'Meer informatie vindt u op www.hetcak.nl.',
              ),
            ]
          : [p(`Nee. Voor deze ondersteuning betaalt ${s.u} geen eigen bijdrage.`)],
      ),
    );
  } else if (toekennend && d.wet === 'jeugdwet') {
    body.push(...sectionAll('Is er een eigen bijdrage?', [p('Nee. Voor jeugdhulp betaalt u geen eigen bijdrage.')]));
  } else if (bs.soort === 'beeindiging' && bs.eigenBijdrage && w.cakBijdrage) {
    body.push(
      ...sectionAll('De eigen bijdrage stopt', [
        p('Wij geven aan het CAK door dat deze ondersteuning stopt. Dan stopt ook de eigen bijdrage hiervoor.'),
      ]),
    );
  }

  // 5. Client duties.
  if (toekennend) {
    body.push(
      ...sectionAll('Wat verwachten wij van u?', [
        ul([
          `Verandert er iets in de situatie van ${s.uObj}? Bijvoorbeeld de gezondheid, de woonsituatie of de hulp van mensen in de omgeving? Geef dit dan zo snel mogelijk aan ons door.`,
          'Gebruik de ondersteuning alleen waarvoor die bedoeld is.',
        ]),
        p(
          'Wij kunnen dit besluit opnieuw bekijken en veranderen (herzien) of intrekken. Dat kan als de ' +
            'situatie verandert. Of als wij onjuiste of onvolledige informatie hebben gekregen. Soms moet ' +
            'dan geld worden terugbetaald.',
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
        (s.derde
          ? `U kunt namens ${s.uObj} bezwaar maken. `
          : 'Iemand anders mag ook voor u bezwaar maken. Stuur dan een machtiging mee die u hebt ondertekend. ') +
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
  const mail = mailZin(d.contactpersoon);
  body.push(
    ...sectionAll('Hebt u vragen?', [
      p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
    ]),
  );

  return { onderwerp: onderwerp(bs, w, s), body, title: `Beschikking ${w.kort} ${d.kenmerk}` };
}

