import type { Scope } from '../../gql/graphql';

export const SCOPES: Scope[] = ['STRING', 'HASH', 'LIST', 'SET', 'SORTED_SET', 'STREAM', 'BITMAP', 'HYPERLOGLOG', 'GEO', 'PUBSUB'];
