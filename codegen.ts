// graphql-codegen: schema.graphql (emitted by the server) + the console's documents -> web/src/gql,
// and the command-line listener's documents -> server/src/tools/gql.
// `npm run check:generated` regenerates and diffs, so the output must be stable: no timestamps,
// no formatter over the generated folders, documents picked up in a fixed glob order.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { SafeInt: 'number', DateTimeISO: 'string', ID: 'string', JSONObject: 'Record<string, unknown>' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
      preset: 'client',
      // Not a hook, so not named like one (the preset's default is `useFragment`).
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        // String unions, not TS enums: values compare and serialise as the plain strings the API speaks.
        enumsAsTypes: true,
        // SafeInt carries bytes past 2^31 but within Number.MAX_SAFE_INTEGER: a plain number.
        scalars: { SafeInt: 'number', DateTimeISO: 'string', ID: 'string' },
        defaultScalarType: 'unknown',
      },
    },
    'server/src/tools/gql/': {
      documents: ['server/src/tools/listen.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // The server compiles as NodeNext ESM: relative imports need their .js.
      config: { useTypeImports: true, scalars, defaultScalarType: 'unknown', importExtension: '.js' },
    },
  },
};

export default config;
