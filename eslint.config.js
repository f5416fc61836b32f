// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The server may import only these parts of shared/crypto (an allow-list, so a new file is
 * client-only until someone decides otherwise): signature checks, encodings, formats.
 */
const SERVER_SAFE_CRYPTO = [
  '**/shared/crypto/*',
  ...['verify-*', 'sodium', 'encoding', 'canonical-json', '*-format', 'safety-number', 'errors']
    .flatMap((name) => [`!**/shared/crypto/${name}`, `!**/shared/crypto/${name}.js`]),
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
      'no-restricted-globals': ['error', ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'Worker', 'indexedDB']
        .map((name) => ({ name, message: 'client/sdk runs in Node too: keep browser APIs in client/src.' }))],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', 'react', 'react-*'], message: 'client/sdk must not depend on the web app or React.' }] }],
    },
  },
  {
    // Habit 2: the server never decrypts. It may verify signatures (shared/crypto/verify*), nothing more.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: SERVER_SAFE_CRYPTO, message: 'The server never decrypts or handles private keys: it may import only signature checks, encodings and formats from shared/crypto.' },
          { group: ['**/client/**'], message: 'Server code must not import client code.' },
        ],
      }],
    },
  },
);
