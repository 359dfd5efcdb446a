import type { HandlersFor } from './context';
import { transactional } from '../transaction';
import { accorderingQueue, takeOverBeschikking, approveBeschikking, createBeschikking, getBeschikking, printQueue, rejectBeschikking, submitBeschikking, updateBeschikking } from './beschikkingen';

/** Handlers of the beschikking channels and the accordering and print queues. */
export const BESCHIKKING_HANDLERS: HandlersFor<'beschikking.create' | 'beschikking.update' | 'beschikking.get' | 'beschikking.submit' | 'beschikking.approve' | 'beschikking.reject' | 'beschikking.overnemen' | 'accordering.queue' | 'print.queue'> = {
  'beschikking.create': transactional(createBeschikking),
  'beschikking.update': transactional(updateBeschikking),
  'beschikking.get': transactional(getBeschikking),
  'beschikking.submit': transactional(submitBeschikking),
  'beschikking.approve': transactional(approveBeschikking),
  'beschikking.reject': transactional(rejectBeschikking),
  'beschikking.overnemen': transactional(takeOverBeschikking),
  'accordering.queue': transactional(accorderingQueue),
  'print.queue': transactional(printQueue),
};
