import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * One IPC channel: a zod `input` and `output` schema and the roles that may call it. Main
 * validates every input and checks `roles` before a service runs; the renderer's types are
 * derived from the channel table, never written twice. `roles: 'public'` channels work without
 * an unlocked session; 'any' means every logged-in user.
 */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[] | 'public' | 'any';
  /** Changes data: refused for auditors whatever `roles` says. */
  writes: boolean;
  /** Why a role outside `roles` is refused, when "your role may not" says too little. */
  refusal?: string;
}

/** Keeps the literal `roles` (so handlers of 'public' channels are typed with a nullable session). */
export const ch = <I extends z.ZodType, O extends z.ZodType, R extends ChannelDef['roles']>(d: ChannelDef<I, O> & { roles: R }) => d;

export const STAFF = ['consulent', 'besluitbevoegd', 'administratie', 'auditor', 'beheerder'] as const;
/** Lists and metadata of cases (werkvoorraad, search, archive): the auditor included. */
export const CASE_READERS = ['consulent', 'besluitbevoegd', 'administratie', 'auditor'] as const;
/**
 * Content of a case (client record, beschikking, letters): what printing needs, so administratie
 * too; the hulpvraag and the gespreksverslag only for CASE_WRITERS. The auditor opens content only
 * through 'audit.inzage' (with a logged reason).
 */
export const CONTENT_READERS = ['consulent', 'besluitbevoegd', 'administratie'] as const;
export const CASE_WRITERS = ['consulent', 'besluitbevoegd'] as const;
