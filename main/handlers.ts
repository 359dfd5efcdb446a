import type { ChannelName } from '../shared/ipc/channels';
import * as admin from './services/admin';
import * as beschikkingen from './services/beschikkingen';
import * as clients from './services/clients';
import type { Handler } from './services/context';
import { BEHEER_HANDLERS } from './services/beheer';
import { DESK_HANDLERS } from './services/desk';
import { EXPORT_HANDLERS } from './services/export';
import * as printing from './services/printing';
import * as zaken from './services/zaken';

export type { HandlerContext } from './services/context';


/** Channel → service function. Typed against the channel table, so a missing or mistyped handler does not compile. */
export const HANDLERS: { [C in ChannelName]: Handler<C> } = {
  'session.unlock': admin.unlockSession,
  'session.lock': admin.lockSession,
  'session.current': admin.currentSession,
  'session.activity': admin.sessionActivity,
  'session.changePassword': admin.changeOwnPassword,

  'client.create': clients.createClient,
  'client.update': clients.updateClient,
  'client.get': clients.getClient,
  'client.search': clients.searchClients,
  'client.timeline': zaken.clientTimeline,

  'household.create': clients.createHousehold,
  'household.get': clients.getHousehold,
  'household.updatePlan': clients.updateHouseholdPlan,

  'melding.create': zaken.createMelding,
  'melding.get': zaken.getMelding,
  'onderzoek.save': zaken.saveOnderzoek,
  'aanvraag.create': zaken.createAanvraag,
  'indicatie.create': zaken.createIndicatie,

  'termijn.verleng': zaken.verlengTermijn,
  'termijn.schortOp': zaken.schortTermijnOp,
  'termijn.hervat': zaken.hervatTermijn,

  'beschikking.create': beschikkingen.createBeschikking,
  'beschikking.update': beschikkingen.updateBeschikking,
  'beschikking.get': beschikkingen.getBeschikking,
  'beschikking.submit': beschikkingen.submitBeschikking,
  'beschikking.approve': beschikkingen.approveBeschikking,
  'beschikking.reject': beschikkingen.rejectBeschikking,
  'beschikking.overnemen': beschikkingen.takeOverBeschikking,
  'beschikking.preview': printing.previewBeschikking,

  'werkvoorraad.list': zaken.werkvoorraad,
  'accordering.queue': beschikkingen.accorderingQueue,
  'print.queue': beschikkingen.printQueue,
  'print.send': printing.sendLetters,
  'letter.get': printing.getLetter,
  'letter.melding': printing.sendMeldingLetter,

  'audit.verify': admin.auditVerify,
  'audit.list': admin.auditList,

  'settings.get': admin.getSettings,
  'settings.update': admin.updateSettings,
  'user.list': admin.usersList,
  'user.add': admin.userAdd,
  'user.remove': admin.userRemove,
  'user.resetPassword': admin.userResetPassword,

  ...EXPORT_HANDLERS,
  ...BEHEER_HANDLERS,
  ...DESK_HANDLERS,
};
