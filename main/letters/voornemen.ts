// Voornemen (Awb 4:8): before we end, revise or reclaim on our own initiative, the client hears
// what we intend and why, and may react (zienswijze) until a set day.
import { datumNl, mailZin } from './format';
import { aanhef, type LetterLayout, p, sectionAll, ul } from './layout';
import { rolZin } from './stem';
import type { LetterData } from './types';
import { WET_TEKST } from './wet';

const ONDERWERP = {
  beeindiging: 'Wij zijn van plan de ondersteuning te stoppen',
  herziening: 'Wij zijn van plan ons besluit te veranderen',
  terugvordering: 'Wij zijn van plan geld terug te vragen',
} as const;

export function voornemenLayout(d: LetterData): LetterLayout {
  const v = d.voornemen!;
  const w = WET_TEKST[d.wet];
  const rol = rolZin(d);
  const mail = mailZin(d.contactpersoon);
  const besluit = v.vorigeBeschikkingKenmerk ? ` Het gaat om ons besluit met kenmerk ${v.vorigeBeschikkingKenmerk}.` : '';
  return {
    onderwerp: ONDERWERP[v.soort],
    title: `Voornemen ${w.kort} ${d.kenmerk}`,
    body: [
      aanhef(d),
      ...(rol ? [p(rol)] : []),
      ...sectionAll('Wat zijn wij van plan?', [
        p(`${v.wat.trim()}${v.perDatum ? ` Dat gaat in op ${datumNl(v.perDatum)}.` : ''}${besluit}`),
        p('Dit is nog geen besluit. Eerst mag u reageren.'),
      ]),
      ...sectionAll('Waarom?', [p(v.reden)]),
      ...sectionAll('U mag reageren', [
        p(
          `U kunt ons tot en met ${datumNl(v.zienswijzeUiterlijk)} laten weten wat u hiervan vindt. ` +
            'Dat mag in een brief, in een e-mail of in een gesprek. Dit heet een zienswijze (artikel 4:8 van de Algemene wet bestuursrecht).',
        ),
        ul([
          'Klopt er iets niet in wat wij schrijven? Vertel het ons.',
          'Zijn er dingen die wij moeten weten? Bijvoorbeeld over de gezondheid of de hulp van mensen in de omgeving.',
        ]),
        p('Wij lezen uw reactie voordat wij een besluit nemen. Daarna krijgt u een brief met ons besluit.'),
      ]),
      ...sectionAll('Hebt u vragen?', [
        p(`Bel dan ${d.contactpersoon.naam} via ${d.contactpersoon.telefoon}.${mail} Noem dan ons kenmerk: ${d.kenmerk}.`),
      ]),
    ],
  };
}
