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
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
        documentMode: 'documentNode',
      },
    },
  },
};

export default config;
