/**
 * Typed GraphQL documents for the tests and the console: the client preset
 * reads `graphql(`...`)` calls in test/** (and console/src/**), checks them
 * against the checked-in subgraph SDL and writes TypedDocumentNodes to
 * test/generated/ (and console/src/gql/).
 * Run `npm run codegen` after changing an operation or the schema; the output
 * is committed and a test fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** What both targets generate: scalars as the strings the hub sends (money and BigInt are never numbers). */
const client = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { BigInt: 'string', DateTimeISO: 'string', DateTime: 'string' },
    strictScalars: false,
    defaultScalarType: 'unknown',
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: false,
  // NodeNext resolution: relative imports in the output need their .js extension.
  importExtension: '.js',
  generates: {
    'test/generated/': { ...client, documents: ['test/**/*.ts', '!test/generated/**', '!test/fixtures/**'] },
    // The console (issue 18) uses the same public API, typed from the same SDL.
    'console/src/gql/': { ...client, documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'] },
    // The partner SDK (issue 19): documents as strings, so it needs no GraphQL library at run time.
    'clients/typescript/src/gql/': {
      ...client,
      config: { ...client.config, documentMode: 'string' },
      documents: ['clients/typescript/src/**/*.ts', '!clients/typescript/src/gql/**'],
    },
  },
};

export default config;
