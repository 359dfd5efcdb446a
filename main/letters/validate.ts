// Which mandatory elements (domain.md §1.4, Awb 3:45–3:47, Wmo 2.3.2/2.3.5/2.3.6) are empty.
// Returns Dutch descriptions; an empty list means the letter may be printed.
import { isBlank } from './format';
import { vreemdeAfzender, vreemdeGrondslag } from './wet';
import type { LetterDataInput as LetterData, VoorzieningInput as Voorziening } from './types';

const TOEKENNEND = new Set(['toekenning', 'gedeeltelijke_toekenning', 'wijziging']);

export function missingElements(data: LetterData): string[] {
  const out: string[] = [];
  const need = (value: string | undefined | null, label: string) => {
    if (isBlank(value)) out.push(label);
  };

  // 1. Header (all letters)
  const g = data.gemeente;
  need(g?.naam, 'naam van de gemeente');
  need(g?.adres?.straat, 'adres van de gemeente (straat en huisnummer)');
  need(g?.adres?.postcode, 'postcode van de gemeente');
  need(g?.adres?.plaats, 'plaats van de gemeente');
  need(g?.telefoon, 'telefoonnummer van de gemeente');
  need(g?.ondertekenaar?.naam, 'ondertekenaar (naam)');
  need(g?.ondertekenaar?.functie, 'ondertekenaar (functie)');
  need(g?.mandaat, 'mandaat van de ondertekenaar (namens wie wordt getekend)');
  need(data.geadresseerde?.naam, 'naam van de geadresseerde');
  if (!data.geadresseerde?.adresregels?.some((r) => !isBlank(r))) out.push('adres van de geadresseerde');
  need(data.client?.naam, 'naam van de cliënt');
  if (data.client?.toonBsn) need(data.client.bsn, 'BSN van de cliënt (het staat aan om het te tonen)');
  need(data.kenmerk, 'kenmerk (zaaknummer)');
  need(data.datum, 'datum van de brief');
  need(data.contactpersoon?.naam, 'naam van de contactpersoon');
  need(data.contactpersoon?.telefoon, 'telefoonnummer van de contactpersoon');
  need(data.melding?.datum, 'datum van de melding');
  // Each law speaks for itself, its sender too: a Jeugdwet letter does not come from the "Wmo-loket".
  const wet = data.wet ?? 'wmo';
  const vreemd = vreemdeAfzender(wet, {
    'afdeling': g?.afdeling, 'e-mailadres': g?.email, 'functie van de ondertekenaar': g?.ondertekenaar?.functie, 'website': g?.website,
    'mandaat': g?.mandaat, 't.a.v. van het bezwaaradres': g?.bezwaarAdres?.tav, 'e-mailadres van de contactpersoon': data.contactpersoon?.email,
  });
  if (vreemd) {
    const naam = wet === 'jeugdwet' ? 'Jeugdwet' : 'Participatiewet';
    out.push(`een afzender voor de ${naam}: ${vreemd.veld} "${vreemd.tekst}" noemt de Wmo (Instellingen › Afzender per wet › ${naam})`);
  }

  if (data.soort === 'ontvangstbevestiging') {
    need(data.melding?.hulpvraag, 'hulpvraag van de melding');
  }

  if (data.soort === 'ontvangstbevestiging') {
    // The letter prints the real last days, not "binnen 6 weken" (domain.md §1.1).
    need(data.termijnen?.onderzoekUiterlijk, 'uiterste datum van het onderzoek');
    if ((data.wet ?? 'wmo') === 'wmo') need(data.termijnen?.persoonlijkPlanUiterlijk, 'uiterste datum voor het persoonlijk plan');
  }

  if (data.soort === 'voornemen') {
    const v = data.voornemen;
    if (!v) out.push('voornemen (wat wij van plan zijn, de reden en de termijn voor een zienswijze)');
    else {
      need(v.wat, 'wat wij van plan zijn');
      need(v.reden, 'reden van het voornemen');
      need(v.zienswijzeUiterlijk, 'uiterste datum voor de zienswijze');
    }
  }
  if (data.soort === 'verdaging') {
    const v = data.verdaging;
    if (!v) out.push('verdaging (oude en nieuwe termijn en de reden)');
    else {
      need(v.reden, 'reden van de verdaging');
      if (v.nieuwUiterlijk <= v.oorspronkelijkUiterlijk) out.push('een nieuwe termijn die na de oude termijn ligt');
    }
  }
  if (data.soort === 'aanvulverzoek') {
    const a = data.aanvulverzoek;
    if (!a || !a.ontbreekt.some((x) => !isBlank(x))) out.push('wat er ontbreekt aan de aanvraag');
    else need(a.hersteltermijnEinde, 'einde van de hersteltermijn');
  }

  if (data.soort === 'gespreksverslag') {
    const v = data.verslag;
    if (!v) {
      out.push('gespreksverslag (de onderwerpen a tot en met e van artikel 2.3.2 lid 4 Wmo 2015)');
    } else {
      need(v.behoeften, 'behoeften, persoonskenmerken en voorkeuren (a)');
      need(v.eigenKracht, 'eigen kracht en gebruikelijke hulp (b)');
      need(v.netwerk, 'mantelzorg en sociaal netwerk (c)');
      need(v.mantelzorgOndersteuning, 'ondersteuning van de mantelzorger (d)');
      need(v.algemeneVoorzieningen, 'algemene voorzieningen (e)');
      need(v.conclusies, 'conclusies van het gesprek');
    }
  }

  if (data.soort === 'beschikking') {
    const b = data.beschikking;
    const bz = g?.bezwaarAdres;
    if (!bz || isBlank(bz.postbusOfStraat) || isBlank(bz.postcode) || isBlank(bz.plaats)) {
      out.push('bezwaaradres van de gemeente');
    }
    if (!b) {
      out.push('besluit (de gegevens van de beschikking)');
      return out;
    }
    if (b.ambtshalve) {
      need(b.ambtshalve.aanleiding, 'aanleiding van het ambtshalve besluit');
      if (b.soort !== 'wijziging' && b.soort !== 'beeindiging') out.push('een besluit zonder aanvraag kan alleen een wijziging of beëindiging zijn');
    } else {
      need(b.aanvraagDatum, 'datum van de aanvraag');
    }
    if (b.soort === 'gedeeltelijke_toekenning' && !(b.nietToegekend ?? []).some((n) => !isBlank(n.wat) && !isBlank(n.waarom))) {
      out.push('wat niet is toegekend en waarom (gedeeltelijke toekenning)');
    }
    if (b.soort === 'wijziging' && !(b.vervalt ?? []).length) out.push('wat er stopt door de wijziging');
    // Each law speaks for itself: no Wmo grounds in a Jeugdwet or Participatiewet decision.
    if (vreemdeGrondslag(wet, b.wettelijkeGrondslag ?? [])) {
      out.push(`wettelijke grondslag uit de ${wet === 'jeugdwet' ? 'Jeugdwet' : 'Participatiewet'} (nu staat er een Wmo-artikel)`);
    }
    need(b.meldingDatum, 'datum van de melding');
    need(b.besluitTekst, 'besluit (tekst)');
    need(b.motivering, 'motivering');
    if (!b.wettelijkeGrondslag?.some((s) => !isBlank(s))) out.push('wettelijke grondslag (artikelen)');

    if (b.soort === 'wijziging' || b.soort === 'beeindiging') {
      need(b.vorigeBeschikkingKenmerk, 'kenmerk van het vorige besluit');
    }
    if (b.soort !== 'buiten_behandeling') {
      if (!b.voorzieningen?.length) {
        out.push(b.soort === 'afwijzing' ? 'gevraagde voorziening' : 'voorziening');
      }
    }
    for (const v of b.voorzieningen ?? []) {
      const naam = isBlank(v.productLabel) ? 'voorziening' : v.productLabel;
      need(v.productLabel, 'product van de voorziening');
      if (TOEKENNEND.has(b.soort)) checkToegekend(v, naam, out);
      if (b.soort === 'beeindiging' && isBlank(v.einddatum ?? undefined)) out.push(`einddatum van ${naam}`);
    }
  }
  return out;
}

function checkToegekend(v: Voorziening, naam: string, out: string[]) {
  if (isBlank(v.productcategorieLabel)) out.push(`productcategorie van ${naam}`);
  if (isBlank(v.ingangsdatum)) out.push(`ingangsdatum van ${naam}`);
  if (v.leveringsvorm === 'PGB') {
    if (v.budgetCents === undefined || v.budgetCents <= 0) out.push(`omvang of budget van ${naam} (pgb-bedrag)`);
    if (!v.pgb || isBlank(v.pgb.berekening) || isBlank(v.pgb.bron)) out.push(`berekening en tarief van het pgb voor ${naam}`);
  } else {
    const o = v.omvang;
    if (!o || !(o.volume > 0) || isBlank(o.eenheidLabel) || isBlank(o.frequentieLabel)) {
      out.push(`omvang of budget van ${naam}`);
    }
    if (!v.aanbieder || isBlank(v.aanbieder.naam)) out.push(`aanbieder van ${naam}`);
  }
}
