import { Initial0001 } from './0001-initial';
import { ClientSearch0002 } from './0002-client-search';
import { Werkvoorraad0003 } from './0003-werkvoorraad';
import { Retention0004 } from './0004-retention';
import { Beeindiging0005 } from './0005-beeindiging';
import { NameChanges0006 } from './0006-name-changes';
import { Iwmo0009 } from './0009-iwmo';
import { Legal0008 } from './0008-legal';
import { VierOgen0010 } from './0010-vier-ogen';
import { InzageVerzoeken0010 } from './0010-inzage-verzoeken';
import { DatabaseId0011 } from './0011-database-id';
import { ServerCredentials0012 } from './0012-server-credentials';
import { Desk0013 } from './0013-desk';
import { TotpLastStep0014 } from './0014-totp-last-step';
import { Keuzelijsten0015 } from './0015-keuzelijsten';
import { Afschriften0016 } from './0016-afschriften';
import { WerkvoorraadStand0020 } from './0020-werkvoorraad-stand';
import { HotPathIndexes0021 } from './0021-hot-path-indexes';
import { WerkvoorraadTelling0022 } from './0022-werkvoorraad-telling';
import { ToegangslogGetoond0023 } from './0023-toegangslog-getoond';
import { ToegangslogKeuzes0024 } from './0024-toegangslog-keuzes';

/** Every migration, in order. Listed explicitly: glob paths break once bundled. Never remove one. */
export const MIGRATIONS = [
  Initial0001, ClientSearch0002, Werkvoorraad0003, Retention0004, Beeindiging0005, NameChanges0006,
  Legal0008,
  Iwmo0009,
  VierOgen0010, InzageVerzoeken0010,
  DatabaseId0011,
  ServerCredentials0012,
  Desk0013,
  TotpLastStep0014,
  Keuzelijsten0015,
  Afschriften0016,
  WerkvoorraadStand0020,
  HotPathIndexes0021,
  WerkvoorraadTelling0022,
  ToegangslogGetoond0023,
  ToegangslogKeuzes0024,
];
