/**
 * The one Content-Security-Policy of the renderer, sent as a response header (app:// protocol and
 * session.webRequest) and repeated in renderer/index.html's meta tag (keep the two identical; the
 * e2e server imports this constant too).
 *
 * Deviations from the baseline policy, and why:
 * - `frame-src blob:`: the beschikking letter preview shows the PDF from `beschikking.preview` in an
 *   <iframe> with a blob: URL made in the renderer. Without it `default-src 'self'` blocks it.
 *   `object-src` stays 'none' (we use <iframe>, not <object>).
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
  "frame-src blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
