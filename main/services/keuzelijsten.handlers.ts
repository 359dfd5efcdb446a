import type { KEUZELIJST_CHANNELS } from '../../shared/ipc/keuzelijst-channels';
import { transactional } from '../transaction';
import type { HandlerTable } from './context';
import { aanbiederOpslaan, aanbieders, wijkOpslaan, wijken } from './keuzelijsten';

/** Handlers of the beheerder's pick lists (wijken, aanbieders). */
export const KEUZELIJST_HANDLERS: HandlerTable<typeof KEUZELIJST_CHANNELS> = {
  'keuzelijst.wijken': transactional((tx) => wijken(tx)),
  'keuzelijst.wijk.opslaan': transactional(wijkOpslaan),
  'keuzelijst.aanbieders': transactional((tx) => aanbieders(tx)),
  'keuzelijst.aanbieder.opslaan': transactional(aanbiederOpslaan),
};
