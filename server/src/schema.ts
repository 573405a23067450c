import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { authorize } from './auth/authorize.js';
import { NodeResolver } from './common/node.resolver.js';
import { ProjectResolver } from './projects/project.resolver.js';
import { OverviewResolver } from './projects/overview.resolver.js';
import { NamespaceResolver } from './namespaces/namespace.resolver.js';
import { ServiceResolver } from './services/service.resolver.js';
import { BindingResolver } from './bindings/binding.resolver.js';
import { EventResolver } from './events/event.resolver.js';
import { UsageResolver } from './usage/usage.resolver.js';
import { AgentResolver, ServiceAgentConfigResolver } from './agent/agent.resolver.js';
import { SeedResolver } from './seed/seed.resolver.js';
import { ReindexResolver } from './seed/reindex.resolver.js';
import { NamespaceAccessResolver } from './enforcement/access.resolver.js';

export const resolvers = [
  NodeResolver,
  ProjectResolver,
  OverviewResolver,
  NamespaceResolver,
  ServiceResolver,
  BindingResolver,
  EventResolver,
  UsageResolver,
  AgentResolver,
  ServiceAgentConfigResolver,
  SeedResolver,
  ReindexResolver,
  NamespaceAccessResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is the same for every app in a process; build it once. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    globalMiddlewares: [authorize],
    // Subscriptions bring their own source (events/hub.ts); type-graphql's topic pub/sub is unused.
    pubSub: {
      publish: () => {},
      subscribe: () => {
        throw new Error('subscriptions here use a subscribe function, not topics');
      },
    },
    // Inputs are validated by hand (common/validate.ts) so that each error names its field.
    validate: false,
  });
  return cached;
}

/** schema.graphql's exact text: sorted, so that the file only changes when the schema does. */
export async function printSortedSchema(): Promise<string> {
  return `# Generated from server/src by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
