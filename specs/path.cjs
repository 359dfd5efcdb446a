'use strict';
// The one place that says where the vendored specifications live (see SOURCES.md beside this file).
// Build scripts (ESM) and tests (vitest, Playwright) import it; nothing reads specifications from
// outside the repository. CommonJS, because Playwright's test loader cannot take an ES module here.
const path = require('node:path');

exports.SPECS_DIR = __dirname;
/** The path of a file in the specs folder, e.g. specPath('iwmo-3.2', 'WMO301.xsd'). */
exports.specPath = (...parts) => path.join(__dirname, ...parts);
