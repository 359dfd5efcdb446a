/**
 * What the app knows about a client, as the Client part of a WMO301/JW301: name, BRP address,
 * phone and e-mail, the WettelijkeVertegenwoordiging (WJ003) and the Relaties (COD472) from the
 * client's representatives, so the aanbieder knows whom to contact and who decides.
 */
import type { ClientRow, RepresentativeRow } from '../../db/entities';
import type { ClientInput as IwmoClient } from './types';

const NAAMGEBRUIK: Record<string, '1' | '2' | '3' | '4'> = { E: '1', P: '2', V: '3', N: '4' };

/** WJ003: only a representative by court order or law; a gemachtigde or a parent with gezag is none of these. */
const VERTEGENWOORDIGING: Record<string, '06' | '07' | '08' | '09'> = {
  curator: '09', mentor: '08', bewindvoerder: '07',
};
/** The order in which WettelijkeVertegenwoordiging is chosen when there are several (one element). */
const VOORRANG = ['curator', 'mentor', 'bewindvoerder'];

/** COD472 Soort relatie per kind of representative. */
const RELATIE_SOORT: Record<string, '03' | '09' | '10' | '14' | '15'> = {
  curator: '03', bewindvoerder: '14', mentor: '15', ouder_voogd: '10', gemachtigde: '09',
};

/**
 * A Dutch phone number as CDT_Telefoon: the national number in digits (0 + area code) and the
 * country code as "0031". Foreign numbers keep their country code. Null when it is not a number.
 */
export function iwmoTelefoon(raw: string | null | undefined): { telefoonnummer: string; landnummer: string } | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s\-().]/g, '');
  // Country codes vary in length; the common European ones have two digits.
  const intl = /^(?:\+|00)(\d{2})(\d{6,12})$/.exec(compact);
  if (intl?.[1] === '31') return { telefoonnummer: `0${intl[2]!.replace(/^0/, '')}`, landnummer: '0031' }; // "+31 (0)20 …"
  if (intl) return { telefoonnummer: intl[2]!, landnummer: `00${intl[1]}` };
  if (/^0\d{9}$/.test(compact)) return { telefoonnummer: compact, landnummer: '0031' };
  return null;
}

const POSTCODE_PLAATS = /^(\d{4})\s?([A-Za-z]{2})\s+(.+)$/;
const STRAAT_HUISNUMMER = /^(.+?)\s+(\d{1,5})\s*([A-Za-z])?(?:[\s-]+(\S{1,4}))?$/;

/** The representative's office: an address line that is neither street nor postcode ("Bewindkantoor De Boer"). */
function organisatieUitRegels(regels: readonly string[]): string | undefined {
  const r = regels.map((x) => x.trim()).find((x) => x && !POSTCODE_PLAATS.test(x) && !STRAAT_HUISNUMMER.test(x) && !/^postbus\b/i.test(x));
  return r?.slice(0, 35);
}

/** The representative's postal address from the address lines ("Kerkstraat 1", "1234 AB Plaats"). */
function adresUitRegels(regels: readonly string[]): IwmoClient['adres'] | undefined {
  let postcode: string | undefined, plaats: string | undefined, straat: string | undefined, huisnummer: number | undefined;
  let huisletter: string | undefined, toevoeging: string | undefined;
  for (const r of regels.map((x) => x.trim())) {
    const pp = POSTCODE_PLAATS.exec(r);
    if (pp) { postcode = `${pp[1]}${pp[2]!.toUpperCase()}`; plaats = pp[3]!.slice(0, 80); continue; }
    const sh = STRAAT_HUISNUMMER.exec(r);
    if (sh && !straat) { straat = sh[1]!.slice(0, 24); huisnummer = Number(sh[2]); huisletter = sh[3]; toevoeging = sh[4]; }
  }
  if (!postcode && !straat) return undefined;
  return {
    ...(huisnummer !== undefined ? { huisnummer } : {}), ...(huisletter ? { huisletter } : {}), ...(toevoeging ? { huisnummerToevoeging: toevoeging } : {}),
    ...(postcode ? { postcode } : {}), ...(straat ? { straatnaam: straat } : {}), ...(plaats ? { plaatsnaam: plaats } : {}), landcode: 'NL',
  };
}

/** A representative as a Relatie: the whole name as the achternaam (the app keeps one name field). */
function relatie(r: RepresentativeRow, i: number): NonNullable<IwmoClient['relaties']>[number] {
  const telefoon = iwmoTelefoon(r.telefoon);
  const adres = adresUitRegels(r.adresregels);
  const organisatie = organisatieUitRegels(r.adresregels);
  return {
    nummer: `V${r.id}`, volgorde: i + 1, soort: RELATIE_SOORT[r.soort] ?? '09',
    naam: { geslachtsnaam: r.naam.slice(0, 200), naamgebruik: '1' },
    contact: {
      soort: '02', ...(adres ? { adres } : {}), ...(organisatie ? { organisatie } : {}), ...(telefoon ? { telefoon: [telefoon] } : {}),
      ...(r.email ? { emailadres: r.email.slice(0, 80) } : {}),
    },
  };
}

export function iwmoClient(c: ClientRow, vertegenwoordigers: readonly RepresentativeRow[] = []): IwmoClient {
  const adres = c.postcode || c.straat
    ? {
        ...(c.huisnummer !== null ? { huisnummer: c.huisnummer } : {}),
        ...(c.huisletter ? { huisletter: c.huisletter } : {}),
        ...(c.huisnummerToevoeging ? { huisnummerToevoeging: c.huisnummerToevoeging } : {}),
        ...(c.postcode ? { postcode: c.postcode.replace(/\s/g, '') } : {}),
        ...(c.straat ? { straatnaam: c.straat.slice(0, 24) } : {}),
        ...(c.woonplaats ? { plaatsnaam: c.woonplaats } : {}),
        landcode: 'NL',
      }
    : undefined;
  const telefoon = iwmoTelefoon(c.telefoon);
  const wettelijk = VOORRANG.map((s) => vertegenwoordigers.find((r) => r.soort === s)).find((r) => r !== undefined);
  return {
    bsn: c.bsn, geboortedatum: c.geboortedatum, geslacht: c.geslacht as '0' | '1' | '2',
    naam: {
      geslachtsnaam: c.geslachtsnaam, ...(c.voorvoegsel ? { voorvoegsel: c.voorvoegsel } : {}),
      ...(c.partnerGeslachtsnaam ? { partnernaam: { achternaam: c.partnerGeslachtsnaam, ...(c.partnerVoorvoegsel ? { voorvoegsel: c.partnerVoorvoegsel } : {}) } } : {}),
      voornamen: c.voornamen, ...(c.voorletters ? { voorletters: c.voorletters } : {}),
      naamgebruik: NAAMGEBRUIK[c.naamgebruik] ?? '1',
    },
    ...(wettelijk ? { wettelijkeVertegenwoordiging: VERTEGENWOORDIGING[wettelijk.soort] } : {}),
    ...(vertegenwoordigers.length ? { relaties: vertegenwoordigers.map(relatie) } : {}),
    ...(adres ? { adres } : {}),
    ...(telefoon ? { telefoon: [telefoon] } : {}),
    ...(c.email ? { emailadres: c.email.slice(0, 80) } : {}),
  };
}
