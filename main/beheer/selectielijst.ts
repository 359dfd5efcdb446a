/**
 * The Selectielijst gemeenten en intergemeentelijke organen 2020 results this desk uses
 * (procestype 8 "Voorzieningen verstrekken", jaar 2020). Copied from the shipped fixture
 * specs/selectielijst-2020/resultaten.json (VNG-Realisatie/VNG-referentielijsten);
 * test/unit/selectielijst.test.ts checks every field against that file, so an edit here that
 * drifts from the list fails the tests. `volledigNummer` is procestype.resultaat(.specifiek).
 */

export interface SelectielijstResultaat {
  volledigNummer: string;
  uuid: string;
  procestypeUuid: string;
  procestypeNummer: number;
  nummer: number;
  naam: string;
  omschrijving: string;
  waardering: 'vernietigen' | 'blijvend_bewaren';
  procestermijn: 'nihil' | 'bestaansduur_procesobject';
  /** ISO 8601 duration: P15Y, P42D. */
  bewaartermijn: string;
  generiekResultaatUuid: string | null;
}

export const SELECTIELIJST_2020: readonly SelectielijstResultaat[] = [
  {
    "volledigNummer": "8.1.1",
    "uuid": "d97defa2-764f-402c-b3d7-b8db60ae340b",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 1,
    "naam": "Verstrekt",
    "omschrijving": "WMO voorziening",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P15Y",
    "generiekResultaatUuid": "c61aa1a8-1583-433b-a889-b3f0d53383ba"
  },
  {
    "volledigNummer": "8.1.2",
    "uuid": "194e611f-3cfd-4e94-88c8-0b7e50824925",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 2,
    "naam": "Verstrekt",
    "omschrijving": "Individuele jeugdhulp voorziening",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P20Y",
    "generiekResultaatUuid": "c61aa1a8-1583-433b-a889-b3f0d53383ba"
  },
  {
    "volledigNummer": "8.1",
    "uuid": "c61aa1a8-1583-433b-a889-b3f0d53383ba",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 1,
    "naam": "Verstrekt",
    "omschrijving": "",
    "waardering": "vernietigen",
    "procestermijn": "bestaansduur_procesobject",
    "bewaartermijn": "P10Y",
    "generiekResultaatUuid": null
  },
  {
    "volledigNummer": "8.2",
    "uuid": "e2068367-1012-4795-984e-72901180ff80",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 2,
    "naam": "Geweigerd",
    "omschrijving": "",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P5Y",
    "generiekResultaatUuid": null
  },
  {
    "volledigNummer": "8.3",
    "uuid": "bef37fe5-c9f2-4f0b-a771-3e7c4f544bec",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 3,
    "naam": "Beëindigd",
    "omschrijving": "",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P10Y",
    "generiekResultaatUuid": null
  },
  {
    "volledigNummer": "8.3.1",
    "uuid": "0ff83d3e-19e0-450d-934c-dcaa932e7699",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 1,
    "naam": "Beëindigd",
    "omschrijving": "WMO voorziening",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P15Y",
    "generiekResultaatUuid": "bef37fe5-c9f2-4f0b-a771-3e7c4f544bec"
  },
  {
    "volledigNummer": "8.3.2",
    "uuid": "92f31ce7-edcc-4bd3-a56e-df3f35925a2d",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 2,
    "naam": "Beëindigd",
    "omschrijving": "Individuele jeugdhulp voorziening",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P20Y",
    "generiekResultaatUuid": "bef37fe5-c9f2-4f0b-a771-3e7c4f544bec"
  },
  {
    "volledigNummer": "8.4.1",
    "uuid": "8064f4fd-0741-4837-bfe7-c722c178c809",
    "procestypeUuid": "9be366e2-f63c-494a-8a77-62446251b006",
    "procestypeNummer": 8,
    "nummer": 1,
    "naam": "Afgebroken",
    "omschrijving": "Voorziening in Sociale domein",
    "waardering": "vernietigen",
    "procestermijn": "nihil",
    "bewaartermijn": "P42D",
    "generiekResultaatUuid": "a3388f94-be2c-440d-a03a-dd31f42bf0bd"
  }
];

export function selectielijstKlasse(volledigNummer: string): SelectielijstResultaat {
  const k = SELECTIELIJST_2020.find((r) => r.volledigNummer === volledigNummer);
  if (!k) throw new Error(`selectielijstklasse ${volledigNummer} ontbreekt`);
  return k;
}
