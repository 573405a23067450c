// Argument rules of nested fields, checked over a mutation's whole selection before it runs.
// Without this, a bad argument in a mutation's payload (`createService { service { project {
// overview { recentEvents(limit: 0) } } } }`) would fail the response after the write happened,
// and a token shown only in that response would be lost. Resolvers apply the same rules.
import {
  getArgumentValues,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { subscriptionOverHttp } from '../errors.js';

type Rule = (args: Record<string, unknown>) => void;
const rules = new Map<string, Rule>();

/** Registers `rule` for the arguments of field `coordinate` ("Type.field") and returns it. */
export function argRule<A, R>(coordinate: string, rule: (args: A) => R): (args: A) => R {
  rules.set(coordinate, rule as unknown as Rule);
  return rule;
}

/** Throws the first rule's error met in `operation` (and the fragments it may spread). */
export function preflight(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const typeInfo = new TypeInfo(schema);
  const definitions = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
  visit(
    { kind: Kind.DOCUMENT, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const def = typeInfo.getFieldDef();
        const rule = parent && def ? rules.get(`${parent.name}.${def.name}`) : undefined;
        if (rule) rule(getArgumentValues(def!, node, variables ?? {}));
      },
    }),
  );
}

/**
 * Runs preflight() on every mutation before any resolver (queries write nothing, so need none), and
 * refuses a subscription sent over HTTP with a typed error instead of letting it fail as a query.
 */
export const preflightPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (operation?.operation === 'subscription') throw subscriptionOverHttp();
        if (operation?.operation !== 'mutation') return;
        try {
          preflight(schema, document, operation, request.variables);
        } catch (err) {
          // Apollo answers errors thrown before execution with 500 unless told otherwise.
          if (err instanceof GraphQLError) err.extensions.http = { status: 400 };
          throw err;
        }
      },
    };
  },
};
