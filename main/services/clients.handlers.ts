import type { HandlersFor } from './context';
import { transactional } from '../transaction';
import { createClient, createHousehold, getClient, getHousehold, searchClients, updateClient, updateHouseholdPlan } from './clients';

/** Handlers of the client and household channels: each runs one operation in one transaction. */
export const CLIENT_HANDLERS: HandlersFor<'client.create' | 'client.update' | 'client.get' | 'client.search' | 'household.create' | 'household.get' | 'household.updatePlan'> = {
  'client.create': transactional(createClient),
  'client.update': transactional(updateClient),
  'client.get': transactional(getClient),
  'client.search': transactional(searchClients),
  'household.create': transactional(createHousehold),
  'household.get': transactional(getHousehold),
  'household.updatePlan': transactional(updateHouseholdPlan),
};
