// Lint: typescript-eslint's recommended rules, and the layering of docs/ARCHITECTURE.md enforced.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import noImportCycle from './build/eslint/no-import-cycle.mjs';

const zone = (target, from, message) => ({ target, from, message });
const restrict = (...zones) => ['error', { zones: zones.flat() }];

/** Lower layers never import higher ones (main/, from low to high: see ARCHITECTURE.md). */
const UP = {
  store: ['./main/db', './main/auditlog.ts', './main/anchor.ts', './main/letters'],
  operations: ['./main/services', './main/export', './main/beheer', './main/demo', './main/vault.ts', './main/session-guard.ts'],
  top: ['./main/router.ts', './main/handlers.ts', './main/transaction.ts', './main/electron', './main/cli', './main/server'],
};

/** For all code: the process boundaries and the store below everything else in main/. */
const BASE = [
  zone('./shared', ['./main', './renderer'], 'shared/ runs in both processes: it imports only shared/ and zod.'),
  zone('./renderer', ['./main'], 'The renderer reaches main only through the router (window.loket).'),
  zone(UP.store, [...UP.operations, ...UP.top], 'The store and letters sit below the operations, handlers and router.'),
];
/** For operations (main/ below the handler layer). */
const BELOW_HANDLERS = [
  zone(UP.operations, UP.top, 'Operations sit below the handler layer, the router and the entry points: they take a TxContext.'),
  zone('./main', ['./main/**/*.handlers.ts'], 'A module never imports another module\'s handlers; call its operations.'),
];
/** For handler tables. */
const HANDLER_TABLE = [
  zone('./main', ['./main/**/*.handlers.ts'], 'A handler table imports operations, never another table.'),
  zone('./main', ['./main/router.ts', './main/handlers.ts', './main/electron', './main/cli', './main/server'], 'A handler table never imports the router, the merged table or an entry point.'),
];

const NO_ELECTRON = { name: 'electron', message: 'Only main/electron/ imports electron.' };
const ONE_CLOCK = [
  { group: ['**/shared/termijnen'], importNames: ['computeTermijn', 'bezwaarTermijnEinde'], message: 'Use atwKlok(tx) from main/services/atw.ts: it counts with the beheerder\'s days (Atw art. 3 lid 3).' },
  { group: ['**/shared/holidays'], importNames: ['atwEinde', 'plusWerkdagen', 'eersteWerkdagVanaf'], message: 'Use atwKlok(tx) from main/services/atw.ts: it counts with the beheerder\'s days (Atw art. 3 lid 3).' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.generated.ts'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, loket: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })] },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/src/**/*.{ts,tsx}'],
    rules: {
      'loket/no-import-cycle': 'error',
      'import-x/no-restricted-paths': restrict(BASE),
      'no-restricted-imports': ['error', { paths: [NO_ELECTRON] }],
    },
  },
  {
    // One clock: in main/, end dates come from AtwKlok (main/services/atw.ts), which carries the
    // beheerder's koninklijk-besluit days; the shared functions would silently count without them.
    files: ['main/**/*.ts'],
    ignores: ['main/services/atw.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: ONE_CLOCK }] },
  },
  {
    // Operations: everything in main/ below the handler layer.
    files: ['main/**/*.ts'],
    ignores: ['main/handlers.ts', 'main/transaction.ts', 'main/router.ts', 'main/**/*.handlers.ts', 'main/electron/**', 'main/cli/**', 'main/server/**'],
    rules: { 'import-x/no-restricted-paths': restrict(BASE, BELOW_HANDLERS) },
  },
  {
    files: ['main/**/*.handlers.ts'],
    rules: { 'import-x/no-restricted-paths': restrict(BASE, HANDLER_TABLE) },
  },
  {
    // CommonJS on purpose (the launchers in bin/, the specs path helper Playwright loads) uses require().
    files: ['bin/**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read JSON and protocol messages whose shape they assert: `any` is allowed there.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
