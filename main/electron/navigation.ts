import { pathToFileURL } from 'node:url';

/**
 * May the window (or an IPC sender frame) be at `url`? Only pages inside the app root: the
 * renderer's own files, served over `app://` or `file://`. Everything else is refused: http(s),
 * data:, javascript:, blob: top-level documents, other hosts, and paths that escape the root
 * with `..` (also when percent-encoded) or backslashes.
 *
 * `appRoot` is a URL ending in the renderer folder (`app://loket/`, `file:///…/dist/renderer/`)
 * or an absolute filesystem path to that folder. Pure: no Electron, no I/O.
 */
export function isAllowedUrl(url: string, appRoot: string): boolean {
  let target: URL;
  let root: URL;
  try {
    target = new URL(url);
    root = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(appRoot) ? appRoot : pathToFileURL(appRoot).href);
  } catch {
    return false;
  }
  if (root.protocol !== 'file:' && root.protocol !== 'app:') return false;
  if (target.protocol !== root.protocol) return false;
  if (target.host !== root.host) return false;
  if (target.username || target.password || target.port) return false;
  // The raw text must not try to climb out: the URL parser resolves `..` silently, so check the
  // original as well as the decoded path.
  const raw = url.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.pathname);
  } catch {
    return false;
  }
  if (/(^|[/\\])\.\.?([/\\]|$)/.test(safeDecode(raw)) || /[\\\0]/.test(decoded) || /(^|\/)\.\.(\/|$)/.test(decoded)) {
    return false;
  }
  const rootPath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  return target.pathname.startsWith(rootPath) || `${target.pathname}/` === rootPath;
}

function safeDecode(s: string): string {
  try {
    // Twice: `%252e%252e` decodes to `%2e%2e`, which some layers decode again.
    return decodeURIComponent(decodeURIComponent(s));
  } catch {
    return '..';
  }
}
