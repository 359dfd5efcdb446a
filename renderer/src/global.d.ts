import type { LoketApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by main/electron/preload.ts (or the Playwright bridge): the one door to main. */
    readonly loket: LoketApi;
  }
}

export {};
