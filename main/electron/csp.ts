/**
 * The one Content-Security-Policy of the renderer, sent as a response header (app:// protocol and
 * session.webRequest) and repeated in renderer/index.html's meta tag (keep the two identical; the
 * e2e server imports this constant too).
 *
 * Deviations from the baseline policy, and why:
 * - No frames: the beschikking letter preview is drawn by PDF.js on canvases (its worker is a
 *   script from 'self'), so neither a blob: frame nor Electron's `plugins` is needed.
 * - `style-src 'unsafe-inline'` was in the baseline: Mantine injects its CSS variables in a
 *   <style> element and floating elements (popovers, selects) position themselves with inline styles.
 * - `connect-src 'self'`: in a browser the same renderer talks to the team server that served it
 *   (fetch to /api on its own origin). In Electron 'self' is app://loket, which answers no API.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
