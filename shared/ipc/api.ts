import type { LoketCall } from './channels';

/**
 * The one object the preload exposes as `window.loket` (contextBridge). The preload declares its
 * implementation with `satisfies LoketApi`, the renderer's global.d.ts types `window.loket` with
 * it, and the Playwright bridge installs the same shape: one definition, never written twice.
 */
export type LoketApi = { call: LoketCall };
