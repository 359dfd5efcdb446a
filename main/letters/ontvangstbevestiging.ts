// Ontvangstbevestiging of a melding. Wmo 2015 art. 2.3.2 lid 1–3: we received it, the onderzoek
// (with its actual last day), the persoonlijk plan (its actual last day), free cliëntondersteuning.
// A Jeugdwet or Participatiewet melding gets its own text: no Wmo words, no persoonlijk plan term.
import { datumNl, mailZin } from './format';
import { aanhef, type LetterLayout, p, sectionAll, ul } from './layout';
import { rolZin, stem } from './stem';
import type { LetterData } from './types';
import { WET_TEKST } from './wet';

export function ontvangstbevestigingLayout(d: LetterData): LetterLayout {
  const s = stem(d);
  const w = WET_TEKST[d.wet];
  const t = d.termijnen;
  const mail = mailZin(d.contactpersoon);
  const rol = rolZin(d);
  const onderzoekKlaar = t.onderzoekUiterlijk
    ? `Wij zijn uiterlijk op ${datumNl(t.onderzoekUiterlijk)} klaar met het onderzoek`
    : 'Wij ronden het onderzoek zo snel mogelijk af';
  const onderzoek =
    d.wet === 'wmo'
      ? `${onderzoekKlaar} (artikel 2.3.2 van de Wet maatschappelijke ondersteuning 2015).`
      : `${onderzoekKlaar}.`;
  const zelf: string[] = [];
  if (w.persoonlijkPlan) {
    const tot = t.persoonlijkPlanUiterlijk ? `tot en met ${datumNl(t.persoonlijkPlanUiterlijk)}` : 'binnen 7 dagen na de melding';
    zelf.push(
      `U mag ons ${tot} een persoonlijk plan geven. Daarin schrijft u wat ${s.u} nodig ${s.hebt} ` +
        'en hoe u dat zelf ziet. Dat is niet verplicht.',
    );
  }
  zelf.push('U mag iemand meenemen naar het gesprek. Bijvoorbeeld een mantelzorger, een familielid of een buur.');
  const wieVraagt = s.derde ? `Op ${datumNl(d.melding.datum)} is voor ${s.uNaam} om hulp gevraagd.` : `Op ${datumNl(d.melding.datum)} hebt u ons gevraagd om hulp of ondersteuning.`;
  return {
    onderwerp: 'Wij hebben uw melding ontvangen',
    title: `Ontvangstbevestiging melding ${w.kort} ${d.kenmerk}`,
    body: [
      aanhef(d),
      ...(rol ? [p(rol)] : []),
      p(`${wieVraagt} Dat heet een melding. Met deze brief laten wij u weten dat wij de melding hebben ontvangen.`),
      ...sectionAll('De hulpvraag', [p(d.melding.hulpvraag)]),
      ...sectionAll('Wat gebeurt er nu?', [
        p(
          `Wij maken een afspraak voor een gesprek. In dat gesprek kijken wij samen wat ${s.u} nodig ${s.hebt}. ` +
            `En wat ${s.u} zelf ${s.kunt}, of met hulp van mensen in de omgeving. Dit heet het onderzoek. ${onderzoek}`,
        ),
        p(
          'Na het gesprek krijgt u een verslag. Daarna kunt u een aanvraag doen. Dan nemen wij een besluit, ' +
            `binnen ${w.beslisWeken} weken na de aanvraag.`,
        ),
      ]),
      ...sectionAll('Wat kunt u zelf doen?', [ul(zelf)]),
      ...sectionAll('Gratis hulp van een cliëntondersteuner', [
        p(
          'Een onafhankelijke cliëntondersteuner kan helpen bij het gesprek en bij de aanvraag. ' +
            'Die hulp is gratis. Ook een mantelzorger kan hulp krijgen. Bel ons, dan brengen wij u in contact.',
        ),
      ]),
      ...sectionAll('Hebt u vragen?', [
        p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
      ]),
    ],
  };
}
