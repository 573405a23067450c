/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment EventLine on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n": typeof types.EventLineFragmentDoc,
    "\n  subscription ListenEvents($projectId: ID!, $namespaceId: ID, $serviceId: ID, $types: [EventType!], $after: String) {\n    events(projectId: $projectId, namespaceId: $namespaceId, serviceId: $serviceId, types: $types, after: $after) {\n      ...EventLine\n    }\n  }\n": typeof types.ListenEventsDocument,
    "\n  query NewestEvent($projectId: ID!) {\n    events(projectId: $projectId, first: 1) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.NewestEventDocument,
};
const documents: Documents = {
    "\n  fragment EventLine on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n": types.EventLineFragmentDoc,
    "\n  subscription ListenEvents($projectId: ID!, $namespaceId: ID, $serviceId: ID, $types: [EventType!], $after: String) {\n    events(projectId: $projectId, namespaceId: $namespaceId, serviceId: $serviceId, types: $types, after: $after) {\n      ...EventLine\n    }\n  }\n": types.ListenEventsDocument,
    "\n  query NewestEvent($projectId: ID!) {\n    events(projectId: $projectId, first: 1) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.NewestEventDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventLine on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n"): (typeof documents)["\n  fragment EventLine on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ListenEvents($projectId: ID!, $namespaceId: ID, $serviceId: ID, $types: [EventType!], $after: String) {\n    events(projectId: $projectId, namespaceId: $namespaceId, serviceId: $serviceId, types: $types, after: $after) {\n      ...EventLine\n    }\n  }\n"): (typeof documents)["\n  subscription ListenEvents($projectId: ID!, $namespaceId: ID, $serviceId: ID, $types: [EventType!], $after: String) {\n    events(projectId: $projectId, namespaceId: $namespaceId, serviceId: $serviceId, types: $types, after: $after) {\n      ...EventLine\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewestEvent($projectId: ID!) {\n    events(projectId: $projectId, first: 1) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewestEvent($projectId: ID!) {\n    events(projectId: $projectId, first: 1) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;