/**
 * Narrow request/response types for the ZGW objects this exporter sends, derived from the
 * generated OpenAPI types (types.generated.ts, from shared/specs/zgw by build/gen-zgw-types.mjs).
 * A create body is the schema minus its readOnly properties.
 */
import type { BesluitenApi, DocumentenApi, ZakenApi } from './types.generated';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
/** Keys of T that are not `readonly` (i.e. not readOnly in the spec). */
export type WritableKeys<T> = {
  [P in keyof T]-?: IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, P, never>;
}[keyof T];
/** The request body for creating T: T without its readOnly properties. */
export type CreateBody<T> = Pick<T, WritableKeys<T>>;

type ZS = ZakenApi.components['schemas'];
type DS = DocumentenApi.components['schemas'];
type BS = BesluitenApi.components['schemas'];

export type Zaak = ZS['Zaak'];
export type ZaakCreate = CreateBody<ZS['Zaak']>;
export type Rol = ZS['Rol'];
export type RolNatuurlijkPersoonCreate = CreateBody<ZS['natuurlijk_persoon_Rol']>;
export type NatuurlijkPersoonIdentificatie = ZS['RolNatuurlijkPersoon'];
export type Status = ZS['Status'];
export type StatusCreate = CreateBody<ZS['Status']>;
export type ZaakInformatieObject = ZS['ZaakInformatieObject'];
export type ZaakInformatieObjectCreate = CreateBody<ZS['ZaakInformatieObject']>;
export type Resultaat = ZS['Resultaat'];
export type ResultaatCreate = CreateBody<ZS['Resultaat']>;
export type EnkelvoudigInformatieObject = DS['EnkelvoudigInformatieObject'];
export type EnkelvoudigInformatieObjectCreate = CreateBody<DS['EnkelvoudigInformatieObjectCreateLockRequest']>;
export type Besluit = BS['Besluit'];
export type BesluitCreate = CreateBody<BS['Besluit']>;
export type BesluitInformatieObject = BS['BesluitInformatieObject'];
export type BesluitInformatieObjectCreate = CreateBody<BS['BesluitInformatieObject']>;
export type Vertrouwelijkheidaanduiding = ZS['MaximaleVertrouwelijkheidaanduidingEnum'];

/** application/problem+json bodies (Fout / ValidatieFout). */
export type Fout = ZS['Fout'];
export type ValidatieFout = ZS['ValidatieFout'];
export type FieldValidationError = ZS['FieldValidationError'];

/** A created object always carries its own url. */
export type WithUrl<T> = T & { url: string };
