import type { HandlersFor } from './context';
import { transactional } from '../transaction';
import { getLetter, previewBeschikking, sendLetters, sendMeldingLetter } from './printing';

/** Handlers of the letter channels: preview, sending (with its export jobs, in the same transaction), reprint. */
export const PRINT_HANDLERS: HandlersFor<'beschikking.preview' | 'print.send' | 'letter.get' | 'letter.melding'> = {
  'beschikking.preview': transactional(previewBeschikking),
  'print.send': transactional(sendLetters),
  'letter.get': transactional(getLetter),
  'letter.melding': transactional(sendMeldingLetter),
};
