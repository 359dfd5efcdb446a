import { useEffect, useState } from 'react';

/** Hash routes (#/client/12): in-page navigation only, so Electron's will-navigate never fires. */
export function currentPath(): string {
  return decodeURI(window.location.hash.replace(/^#/, '')) || '/';
}

export function useRoute(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const on = () => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = a[i]!;
    else if (p[i] !== a[i]) return null;
  }
  return params;
}
