// The one place that says where the vendored specifications live (see SOURCES.md beside this file).
// Build scripts and tests import it; nothing reads specifications from outside the repository.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SPECS_DIR = dirname(fileURLToPath(import.meta.url));

/** The path of a file in the specs folder, e.g. specPath('iwmo-3.2', 'WMO301.xsd'). */
export function specPath(...parts) {
  return join(SPECS_DIR, ...parts);
}
