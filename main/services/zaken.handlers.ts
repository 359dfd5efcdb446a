import type { HandlersFor } from './context';
import { transactional } from '../transaction';
import { clientTimeline, createAanvraag, createIndicatie, createMelding, getMelding, hervatTermijn, saveOnderzoek, schortTermijnOp, verlengTermijn } from './zaken';

/** Handlers of the case channels (melding to indicatie, clocks). */
export const ZAAK_HANDLERS: HandlersFor<'client.timeline' | 'melding.create' | 'melding.get' | 'onderzoek.save' | 'aanvraag.create' | 'indicatie.create' | 'termijn.verleng' | 'termijn.schortOp' | 'termijn.hervat'> = {
  'client.timeline': transactional(clientTimeline),
  'melding.create': transactional(createMelding),
  'melding.get': transactional(getMelding),
  'onderzoek.save': transactional(saveOnderzoek),
  'aanvraag.create': transactional(createAanvraag),
  'indicatie.create': transactional(createIndicatie),
  'termijn.verleng': transactional(verlengTermijn),
  'termijn.schortOp': transactional(schortTermijnOp),
  'termijn.hervat': transactional(hervatTermijn),
};
