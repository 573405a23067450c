// Every document the console sends fits the server's default query limits (depth, cost, aliases,
// tokens): a list page that grew past them would only show an error in the browser.
import { type DocumentNode, Kind, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { checkQueryLimits, checkTokens } from '../../server/src/ops/limits.js';
import { getSchema } from '../../server/src/schema.js';
import * as generated from '../src/gql/graphql.js';

const operations = Object.entries(generated as Record<string, unknown>).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') &&
    typeof entry[1] === 'object' &&
    entry[1] !== null &&
    (entry[1] as DocumentNode).definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe("the console's documents", () => {
  it('are all found', () => {
    expect(operations.map(([name]) => name)).toEqual(expect.arrayContaining(['NamespacesDocument', 'ServicesDocument', 'ProjectOverviewDocument', 'ProjectEventsDocument']));
  });

  it.each(operations)('%s fits the default limits', async (_name, doc) => {
    const { limits } = loadConfig({});
    // The console's largest page of events.
    const refused = checkQueryLimits(await getSchema(), doc, { first: 30 }, limits) ?? checkTokens(print(doc), limits);
    expect(refused?.message ?? null).toBeNull();
  });
});
