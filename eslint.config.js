// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';

/**
 * The server may import only these parts of shared/crypto (an allow-list, so a new file is
 * client-only until someone decides otherwise): signature checks, encodings, formats.
 */
const SERVER_SAFE_CRYPTO = [
  '**/shared/crypto/*',
  ...['verify-*', 'sodium', 'encoding', 'canonical-json', '*-format', 'safety-number', 'errors'].flatMap((name) => [
    `!**/shared/crypto/${name}`,
    `!**/shared/crypto/${name}.js`,
  ]),
];

/** Every server file: no private-key crypto, no client code. */
const SERVER_IMPORT_PATTERNS = [
  {
    group: SERVER_SAFE_CRYPTO,
    message:
      'The server never decrypts or handles private keys: it may import only signature checks, encodings and formats from shared/crypto.',
  },
  { group: ['**/client/**'], message: 'Server code must not import client code.' },
];

/**
 * Layers of the server. An arrow is "may import"; every layer may import shared/.
 *
 *   composition (server/*.ts, server/composition/)   scripts/
 *        │  builds everything: imports anything
 *        ▼
 *   http       realtime                          db (repositories implement the ports)
 *     │          │                                │
 *     └──────────┴──────────► modules ◄───────────┘   a module may import another module
 *                                │                    (its ports.ts / types)
 *                                ▼
 *                             system (clock, deadline, group commit, …), observability (request
 *                                ▼     context, security log lines, metrics: any layer may record)
 *                             shared
 *
 * http and realtime translate a database outage through server/db/database-errors.ts, the one
 * part of db they may import. Nothing but composition and scripts imports db otherwise.
 */
const LAYERS = [
  { type: 'shared', pattern: 'shared/**', partialMatch: false },
  { type: 'system', pattern: 'server/system/**', partialMatch: false },
  { type: 'observability', pattern: 'server/observability/**', partialMatch: false },
  { type: 'modules', pattern: 'server/modules/**', partialMatch: false },
  { type: 'db', pattern: 'server/db/**', partialMatch: false },
  { type: 'http', pattern: 'server/http/**', partialMatch: false },
  { type: 'realtime', pattern: 'server/realtime/**', partialMatch: false },
  { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
  // Last: whatever else is under server/ (its top-level files, server/composition/) is composition.
  { type: 'composition', pattern: 'server/**', partialMatch: false },
];

/** The one db file http and realtime may import (see the drawing). */
const DATABASE_ERRORS = [{ category: 'database-errors', pattern: 'server/db/database-errors.ts' }];

/** Who may import whom (see the drawing above); anything not allowed here is an error. */
const LAYER_POLICIES = [
  { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
  { from: { element: { type: 'system' } }, allow: { to: { element: { types: { anyOf: ['shared', 'system'] } } } } },
  {
    from: { element: { type: 'observability' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'system', 'observability'] } } } },
  },
  {
    from: { element: { type: 'modules' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'system', 'observability', 'modules'] } } } },
  },
  {
    from: { element: { type: 'db' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'system', 'observability', 'modules', 'db'] } } } },
  },
  // http and realtime are two doors to the same modules: neither imports the other.
  {
    from: { element: { type: 'http' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'system', 'observability', 'modules', 'http'] } } } },
  },
  {
    from: { element: { type: 'realtime' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'system', 'observability', 'modules', 'realtime'] } } } },
  },
  {
    from: { element: { types: { anyOf: ['http', 'realtime'] } } },
    allow: { to: { element: { type: 'db' }, file: { categories: 'database-errors' } } },
  },
  {
    from: { element: { types: { anyOf: ['composition', 'scripts'] } } },
    allow: { to: { element: { types: { anyOf: LAYERS.map((layer) => layer.type) } } } },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'client/dist/', '.tools/', 'data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The rules of hooks and the React Compiler's checks; `npm run lint` allows no warnings.
    files: ['client/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The SDK also runs in Node (tests, national case-management systems): no DOM, no browser storage.
    files: ['client/sdk/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'Worker', 'indexedDB'].map(
          (name) => ({ name, message: 'client/sdk runs in Node too: keep browser APIs in client/src.' }),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', 'react', 'react-*'],
              message: 'client/sdk must not depend on the web app or React.',
            },
          ],
        },
      ],
    },
  },
  {
    // Habit 2: the server never decrypts. It may verify signatures (shared/crypto/verify*), nothing more.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: SERVER_IMPORT_PATTERNS }],
    },
  },
  {
    // Use cases know nothing of HTTP, sockets or the database driver. (A later block's options
    // replace an earlier one's for the same rule, so the server's patterns are repeated here.)
    files: ['server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SERVER_IMPORT_PATTERNS,
            {
              group: ['express', 'socket.io', 'mongoose'],
              message:
                "Modules know nothing of HTTP, sockets or the database driver: take what you need through the module's ports.",
            },
          ],
        },
      ],
    },
  },
  {
    // Layers (drawn above LAYERS): checked on every import between server/, shared/ and scripts/.
    files: ['server/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': LAYERS,
      'boundaries/files': DATABASE_ERRORS,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: LAYER_POLICIES }],
    },
  },
  // Last: formatting is Prettier's (`npm run format`); no lint rule argues with it.
  prettier,
);
