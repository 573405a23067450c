// Relay connections (first/after, edges, pageInfo, totalCount) for the lists that grow.
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors.js';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function Connection<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class Conn implements ConnectionShape<T> {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return Conn;
}

export const MAX_PAGE = 500;

export function pageSize(given: number | null, field = 'first'): number {
  const first = given ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badInput(field, `must be between 0 and ${MAX_PAGE}`);
  return first;
}

/**
 * One page of a sorted list of keys. `after` is a key from an earlier page; if it has been deleted
 * since, the page starts at the next key in order, so paging never skips or repeats.
 */
export function paginate(sortedKeys: string[], first: number | null, after: string | null | undefined) {
  const size = pageSize(first);
  const start = after ? sortedKeys.findIndex((k) => k > after) : 0;
  const from = start < 0 ? sortedKeys.length : start;
  const slice = sortedKeys.slice(from, from + size);
  return {
    slice,
    build: <T>(nodes: (T | null)[]): ConnectionShape<T> => {
      const edges = slice.flatMap((cursor, i) => (nodes[i] ? [{ cursor, node: nodes[i]! }] : []));
      return {
        edges,
        pageInfo: { hasNextPage: from + size < sortedKeys.length, endCursor: slice.at(-1) ?? null },
        totalCount: sortedKeys.length,
      };
    },
  };
}
