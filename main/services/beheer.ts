import type { BEHEER_CHANNELS } from '../../shared/ipc/beheer-channels';
import { herindicatieLijst, miExport, miOverzicht } from '../beheer/mi';
import { besluitVerzoek, heffBeperkingOp, rectificeer, registreerVerzoek, verzoekenLijst } from '../beheer/rechten';
import {
  afsluitenZaak, beoordeelVoorstel, voerVernietigingUit, vernietigingLijst, voorstelVernietiging, zaakArchief,
} from '../beheer/retention';
import type { HandlerTable } from './context';

export const BEHEER_HANDLERS: HandlerTable<typeof BEHEER_CHANNELS> = {
  'mi.overzicht': miOverzicht,
  'mi.export': miExport,
  'mi.herindicatie': herindicatieLijst,

  'zaak.afsluiten': afsluitenZaak,
  'zaak.archief': zaakArchief,
  'vernietiging.lijst': vernietigingLijst,
  'vernietiging.voorstel': voorstelVernietiging,
  'vernietiging.goedkeuren': beoordeelVoorstel,
  'vernietiging.uitvoeren': voerVernietigingUit,

  'rechten.verzoek': registreerVerzoek,
  'rechten.lijst': verzoekenLijst,
  'rechten.besluit': besluitVerzoek,
  'rechten.rectificatie': rectificeer,
  'rechten.beperkingOpheffen': heffBeperkingOp,
};
