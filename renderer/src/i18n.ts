import { createContext, useContext } from 'react';

/**
 * The interface texts: Dutch first, English as a switch. A small typed dictionary: every key
 * that exists in Dutch must exist in English (the compiler checks). Texts from the router
 * (errors, labels of code lists) stay Dutch: they are the legal wording.
 */
const nl = {
  appName: 'Sociaal Loket',
  language: 'Taal',
  switchLanguage: 'English',
  login: 'Inloggen',
  loginTitle: 'Inloggen bij Sociaal Loket',
  loginIntro: 'Log in met uw eigen gebruikersnaam en wachtwoord. De gegevens blijven versleuteld op deze computer.',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  autoLocked: 'Het scherm is vergrendeld omdat u een tijd niets deed. Uw niet-opgeslagen invoer is bewaard.',
  lockNow: 'Vergrendelen',
  loggedInAs: 'Ingelogd als',
  nav: 'Hoofdmenu',
  navWerkvoorraad: 'Werkvoorraad',
  navAccordering: 'Accorderen',
  navPrint: 'Printen en verzenden',
  navClients: 'Cliënt zoeken',
  navNewClient: 'Nieuwe cliënt',
  navExport: 'Export zaaksysteem',
  navAudit: 'Toegangslog',
  navSettings: 'Instellingen',
  navUsers: 'Gebruikers en rollen',
  loading: 'Bezig met laden…',
  save: 'Opslaan',
  saved: 'Opgeslagen.',
  cancel: 'Annuleren',
  submit: 'Versturen',
  draftRestored: 'Uw eerdere invoer (concept) is teruggezet.',
  draftDiscard: 'Concept weggooien',
  draftNote: 'Wat u typt wordt als concept op deze computer bewaard tot u opslaat.',
  none: 'Geen.',
  notFoundPage: 'Deze pagina bestaat niet.',
  deadline: 'Termijn',
  status_op_tijd: 'Op tijd',
  status_deze_week: 'Verloopt deze week',
  status_verlopen: 'Verlopen',
  status_afgerond: 'Afgerond',
  status_opgeschort: 'Opgeschort',
  noDeadline: 'Geen termijn',
  onlyOverdue: 'Alleen verlopen termijnen',
  myCases: 'Mijn zaken',
  oneCase: 'zaak',
  manyCases: 'zaken',
  client: 'Cliënt',
  kenmerk: 'Kenmerk',
  wet: 'Wet',
  fase: 'Fase',
  wijk: 'Wijk',
  uiterlijk: 'Uiterlijk',
  approve: 'Accorderen (vaststellen)',
  reject: 'Terugsturen',
  rejectReason: 'Reden van terugsturen',
  showLetter: 'Brief bekijken',
  hideLetter: 'Brief verbergen',
  queueEmpty: 'Er staat niets klaar.',
  printSend: 'Printen en verzenden',
  printCancel: 'Stoppen na deze reeks',
  printProgress: 'Voortgang',
  printDone: 'Klaar.',
  printDownload: 'PDF opslaan',
  selectAll: 'Alles kiezen',
  searchLabel: 'Zoek op BSN, naam, postcode + huisnummer of geboortedatum',
  searchHint: 'Resultaten verschijnen terwijl u typt.',
  noResults: 'Niets gevonden.',
  exportTitle: 'Export naar het zaaksysteem',
  exportNotSet: 'Export naar het zaaksysteem: nog niet ingericht.',
  auditTitle: 'Toegangslog',
  verify: 'Keten controleren',
  older: 'Oudere regels',
  settingsTitle: 'Instellingen van de gemeente',
  usersTitle: 'Gebruikers en rollen',
} as const;

export type TextKey = keyof typeof nl;

const en: Record<TextKey, string> = {
  appName: 'Sociaal Loket',
  language: 'Language',
  switchLanguage: 'Nederlands',
  login: 'Log in',
  loginTitle: 'Log in to Sociaal Loket',
  loginIntro: 'Log in with your own user name and password. The data stay encrypted on this computer.',
  username: 'User name',
  password: 'Password',
  autoLocked: 'The screen was locked because you were inactive. Your unsaved input has been kept.',
  lockNow: 'Lock',
  loggedInAs: 'Logged in as',
  nav: 'Main menu',
  navWerkvoorraad: 'Work queue',
  navAccordering: 'Approvals',
  navPrint: 'Print and send',
  navClients: 'Find client',
  navNewClient: 'New client',
  navExport: 'Case system export',
  navAudit: 'Access log',
  navSettings: 'Settings',
  navUsers: 'Users and roles',
  loading: 'Loading…',
  save: 'Save',
  saved: 'Saved.',
  cancel: 'Cancel',
  submit: 'Submit',
  draftRestored: 'Your earlier input (draft) has been restored.',
  draftDiscard: 'Discard draft',
  draftNote: 'What you type is kept as a draft on this computer until you save.',
  none: 'None.',
  notFoundPage: 'This page does not exist.',
  deadline: 'Deadline',
  status_op_tijd: 'On time',
  status_deze_week: 'Due this week',
  status_verlopen: 'Overdue',
  status_afgerond: 'Completed',
  status_opgeschort: 'Suspended',
  noDeadline: 'No deadline',
  onlyOverdue: 'Overdue deadlines only',
  myCases: 'My cases',
  oneCase: 'case',
  manyCases: 'cases',
  client: 'Client',
  kenmerk: 'Reference',
  wet: 'Act',
  fase: 'Stage',
  wijk: 'District',
  uiterlijk: 'Due',
  approve: 'Approve (adopt)',
  reject: 'Send back',
  rejectReason: 'Reason for sending back',
  showLetter: 'Show letter',
  hideLetter: 'Hide letter',
  queueEmpty: 'Nothing is waiting.',
  printSend: 'Print and send',
  printCancel: 'Stop after this batch',
  printProgress: 'Progress',
  printDone: 'Done.',
  printDownload: 'Save PDF',
  selectAll: 'Select all',
  searchLabel: 'Search by BSN, name, postcode + house number or date of birth',
  searchHint: 'Results appear as you type.',
  noResults: 'Nothing found.',
  exportTitle: 'Export to the case system',
  exportNotSet: 'Export to the case system: not set up yet.',
  auditTitle: 'Access log',
  verify: 'Verify chain',
  older: 'Older entries',
  settingsTitle: 'Municipality settings',
  usersTitle: 'Users and roles',
};

export type Lang = 'nl' | 'en';
export const DICTIONARIES: Record<Lang, Record<TextKey, string>> = { nl, en };

export interface I18n {
  lang: Lang;
  t: (key: TextKey) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'nl', t: (k) => nl[k], setLang: () => {} });

export function useT(): I18n {
  return useContext(I18nContext);
}

const LANG_KEY = 'loket:lang';
export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}
export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage unavailable: the switch still works for this session.
  }
}
