// @ts-check
/**
 * `npm run lint`: typescript-eslint's recommended rules over the whole tree,
 * and the module boundaries (below). Formatting is Prettier's (`npm run
 * format`); nothing here argues with it.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries. A module (`src/modules/<m>/`) is used by others only through its `index.ts`, its public
 * API; its manifest (`<m>.module.ts`) is imported by the module list (`src/modules/index.ts`) alone. Modules
 * never import the composition root, and the platform knows no module (its one type-only import is the
 * services/loaders record in the GraphQL context). Tests and the bench may reach inside: they test internals.
 * `test/lint/boundaries.test.ts` proves each pattern bites.
 */
const VIA_INDEX = 'Import another module only through its index.ts (its public API): add what you need there.';
export const boundaries = [
  {
    files: ['src/modules/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // ../<other>/<anything but index.js>, from a file directly in a module's folder.
            { regex: '^\\.\\./(?!\\.\\.?/)[^/]+/(?!index\\.js$)', message: VIA_INDEX },
            // Any path into a modules/<m>/ folder other than its index.js (from deeper files, or spelled out).
            { regex: '(^|/)modules/[^/]+/(?!index\\.js$)', message: VIA_INDEX },
            {
              regex: '^\\.\\./index\\.js$',
              message: 'A module never imports the module list (src/modules/index.ts): that is a cycle.',
            },
            {
              regex: '^(\\.\\./){2}(app|main|cli|schema|database)\\.js$',
              message: 'A module never imports the composition root; declare what it needs in its manifest.',
            },
          ],
        },
      ],
    },
  },
  {
    // Central files (composition root, seed): modules' public APIs only.
    files: ['src/*.ts', 'src/seed/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)modules/[^/]+/(?!index\\.js$)', message: VIA_INDEX }] },
      ],
    },
  },
  {
    files: ['src/modules/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./(?!(\\w+)/\\1\\.module\\.js$)[^/]+/(?!index\\.js$)',
              message: "The module list imports each module's manifest (<m>/<m>.module.js) or its index.js only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules/',
              allowTypeImports: true,
              message: 'The platform knows no module: pass what it needs in (see platform/module.ts).',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tmp/',
      'coverage/',
      'test/generated/',
      'bench/results/',
      'console/dist/',
      'console/src/gql/',
      'clients/typescript/src/gql/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tests and the bench read loosely typed GraphQL answers; the tests' operations are typed by codegen.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts (TypeScript checks the .ts files' names instead).
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
  },
  ...boundaries,
  {
    // One clock (src/platform/clock.ts): hub code reads time from `clock`, SQL from hub_now(), so tests can move it.
    files: ['src/**/*.ts'],
    ignores: ['src/platform/clock.ts', 'src/platform/db/hub-clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "NewExpression[callee.name='Date'][arguments.length=0]",
        ].map((selector) => ({ selector, message: 'Read hub time from `clock` (src/platform/clock.ts).' })),
        ...[
          'Literal[value=/(^|[^\\w.])(now|clock_timestamp|current_timestamp|localtimestamp)\\(/i]',
          'TemplateElement[value.raw=/(^|[^\\w.])(now|clock_timestamp)\\(\\)/i]',
          'TemplateElement[value.raw=/\\b(current_timestamp|localtimestamp|current_date)\\b/i]',
        ].map((selector) => ({ selector, message: 'SQL reads hub time through hub_now() / hub_clock_timestamp().' })),
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
);
