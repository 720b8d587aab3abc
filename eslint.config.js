import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Sealed server modules (ARCHITECTURE convention 16, decision 0121): a module's files are its own;
    // other modules and the app (routes, CLI, jobs) use it only through modules/<name>/index.ts.
    // Its zod schemas (schema.ts, *-schema.ts) are public too: they are contracts, built when the file
    // loads, so they are imported from their own file and never depend on the order modules load in.
    // Tests may reach into a module to set up its state, so test files are not checked.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/server/src/test/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'module', pattern: 'packages/server/src/modules/*', mode: 'folder', capture: ['name'] },
        // Everything outside modules/: the app that composes the modules, and the shared infrastructure.
        { type: 'app', pattern: 'packages/server/src/*.ts', mode: 'full' },
        {
          type: 'app',
          pattern: 'packages/server/src/{cache,cli,data-files,db,http,jobs,outbox,storage}',
          mode: 'folder',
        },
      ],
      'boundaries/include': ['packages/server/src/**/*.ts'],
    },
    rules: {
      'boundaries/entry-point': [
        'error',
        {
          default: 'disallow',
          rules: [
            { target: ['module'], allow: ['index.ts', 'schema.ts', '*-schema.ts'] },
            { target: ['app'], allow: '**' },
          ],
        },
      ],
      // A module's repository is private even through its index: other modules read through the
      // module's read-only lookup (regionLookup, planLookup, ...) or call its services (issue 12).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/index.ts', '**/modules/*/index.ts'],
              importNamePattern: 'Repository$',
              message: "Another module's repository is private: use its lookup or a service from its index.ts.",
            },
            {
              // Test fixtures may write straight into tables (see the SQL rule below): only tests use them.
              group: ['**/fixtures.ts', '**/*-fixture.ts'],
              message: 'Test fixtures are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every SQL statement sits in a repository (issue 12, decision 0168): a module builds queries only in
    // repository.ts or <thing>-repository.ts; its services, routes and policies call repository functions.
    // The one exception: test fixtures (fixtures.ts, *-fixture.ts), which set up tests' state straight
    // in the database and are imported by tests only (refused elsewhere by no-restricted-imports above).
    files: ['packages/server/src/modules/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'packages/server/src/modules/*/repository.ts',
      'packages/server/src/modules/*/*-repository.ts',
      'packages/server/src/modules/*/fixtures.ts',
      'packages/server/src/modules/*/*-fixture.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'SQL belongs in a repository (repository.ts or <thing>-repository.ts), decision 0168.',
        },
        {
          selector: 'TaggedTemplateExpression[tag.name="sql"]',
          message: 'SQL belongs in a repository (repository.ts or <thing>-repository.ts), decision 0168.',
        },
        {
          selector: 'CallExpression[callee.object.name="sql"]',
          message: 'SQL belongs in a repository (repository.ts or <thing>-repository.ts), decision 0168.',
        },
      ],
    },
  },
);
