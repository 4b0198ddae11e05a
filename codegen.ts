import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the operations under test/operations, generated from the committed
// schema.graphql the way a frontend team would generate its client types.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      // persisted-documents.json: the trusted documents a server can be limited to (TRUSTED_DOCUMENTS).
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
