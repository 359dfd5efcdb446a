import type { BeschikkingSoort, BeschikkingStatus } from '../../../shared/schemas/zaak';

export const SOORT_LABELS: Record<BeschikkingSoort, string> = {
  toekenning: 'Toekenning',
  gedeeltelijke_toekenning: 'Gedeeltelijke toekenning',
  afwijzing: 'Afwijzing',
  wijziging: 'Wijziging',
  beeindiging: 'Beëindiging',
  buiten_behandeling: 'Buiten behandeling stellen',
};

export const STATUS_LABELS: Record<BeschikkingStatus, string> = {
  concept: 'Concept',
  ter_accordering: 'Ter accordering',
  vastgesteld: 'Vastgesteld',
  verzonden: 'Verzonden',
};

export const KANAAL_LABELS: Record<string, string> = {
  balie: 'Aan de balie', telefoon: 'Telefonisch', email: 'Per e-mail', brief: 'Per brief', digitaal: 'Digitaal formulier',
  huisbezoek: 'Bij huisbezoek', verwijzer: 'Via een verwijzer',
};
