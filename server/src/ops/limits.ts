// Query limits: tokens, depth, cost and aliases, checked before any resolver runs. One function per
// stage, shared by the HTTP path (the plugin and middleware below) and the WebSocket path.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  Lexer,
  Source,
  SchemaMetaFieldDef,
  TokenKind,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { queryTooComplex, sendAppError, type AppError } from '../errors.js';
import type { Config } from '../config.js';

export type QueryLimits = Config['limits'];

/** A list field without a `first`/`limit` argument is assumed to return this many items. */
export const DEFAULT_LIST_SIZE = 5;
const SIZE_ARGS = ['first', 'limit'];

/** Counts the lexical tokens of a document (comments excluded), as graphql's parser counts them. */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    // A lexical error: the parser reports it with its position; count what came before.
  }
  return n;
}

/** The token limit, checked on the source before it is parsed (parsing is what it protects). */
export function checkTokens(source: string, limits: QueryLimits): AppError | null {
  // Counted to the end: the source is bounded by the body size (MM_MAX_BODY_BYTES), and lexing is
  // cheap next to parsing and validating, which is what this protects.
  const n = countTokens(source);
  if (n <= limits.maxTokens) return null;
  return queryTooComplex('tokens', limits.maxTokens, n, `The document has ${n} tokens; the limit is ${limits.maxTokens} (MM_QUERY_MAX_TOKENS)`);
}

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
}

/**
 * Depth, cost and aliases of one operation, fragments expanded. Each fragment is measured once
 * (cost is linear in the multiplier), so a document of fragments spreading fragments costs linear
 * time to check, not exponential.
 *
 * - depth: nesting of fields, leaves included; `ofType` inside introspection does not count, so the
 *   standard introspection query (a chain of ofType) fits while nested `fields { type { fields` does not.
 * - cost: the number of items the lists in the query may return, each root field counting 1. A
 *   field with a `first` or `limit` argument counts that many (its default when omitted), any other
 *   list of objects DEFAULT_LIST_SIZE, a connection's `edges` nothing (its field counted them); what
 *   is under a list counts once per item. A single object is free: its parent's count covers it.
 *   Introspection costs nothing (it reads the schema, not Redis).
 * - aliases: every aliased field in the expanded operation.
 */
function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): Measure | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;

  const memo = new Map<string, Measure>();
  const onPath = new Set<string>();

  const fieldDef = (parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parent === root && name === '__schema') return SchemaMetaFieldDef;
    if (parent === root && name === '__type') return TypeMetaFieldDef;
    return 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
  };

  /** How many items a field may return, and whether that counts toward the cost (lists do). */
  const sizeOf = (def: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]): [number, boolean] => {
    if (def.args.some((a) => SIZE_ARGS.includes(a.name))) {
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(def, node, variables);
      } catch {
        // Uncoerceable variables fail execution later with their own error; assume the default list.
      }
      for (const arg of def.args) {
        if (!SIZE_ARGS.includes(arg.name)) continue;
        // An explicit null gets the resolvers' default, which is the argument's declared default.
        const v = args[arg.name] ?? arg.defaultValue;
        if (typeof v === 'number' && Number.isFinite(v)) return [Math.max(0, v), true];
      }
      return [DEFAULT_LIST_SIZE, true];
    }
    if (def.name === 'edges') return [1, false];
    return isListType(getNullableType(def.type)) ? [DEFAULT_LIST_SIZE, true] : [1, false];
  };

  const measure = (set: SelectionSetNode, parent: GraphQLNamedType, introspection: boolean): Measure => {
    const total: Measure = { depth: 0, cost: 0, aliases: 0 };
    const add = (m: Measure, depthOffset: number, multiplier: number, own: number, aliased: boolean) => {
      total.depth = Math.max(total.depth, m.depth + depthOffset);
      total.cost += own + multiplier * m.cost;
      total.aliases += m.aliases + (aliased ? 1 : 0);
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def = fieldDef(parent, sel.name.value);
        if (!def) continue; // validation reports unknown fields
        const intro = introspection || def === SchemaMetaFieldDef || def === TypeMetaFieldDef;
        const levels = intro && sel.name.value === 'ofType' ? 0 : 1;
        const type = getNamedType(def.type);
        if (!sel.selectionSet || !isCompositeType(type)) {
          add({ depth: 0, cost: 0, aliases: 0 }, levels, 0, 0, !!sel.alias);
          continue;
        }
        const child = measure(sel.selectionSet, type, intro);
        if (intro) {
          add(child, levels, 0, 0, !!sel.alias);
        } else {
          const [size, counted] = sizeOf(def, sel);
          add(child, levels, size, counted ? size : parent === root ? 1 : 0, !!sel.alias);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type) add(measure(sel.selectionSet, type, introspection), 0, 1, 0, false);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        const type = frag && schema.getType(frag.typeCondition.name.value);
        if (!frag || !type || onPath.has(name)) continue; // validation reports unknown or cyclic spreads
        const key = `${name}|${introspection}`;
        let m = memo.get(key);
        if (!m) {
          onPath.add(name);
          m = measure(frag.selectionSet, type, introspection);
          onPath.delete(name);
          memo.set(key, m);
        }
        add(m, 0, 1, 0, false);
      }
    }
    return total;
  };
  return measure(operation.selectionSet, root, false);
}

/**
 * Checks an already parsed (and validated) document against the depth, cost and alias limits.
 * Returns the first limit broken, as a QUERY_TOO_COMPLEX error naming it, or null.
 * The WebSocket path calls this from graphql-ws's onSubscribe with the same limits.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
  operationName?: string | null,
): AppError | null {
  const m = measureOperation(schema, document, operationName, variables ?? {});
  if (!m) return null; // no such operation: graphql reports it
  if (m.depth > limits.maxDepth) {
    return queryTooComplex('depth', limits.maxDepth, m.depth, `The query is ${m.depth} levels deep; the limit is ${limits.maxDepth} (MM_QUERY_MAX_DEPTH)`);
  }
  if (m.aliases > limits.maxAliases) {
    return queryTooComplex('aliases', limits.maxAliases, m.aliases, `The query uses ${m.aliases} aliases; the limit is ${limits.maxAliases} (MM_QUERY_MAX_ALIASES)`);
  }
  if (m.cost > limits.maxCost) {
    const cost = Math.min(m.cost, Number.MAX_SAFE_INTEGER);
    return queryTooComplex('cost', limits.maxCost, cost, `The query costs ${cost}; the limit is ${limits.maxCost} (MM_QUERY_MAX_COST). Ask for fewer items with first/limit`);
  }
  return null;
}

/** HTTP: depth, cost and aliases after validation, before execution (no resolver runs on a refusal). */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const broken = checkQueryLimits(schema, document, request.variables, limits, operationName ?? request.operationName);
          if (broken) throw broken;
        },
      };
    },
  };
}

/**
 * HTTP: the token limit, on the query string of a JSON POST or a GET, before Apollo parses it.
 * (Apollo's hooks before parsing cannot answer a request with a typed error.)
 */
export function tokenLimitMiddleware(limits: QueryLimits, onRefuse: (code: string) => void = () => {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === 'GET' ? req.query.query : body && typeof body === 'object' ? body.query : undefined;
    const broken = typeof query === 'string' ? checkTokens(query, limits) : null;
    if (!broken) return next();
    onRefuse(broken.code);
    sendAppError(res, broken);
  };
}
