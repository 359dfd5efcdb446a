// Ontvangstbevestiging of a melding (Wmo 2015 art. 2.3.2 lid 1–3): we received it, what happens
// next (onderzoek within 6 weeks), the persoonlijk plan (7 days), free cliëntondersteuning.
import { datumNl, isBlank } from './format';
import { aanhef, type LetterLayout, p, sectionAll, ul } from './layout';
import type { LetterData } from './types';

export function ontvangstbevestigingLayout(d: LetterData): LetterLayout {
  const mail = isBlank(d.contactpersoon.email) ? '' : ` U kunt ook mailen naar ${d.contactpersoon.email}.`;
  return {
    onderwerp: 'Wij hebben uw melding ontvangen',
    title: `Ontvangstbevestiging melding Wmo ${d.kenmerk}`,
    body: [
      aanhef(d),
      p(
        `Op ${datumNl(d.melding.datum)} hebt u ons gevraagd om hulp of ondersteuning. Dat heet een melding. ` +
          'Met deze brief laten wij u weten dat wij uw melding hebben ontvangen.',
      ),
      ...sectionAll('Uw hulpvraag', [p(d.melding.hulpvraag)]),
      ...sectionAll('Wat gebeurt er nu?', [
        p(
          'Wij maken een afspraak met u voor een gesprek. In dat gesprek kijken wij samen met u wat u nodig hebt. ' +
            'En wat u zelf kunt, of met hulp van mensen om u heen. Dit heet het onderzoek. ' +
            'Wij zijn binnen 6 weken na uw melding klaar met het onderzoek (artikel 2.3.2 van de Wet ' +
            'maatschappelijke ondersteuning 2015).',
        ),
        p('Na het gesprek krijgt u een verslag. Daarna kunt u een aanvraag doen. Dan nemen wij een besluit.'),
      ]),
      ...sectionAll('Wat kunt u zelf doen?', [
        ul([
          'U mag ons binnen 7 dagen na uw melding een persoonlijk plan geven. Daarin schrijft u wat u nodig hebt ' +
            'en hoe u dat zelf ziet. Dat is niet verplicht.',
          'U mag iemand meenemen naar het gesprek. Bijvoorbeeld uw mantelzorger, een familielid of een buur.',
        ]),
      ]),
      ...sectionAll('Gratis hulp van een cliëntondersteuner', [
        p(
          'Een onafhankelijke cliëntondersteuner kan u helpen bij het gesprek en bij uw aanvraag. ' +
            'Die hulp is gratis. Ook uw mantelzorger kan hulp krijgen. Bel ons, dan brengen wij u in contact.',
        ),
      ]),
      ...sectionAll('Hebt u vragen?', [
        p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
      ]),
    ],
  };
}
