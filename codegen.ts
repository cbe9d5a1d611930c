/**
 * Typed GraphQL documents for the tests (and later a client SDK): the client
 * preset reads `graphql(`...`)` calls in test/**, checks them against the
 * checked-in subgraph SDL and writes TypedDocumentNodes to test/generated/.
 * Run `npm run codegen` after changing an operation or the schema; the output
 * is committed and a test fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**', '!test/fixtures/**'],
  ignoreNoDocuments: false,
  // NodeNext resolution: relative imports in the output need their .js extension.
  importExtension: '.js',
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { BigInt: 'string', DateTimeISO: 'string', DateTime: 'string' },
        strictScalars: false,
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
