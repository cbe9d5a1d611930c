// @ts-check
/**
 * `npm run lint`: typescript-eslint's recommended rules over the whole tree.
 * Formatting is Prettier's (`npm run format`); nothing here argues with it.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test/generated/', 'bench/results/'] },
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
