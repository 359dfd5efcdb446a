/**
 * An error meant for a person at the desk: a Dutch sentence that says what is wrong and what to
 * do, optionally naming the form field it belongs to. It crosses the IPC boundary as plain data.
 */
export class LoketError extends Error {
  constructor(
    readonly code: LoketErrorCode,
    message: string,
    readonly field?: string,
    /** The client the refused action was about: the router logs it; it never crosses IPC. */
    readonly clientId?: number,
  ) {
    super(message);
    this.name = 'LoketError';
  }

  toJSON(): LoketErrorData {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

export type LoketErrorCode =
  | 'invoer' // the input does not validate
  | 'niet_gevonden'
  | 'geen_toegang' // role or mandate missing
  | 'conflict' // duplicate, or a state transition that is not allowed
  | 'wachtwoord' // unlock failed
  | 'vergrendeld' // the session ended (idle, user removed, computer locked): log in again
  | 'opslag' // the database cannot be opened or is damaged
  | 'extern' // the central system refused or is unreachable
  | 'intern';

export interface LoketErrorData {
  code: LoketErrorCode;
  message: string;
  field?: string;
}
