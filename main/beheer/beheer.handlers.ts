import type { BEHEER_CHANNELS } from '../../shared/ipc/beheer-channels';
import { herindicatieLijst, miExport, miOverzicht } from './mi';
import { besluitVerzoek, heffBeperkingOp, rectificeer, registreerVerzoek, verzoekenLijst } from './rechten';
import {
  afsluitenZaak, beoordeelVoorstel, voerVernietigingUit, vernietigingLijst, voorstelVernietiging, zaakArchief,
} from './retention';
import { purgeFreedPages } from '../db/sqlite/purge';
import { inTransaction, transactional } from '../transaction';
import type { HandlerTable } from '../services/context';

export const BEHEER_HANDLERS: HandlerTable<typeof BEHEER_CHANNELS> = {
  'mi.overzicht': transactional(miOverzicht),
  'mi.export': transactional(miExport),
  'mi.herindicatie': transactional(herindicatieLijst),

  'zaak.afsluiten': transactional(afsluitenZaak),
  'zaak.archief': transactional(zaakArchief),
  'vernietiging.lijst': transactional(vernietigingLijst),
  'vernietiging.voorstel': transactional(voorstelVernietiging),
  'vernietiging.goedkeuren': transactional(beoordeelVoorstel),
  // Destruction commits first; then no free page or WAL frame may keep the old content (VACUUM runs outside a transaction).
  'vernietiging.uitvoeren': async (ctx, input) => {
    const result = await inTransaction(ctx, (tx) => voerVernietigingUit(tx, input));
    return { ...result, opgeruimd: await purgeFreedPages(ctx.session.db) };
  },

  'rechten.verzoek': transactional(registreerVerzoek),
  'rechten.lijst': transactional(verzoekenLijst),
  'rechten.besluit': transactional(besluitVerzoek),
  'rechten.rectificatie': transactional(rectificeer),
  'rechten.beperkingOpheffen': transactional(heffBeperkingOp),
};
