import type { HandlersFor } from './context';
import { transactional } from '../transaction';
import { listVoornemens, recordZienswijze, sendAanvulverzoek, sendVerdaging, sendVoornemen } from './procedure';

/** Handlers of the Awb procedure letters: voornemen and zienswijze, verdaging, aanvulverzoek. */
export const PROCEDURE_HANDLERS: HandlersFor<'voornemen.list' | 'voornemen.send' | 'voornemen.zienswijze' | 'letter.verdaging' | 'letter.aanvulverzoek'> = {
  'voornemen.list': transactional(listVoornemens),
  'voornemen.send': transactional(sendVoornemen),
  'voornemen.zienswijze': transactional(recordZienswijze),
  'letter.verdaging': transactional(sendVerdaging),
  'letter.aanvulverzoek': transactional(sendAanvulverzoek),
};
