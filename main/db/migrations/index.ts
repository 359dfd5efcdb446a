import { Initial0001 } from './0001-initial';
import { ClientSearch0002 } from './0002-client-search';

/** Every migration, in order. Listed explicitly: glob paths break once bundled. Never remove one. */
export const MIGRATIONS = [Initial0001, ClientSearch0002];
