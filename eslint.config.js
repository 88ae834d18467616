// ESLint (flat config): TypeScript, React hooks, accessibility of JSX, and the layer rules of
// STYLE.md as rules rather than memory: which folder may import which, and no import cycles.
// Formatting is Prettier's job (`prettier --check` in `npm run lint`); eslint-config-prettier turns
// off the stylistic rules that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `@typescript-eslint/no-restricted-imports` patterns: a regex on the import path and why. */
const forbid = (...rules) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: rules.map(([regex, message, allowTypeImports = false]) => ({ regex, message, allowTypeImports })) },
  ],
});

const SERVER = ['(^~/|/)server/|\\.server$', 'server code stays on the server: import it from a route or another server module'];
const ROUTES = ['(^~/|/)routes/', 'routes import components and server modules, never the other way round'];
const COMPONENTS = ['(^~/|/)components/', 'server modules and shared helpers do not render UI'];
const DB = ['^#db/(?!vocabulary$)|(^|/)db/(client|schema|migrate|env)$', 'only server modules talk to the database (db/vocabulary is the shared word list)'];

export default tseslint.config(
  {
    ignores: ['build/**', 'server-build/**', 'node_modules/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic rules; the React Compiler diagnostics of v7 assume the compiler, which this
    // React 18 app does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['app/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Single-purpose pages (sign-in, sign-up, a new workspace) focus their first field on purpose.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
  // The layers: routes -> components, server, lib, domain; components -> lib, domain (types only
  // from server modules and routes); server -> db, lib, domain; lib -> domain; domain -> nothing of
  // the app; db -> nothing of the app.
  { files: ['app/domain/**'], rules: forbid(SERVER, ROUTES, COMPONENTS, DB, ['(^~/|/)lib/', 'domain code is pure: it imports only domain code']) },
  { files: ['app/lib/**'], rules: forbid(SERVER, ROUTES, COMPONENTS, DB) },
  { files: ['app/components/**'], rules: forbid([...SERVER, true], [...ROUTES, true], DB) },
  { files: ['app/server/**'], rules: forbid(ROUTES, COMPONENTS) },
  { files: ['app/routes/**'], rules: forbid(['^#db/(client|migrate)$', 'routes call server modules; they never query the database themselves']) },
  { files: ['db/**'], rules: forbid(['^~/|(^|/)app/', 'db/ holds the schema, the client and migrations: it imports nothing of the app']) },
  {
    files: ['tests/**'],
    // Tests read loader and action answers loosely (factories.ts returns their data as any).
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
