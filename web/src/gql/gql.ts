/* eslint-disable */
import * as types from './graphql';
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
    "\n  query Viewer {\n    viewer {\n      kind\n      id\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment EventRow_event on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n": typeof types.EventRow_EventFragmentDoc,
    "\n  query EventFilters($project: String!) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventFiltersDocument,
    "\n  query Events($projectId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(projectId: $projectId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  subscription ProjectEvents($projectId: ID!) {\n    events(projectId: $projectId) {\n      id\n      type\n      namespaceId\n      serviceId\n      ...EventRow_event\n    }\n  }\n": typeof types.ProjectEventsDocument,
    "\n  query ProjectId($slug: String!) {\n    project(slug: $slug) {\n      id\n    }\n  }\n": typeof types.ProjectIdDocument,
    "\n  fragment BindingRow_binding on Binding {\n    id\n    version\n    permissions\n    patterns\n    scopes\n    rate {\n      readRps\n      writeRps\n    }\n    updatedAt\n    namespace {\n      id\n      slug\n      name\n      keyPrefix\n      status\n    }\n    service {\n      id\n      slug\n      name\n      scopes\n    }\n  }\n": typeof types.BindingRow_BindingFragmentDoc,
    "\n  fragment NamespaceRow_namespace on Namespace {\n    id\n    slug\n    name\n    keyPrefix\n    status\n    policy {\n      quotaBytes\n      defaultTtlSeconds\n      eviction\n    }\n    usage {\n      usedBytes\n      keyCount\n      sampledAt\n    }\n  }\n": typeof types.NamespaceRow_NamespaceFragmentDoc,
    "\n  fragment RedisAccess_namespace on Namespace {\n    id\n    access {\n      serviceId\n      username\n      writable\n      writeBlockedBy\n      keyPatterns\n      channels\n      commandsAllowed\n      commandsDenied\n    }\n  }\n": typeof types.RedisAccess_NamespaceFragmentDoc,
    "\n  query Namespaces($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...NamespaceRow_namespace\n          }\n        }\n      }\n    }\n  }\n": typeof types.NamespacesDocument,
    "\n  query Namespace($project: String!, $namespace: String!) {\n    project(slug: $project) {\n      id\n      slug\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n            scopes\n          }\n        }\n      }\n      namespace(slug: $namespace) {\n        id\n        slug\n        name\n        keyPrefix\n        status\n        version\n        createdAt\n        updatedAt\n        policy {\n          quotaBytes\n          defaultTtlSeconds\n          eviction\n        }\n        usage {\n          usedBytes\n          keyCount\n          sampledAt\n        }\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n        dataRedisEvictionPolicy\n        ...RedisAccess_namespace\n      }\n    }\n  }\n": typeof types.NamespaceDocument,
    "\n  mutation CreateNamespace($projectId: ID!, $input: CreateNamespaceInput!) {\n    createNamespace(projectId: $projectId, input: $input) {\n      id\n      slug\n      ...NamespaceRow_namespace\n    }\n  }\n": typeof types.CreateNamespaceDocument,
    "\n  mutation UpdateNamespacePolicy($id: ID!, $policy: NamespacePolicyInput!, $expectedVersion: Int) {\n    updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n      policy {\n        quotaBytes\n        defaultTtlSeconds\n        eviction\n      }\n    }\n  }\n": typeof types.UpdateNamespacePolicyDocument,
    "\n  mutation FreezeNamespace($id: ID!) {\n    freezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.FreezeNamespaceDocument,
    "\n  mutation UnfreezeNamespace($id: ID!) {\n    unfreezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.UnfreezeNamespaceDocument,
    "\n  mutation DeleteNamespace($id: ID!, $purgeKeys: Boolean) {\n    deleteNamespace(id: $id, purgeKeys: $purgeKeys)\n  }\n": typeof types.DeleteNamespaceDocument,
    "\n  mutation BindService($namespaceId: ID!, $serviceId: ID!, $input: BindingInput!) {\n    bindService(namespaceId: $namespaceId, serviceId: $serviceId, input: $input) {\n      id\n      ...BindingRow_binding\n    }\n  }\n": typeof types.BindServiceDocument,
    "\n  mutation UpdateBinding($id: ID!, $input: BindingPatch!, $expectedVersion: Int) {\n    updateBinding(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...BindingRow_binding\n    }\n  }\n": typeof types.UpdateBindingDocument,
    "\n  mutation UnbindService($id: ID!) {\n    unbindService(id: $id)\n  }\n": typeof types.UnbindServiceDocument,
    "\n  fragment ProjectCard_project on Project {\n    id\n    slug\n    name\n    quotaBytes\n    overview {\n      usedBytes\n      namespaceCount\n      serviceCount\n      bindingCount\n    }\n  }\n": typeof types.ProjectCard_ProjectFragmentDoc,
    "\n  fragment TopNamespace_namespace on Namespace {\n    id\n    slug\n    name\n    status\n    policy {\n      quotaBytes\n    }\n    usage {\n      usedBytes\n      keyCount\n    }\n  }\n": typeof types.TopNamespace_NamespaceFragmentDoc,
    "\n  query Projects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ProjectCard_project\n        }\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  query SwitcherProjects {\n    projects(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.SwitcherProjectsDocument,
    "\n  query ProjectOverview($slug: String!) {\n    project(slug: $slug) {\n      id\n      slug\n      name\n      quotaBytes\n      version\n      createdAt\n      overview {\n        usedBytes\n        quotaBytes\n        namespaceCount\n        serviceCount\n        bindingCount\n        readsPerSec\n        writesPerSec\n        topNamespaces(limit: 5) {\n          id\n          ...TopNamespace_namespace\n        }\n        recentEvents(limit: 10) {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n": typeof types.ProjectOverviewDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      slug\n      ...ProjectCard_project\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!, $expectedVersion: Int) {\n    updateProject(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      quotaBytes\n      version\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!, $force: Boolean) {\n    deleteProject(id: $id, force: $force)\n  }\n": typeof types.DeleteProjectDocument,
    "\n  mutation RefreshUsage($projectId: ID!) {\n    refreshUsage(projectId: $projectId) {\n      id\n      overview {\n        usedBytes\n      }\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            usage {\n              usedBytes\n              keyCount\n              sampledAt\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RefreshUsageDocument,
    "\n  fragment ServiceRow_service on Service {\n    id\n    slug\n    name\n    scopes\n    tokenPreview\n    tokenRotatedAt\n    createdAt\n    namespaces {\n      id\n      slug\n    }\n  }\n": typeof types.ServiceRow_ServiceFragmentDoc,
    "\n  query Services($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      # 100 a page: each row also lists its namespaces, and a document may ask for 1000 items.\n      services(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...ServiceRow_service\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServicesDocument,
    "\n  query Service($project: String!, $service: String!) {\n    project(slug: $project) {\n      id\n      slug\n      service(slug: $service) {\n        id\n        slug\n        name\n        scopes\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n        createdAt\n        updatedAt\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n      }\n    }\n  }\n": typeof types.ServiceDocument,
    "\n  query ServiceAgentConfig($id: ID!) {\n    node(id: $id) {\n      ... on Service {\n        id\n        agentConfig {\n          project\n          service\n          revision\n          issuedAt\n          redis {\n            host\n            port\n            tls\n            username\n            password\n          }\n          namespaces {\n            id\n            slug\n            keyPrefix\n            status\n            permissions\n            patterns\n            scopes\n            rate {\n              readRps\n              writeRps\n            }\n            policy {\n              quotaBytes\n              defaultTtlSeconds\n              eviction\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServiceAgentConfigDocument,
    "\n  mutation CreateService($projectId: ID!, $input: CreateServiceInput!) {\n    createService(projectId: $projectId, input: $input) {\n      token\n      service {\n        id\n        slug\n        ...ServiceRow_service\n      }\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!, $expectedVersion: Int) {\n    updateService(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      scopes\n      version\n      updatedAt\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n": typeof types.DeleteServiceDocument,
    "\n  mutation RotateServiceToken($id: ID!, $graceSeconds: Int) {\n    rotateServiceToken(id: $id, graceSeconds: $graceSeconds) {\n      token\n      service {\n        id\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n      }\n    }\n  }\n": typeof types.RotateServiceTokenDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      kind\n      id\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment EventRow_event on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n": types.EventRow_EventFragmentDoc,
    "\n  query EventFilters($project: String!) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n": types.EventFiltersDocument,
    "\n  query Events($projectId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(projectId: $projectId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  subscription ProjectEvents($projectId: ID!) {\n    events(projectId: $projectId) {\n      id\n      type\n      namespaceId\n      serviceId\n      ...EventRow_event\n    }\n  }\n": types.ProjectEventsDocument,
    "\n  query ProjectId($slug: String!) {\n    project(slug: $slug) {\n      id\n    }\n  }\n": types.ProjectIdDocument,
    "\n  fragment BindingRow_binding on Binding {\n    id\n    version\n    permissions\n    patterns\n    scopes\n    rate {\n      readRps\n      writeRps\n    }\n    updatedAt\n    namespace {\n      id\n      slug\n      name\n      keyPrefix\n      status\n    }\n    service {\n      id\n      slug\n      name\n      scopes\n    }\n  }\n": types.BindingRow_BindingFragmentDoc,
    "\n  fragment NamespaceRow_namespace on Namespace {\n    id\n    slug\n    name\n    keyPrefix\n    status\n    policy {\n      quotaBytes\n      defaultTtlSeconds\n      eviction\n    }\n    usage {\n      usedBytes\n      keyCount\n      sampledAt\n    }\n  }\n": types.NamespaceRow_NamespaceFragmentDoc,
    "\n  fragment RedisAccess_namespace on Namespace {\n    id\n    access {\n      serviceId\n      username\n      writable\n      writeBlockedBy\n      keyPatterns\n      channels\n      commandsAllowed\n      commandsDenied\n    }\n  }\n": types.RedisAccess_NamespaceFragmentDoc,
    "\n  query Namespaces($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...NamespaceRow_namespace\n          }\n        }\n      }\n    }\n  }\n": types.NamespacesDocument,
    "\n  query Namespace($project: String!, $namespace: String!) {\n    project(slug: $project) {\n      id\n      slug\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n            scopes\n          }\n        }\n      }\n      namespace(slug: $namespace) {\n        id\n        slug\n        name\n        keyPrefix\n        status\n        version\n        createdAt\n        updatedAt\n        policy {\n          quotaBytes\n          defaultTtlSeconds\n          eviction\n        }\n        usage {\n          usedBytes\n          keyCount\n          sampledAt\n        }\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n        dataRedisEvictionPolicy\n        ...RedisAccess_namespace\n      }\n    }\n  }\n": types.NamespaceDocument,
    "\n  mutation CreateNamespace($projectId: ID!, $input: CreateNamespaceInput!) {\n    createNamespace(projectId: $projectId, input: $input) {\n      id\n      slug\n      ...NamespaceRow_namespace\n    }\n  }\n": types.CreateNamespaceDocument,
    "\n  mutation UpdateNamespacePolicy($id: ID!, $policy: NamespacePolicyInput!, $expectedVersion: Int) {\n    updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n      policy {\n        quotaBytes\n        defaultTtlSeconds\n        eviction\n      }\n    }\n  }\n": types.UpdateNamespacePolicyDocument,
    "\n  mutation FreezeNamespace($id: ID!) {\n    freezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.FreezeNamespaceDocument,
    "\n  mutation UnfreezeNamespace($id: ID!) {\n    unfreezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n": types.UnfreezeNamespaceDocument,
    "\n  mutation DeleteNamespace($id: ID!, $purgeKeys: Boolean) {\n    deleteNamespace(id: $id, purgeKeys: $purgeKeys)\n  }\n": types.DeleteNamespaceDocument,
    "\n  mutation BindService($namespaceId: ID!, $serviceId: ID!, $input: BindingInput!) {\n    bindService(namespaceId: $namespaceId, serviceId: $serviceId, input: $input) {\n      id\n      ...BindingRow_binding\n    }\n  }\n": types.BindServiceDocument,
    "\n  mutation UpdateBinding($id: ID!, $input: BindingPatch!, $expectedVersion: Int) {\n    updateBinding(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...BindingRow_binding\n    }\n  }\n": types.UpdateBindingDocument,
    "\n  mutation UnbindService($id: ID!) {\n    unbindService(id: $id)\n  }\n": types.UnbindServiceDocument,
    "\n  fragment ProjectCard_project on Project {\n    id\n    slug\n    name\n    quotaBytes\n    overview {\n      usedBytes\n      namespaceCount\n      serviceCount\n      bindingCount\n    }\n  }\n": types.ProjectCard_ProjectFragmentDoc,
    "\n  fragment TopNamespace_namespace on Namespace {\n    id\n    slug\n    name\n    status\n    policy {\n      quotaBytes\n    }\n    usage {\n      usedBytes\n      keyCount\n    }\n  }\n": types.TopNamespace_NamespaceFragmentDoc,
    "\n  query Projects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ProjectCard_project\n        }\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  query SwitcherProjects {\n    projects(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.SwitcherProjectsDocument,
    "\n  query ProjectOverview($slug: String!) {\n    project(slug: $slug) {\n      id\n      slug\n      name\n      quotaBytes\n      version\n      createdAt\n      overview {\n        usedBytes\n        quotaBytes\n        namespaceCount\n        serviceCount\n        bindingCount\n        readsPerSec\n        writesPerSec\n        topNamespaces(limit: 5) {\n          id\n          ...TopNamespace_namespace\n        }\n        recentEvents(limit: 10) {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n": types.ProjectOverviewDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      slug\n      ...ProjectCard_project\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!, $expectedVersion: Int) {\n    updateProject(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      quotaBytes\n      version\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!, $force: Boolean) {\n    deleteProject(id: $id, force: $force)\n  }\n": types.DeleteProjectDocument,
    "\n  mutation RefreshUsage($projectId: ID!) {\n    refreshUsage(projectId: $projectId) {\n      id\n      overview {\n        usedBytes\n      }\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            usage {\n              usedBytes\n              keyCount\n              sampledAt\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RefreshUsageDocument,
    "\n  fragment ServiceRow_service on Service {\n    id\n    slug\n    name\n    scopes\n    tokenPreview\n    tokenRotatedAt\n    createdAt\n    namespaces {\n      id\n      slug\n    }\n  }\n": types.ServiceRow_ServiceFragmentDoc,
    "\n  query Services($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      # 100 a page: each row also lists its namespaces, and a document may ask for 1000 items.\n      services(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...ServiceRow_service\n          }\n        }\n      }\n    }\n  }\n": types.ServicesDocument,
    "\n  query Service($project: String!, $service: String!) {\n    project(slug: $project) {\n      id\n      slug\n      service(slug: $service) {\n        id\n        slug\n        name\n        scopes\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n        createdAt\n        updatedAt\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n      }\n    }\n  }\n": types.ServiceDocument,
    "\n  query ServiceAgentConfig($id: ID!) {\n    node(id: $id) {\n      ... on Service {\n        id\n        agentConfig {\n          project\n          service\n          revision\n          issuedAt\n          redis {\n            host\n            port\n            tls\n            username\n            password\n          }\n          namespaces {\n            id\n            slug\n            keyPrefix\n            status\n            permissions\n            patterns\n            scopes\n            rate {\n              readRps\n              writeRps\n            }\n            policy {\n              quotaBytes\n              defaultTtlSeconds\n              eviction\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ServiceAgentConfigDocument,
    "\n  mutation CreateService($projectId: ID!, $input: CreateServiceInput!) {\n    createService(projectId: $projectId, input: $input) {\n      token\n      service {\n        id\n        slug\n        ...ServiceRow_service\n      }\n    }\n  }\n": types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!, $expectedVersion: Int) {\n    updateService(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      scopes\n      version\n      updatedAt\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n": types.DeleteServiceDocument,
    "\n  mutation RotateServiceToken($id: ID!, $graceSeconds: Int) {\n    rotateServiceToken(id: $id, graceSeconds: $graceSeconds) {\n      token\n      service {\n        id\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n      }\n    }\n  }\n": types.RotateServiceTokenDocument,
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
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      id\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      kind\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventRow_event on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n"): (typeof documents)["\n  fragment EventRow_event on Event {\n    id\n    type\n    at\n    actor {\n      kind\n      id\n    }\n    projectId\n    namespaceId\n    serviceId\n    bindingId\n    before\n    after\n    requestId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventFilters($project: String!) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventFilters($project: String!) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($projectId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(projectId: $projectId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Events($projectId: ID!, $filter: EventFilter, $first: Int, $after: String) {\n    events(projectId: $projectId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectEvents($projectId: ID!) {\n    events(projectId: $projectId) {\n      id\n      type\n      namespaceId\n      serviceId\n      ...EventRow_event\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectEvents($projectId: ID!) {\n    events(projectId: $projectId) {\n      id\n      type\n      namespaceId\n      serviceId\n      ...EventRow_event\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectId($slug: String!) {\n    project(slug: $slug) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ProjectId($slug: String!) {\n    project(slug: $slug) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BindingRow_binding on Binding {\n    id\n    version\n    permissions\n    patterns\n    scopes\n    rate {\n      readRps\n      writeRps\n    }\n    updatedAt\n    namespace {\n      id\n      slug\n      name\n      keyPrefix\n      status\n    }\n    service {\n      id\n      slug\n      name\n      scopes\n    }\n  }\n"): (typeof documents)["\n  fragment BindingRow_binding on Binding {\n    id\n    version\n    permissions\n    patterns\n    scopes\n    rate {\n      readRps\n      writeRps\n    }\n    updatedAt\n    namespace {\n      id\n      slug\n      name\n      keyPrefix\n      status\n    }\n    service {\n      id\n      slug\n      name\n      scopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NamespaceRow_namespace on Namespace {\n    id\n    slug\n    name\n    keyPrefix\n    status\n    policy {\n      quotaBytes\n      defaultTtlSeconds\n      eviction\n    }\n    usage {\n      usedBytes\n      keyCount\n      sampledAt\n    }\n  }\n"): (typeof documents)["\n  fragment NamespaceRow_namespace on Namespace {\n    id\n    slug\n    name\n    keyPrefix\n    status\n    policy {\n      quotaBytes\n      defaultTtlSeconds\n      eviction\n    }\n    usage {\n      usedBytes\n      keyCount\n      sampledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RedisAccess_namespace on Namespace {\n    id\n    access {\n      serviceId\n      username\n      writable\n      writeBlockedBy\n      keyPatterns\n      channels\n      commandsAllowed\n      commandsDenied\n    }\n  }\n"): (typeof documents)["\n  fragment RedisAccess_namespace on Namespace {\n    id\n    access {\n      serviceId\n      username\n      writable\n      writeBlockedBy\n      keyPatterns\n      channels\n      commandsAllowed\n      commandsDenied\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Namespaces($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...NamespaceRow_namespace\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Namespaces($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      namespaces(first: 200, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...NamespaceRow_namespace\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Namespace($project: String!, $namespace: String!) {\n    project(slug: $project) {\n      id\n      slug\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n            scopes\n          }\n        }\n      }\n      namespace(slug: $namespace) {\n        id\n        slug\n        name\n        keyPrefix\n        status\n        version\n        createdAt\n        updatedAt\n        policy {\n          quotaBytes\n          defaultTtlSeconds\n          eviction\n        }\n        usage {\n          usedBytes\n          keyCount\n          sampledAt\n        }\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n        dataRedisEvictionPolicy\n        ...RedisAccess_namespace\n      }\n    }\n  }\n"): (typeof documents)["\n  query Namespace($project: String!, $namespace: String!) {\n    project(slug: $project) {\n      id\n      slug\n      services(first: 200) {\n        edges {\n          node {\n            id\n            slug\n            name\n            scopes\n          }\n        }\n      }\n      namespace(slug: $namespace) {\n        id\n        slug\n        name\n        keyPrefix\n        status\n        version\n        createdAt\n        updatedAt\n        policy {\n          quotaBytes\n          defaultTtlSeconds\n          eviction\n        }\n        usage {\n          usedBytes\n          keyCount\n          sampledAt\n        }\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n        dataRedisEvictionPolicy\n        ...RedisAccess_namespace\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNamespace($projectId: ID!, $input: CreateNamespaceInput!) {\n    createNamespace(projectId: $projectId, input: $input) {\n      id\n      slug\n      ...NamespaceRow_namespace\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNamespace($projectId: ID!, $input: CreateNamespaceInput!) {\n    createNamespace(projectId: $projectId, input: $input) {\n      id\n      slug\n      ...NamespaceRow_namespace\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNamespacePolicy($id: ID!, $policy: NamespacePolicyInput!, $expectedVersion: Int) {\n    updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n      policy {\n        quotaBytes\n        defaultTtlSeconds\n        eviction\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNamespacePolicy($id: ID!, $policy: NamespacePolicyInput!, $expectedVersion: Int) {\n    updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n      policy {\n        quotaBytes\n        defaultTtlSeconds\n        eviction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FreezeNamespace($id: ID!) {\n    freezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation FreezeNamespace($id: ID!) {\n    freezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnfreezeNamespace($id: ID!) {\n    unfreezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UnfreezeNamespace($id: ID!) {\n    unfreezeNamespace(id: $id) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNamespace($id: ID!, $purgeKeys: Boolean) {\n    deleteNamespace(id: $id, purgeKeys: $purgeKeys)\n  }\n"): (typeof documents)["\n  mutation DeleteNamespace($id: ID!, $purgeKeys: Boolean) {\n    deleteNamespace(id: $id, purgeKeys: $purgeKeys)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BindService($namespaceId: ID!, $serviceId: ID!, $input: BindingInput!) {\n    bindService(namespaceId: $namespaceId, serviceId: $serviceId, input: $input) {\n      id\n      ...BindingRow_binding\n    }\n  }\n"): (typeof documents)["\n  mutation BindService($namespaceId: ID!, $serviceId: ID!, $input: BindingInput!) {\n    bindService(namespaceId: $namespaceId, serviceId: $serviceId, input: $input) {\n      id\n      ...BindingRow_binding\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBinding($id: ID!, $input: BindingPatch!, $expectedVersion: Int) {\n    updateBinding(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...BindingRow_binding\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBinding($id: ID!, $input: BindingPatch!, $expectedVersion: Int) {\n    updateBinding(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...BindingRow_binding\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnbindService($id: ID!) {\n    unbindService(id: $id)\n  }\n"): (typeof documents)["\n  mutation UnbindService($id: ID!) {\n    unbindService(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectCard_project on Project {\n    id\n    slug\n    name\n    quotaBytes\n    overview {\n      usedBytes\n      namespaceCount\n      serviceCount\n      bindingCount\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectCard_project on Project {\n    id\n    slug\n    name\n    quotaBytes\n    overview {\n      usedBytes\n      namespaceCount\n      serviceCount\n      bindingCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TopNamespace_namespace on Namespace {\n    id\n    slug\n    name\n    status\n    policy {\n      quotaBytes\n    }\n    usage {\n      usedBytes\n      keyCount\n    }\n  }\n"): (typeof documents)["\n  fragment TopNamespace_namespace on Namespace {\n    id\n    slug\n    name\n    status\n    policy {\n      quotaBytes\n    }\n    usage {\n      usedBytes\n      keyCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ProjectCard_project\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Projects {\n    projects(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          ...ProjectCard_project\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SwitcherProjects {\n    projects(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SwitcherProjects {\n    projects(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectOverview($slug: String!) {\n    project(slug: $slug) {\n      id\n      slug\n      name\n      quotaBytes\n      version\n      createdAt\n      overview {\n        usedBytes\n        quotaBytes\n        namespaceCount\n        serviceCount\n        bindingCount\n        readsPerSec\n        writesPerSec\n        topNamespaces(limit: 5) {\n          id\n          ...TopNamespace_namespace\n        }\n        recentEvents(limit: 10) {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectOverview($slug: String!) {\n    project(slug: $slug) {\n      id\n      slug\n      name\n      quotaBytes\n      version\n      createdAt\n      overview {\n        usedBytes\n        quotaBytes\n        namespaceCount\n        serviceCount\n        bindingCount\n        readsPerSec\n        writesPerSec\n        topNamespaces(limit: 5) {\n          id\n          ...TopNamespace_namespace\n        }\n        recentEvents(limit: 10) {\n          id\n          ...EventRow_event\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      slug\n      ...ProjectCard_project\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      slug\n      ...ProjectCard_project\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!, $expectedVersion: Int) {\n    updateProject(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      quotaBytes\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!, $expectedVersion: Int) {\n    updateProject(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      quotaBytes\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($id: ID!, $force: Boolean) {\n    deleteProject(id: $id, force: $force)\n  }\n"): (typeof documents)["\n  mutation DeleteProject($id: ID!, $force: Boolean) {\n    deleteProject(id: $id, force: $force)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshUsage($projectId: ID!) {\n    refreshUsage(projectId: $projectId) {\n      id\n      overview {\n        usedBytes\n      }\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            usage {\n              usedBytes\n              keyCount\n              sampledAt\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshUsage($projectId: ID!) {\n    refreshUsage(projectId: $projectId) {\n      id\n      overview {\n        usedBytes\n      }\n      namespaces(first: 200) {\n        edges {\n          node {\n            id\n            usage {\n              usedBytes\n              keyCount\n              sampledAt\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceRow_service on Service {\n    id\n    slug\n    name\n    scopes\n    tokenPreview\n    tokenRotatedAt\n    createdAt\n    namespaces {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  fragment ServiceRow_service on Service {\n    id\n    slug\n    name\n    scopes\n    tokenPreview\n    tokenRotatedAt\n    createdAt\n    namespaces {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      # 100 a page: each row also lists its namespaces, and a document may ask for 1000 items.\n      services(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...ServiceRow_service\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Services($project: String!, $after: String) {\n    project(slug: $project) {\n      id\n      slug\n      # 100 a page: each row also lists its namespaces, and a document may ask for 1000 items.\n      services(first: 100, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            ...ServiceRow_service\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($project: String!, $service: String!) {\n    project(slug: $project) {\n      id\n      slug\n      service(slug: $service) {\n        id\n        slug\n        name\n        scopes\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n        createdAt\n        updatedAt\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Service($project: String!, $service: String!) {\n    project(slug: $project) {\n      id\n      slug\n      service(slug: $service) {\n        id\n        slug\n        name\n        scopes\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n        createdAt\n        updatedAt\n        bindings {\n          id\n          ...BindingRow_binding\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceAgentConfig($id: ID!) {\n    node(id: $id) {\n      ... on Service {\n        id\n        agentConfig {\n          project\n          service\n          revision\n          issuedAt\n          redis {\n            host\n            port\n            tls\n            username\n            password\n          }\n          namespaces {\n            id\n            slug\n            keyPrefix\n            status\n            permissions\n            patterns\n            scopes\n            rate {\n              readRps\n              writeRps\n            }\n            policy {\n              quotaBytes\n              defaultTtlSeconds\n              eviction\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceAgentConfig($id: ID!) {\n    node(id: $id) {\n      ... on Service {\n        id\n        agentConfig {\n          project\n          service\n          revision\n          issuedAt\n          redis {\n            host\n            port\n            tls\n            username\n            password\n          }\n          namespaces {\n            id\n            slug\n            keyPrefix\n            status\n            permissions\n            patterns\n            scopes\n            rate {\n              readRps\n              writeRps\n            }\n            policy {\n              quotaBytes\n              defaultTtlSeconds\n              eviction\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($projectId: ID!, $input: CreateServiceInput!) {\n    createService(projectId: $projectId, input: $input) {\n      token\n      service {\n        id\n        slug\n        ...ServiceRow_service\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateService($projectId: ID!, $input: CreateServiceInput!) {\n    createService(projectId: $projectId, input: $input) {\n      token\n      service {\n        id\n        slug\n        ...ServiceRow_service\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!, $expectedVersion: Int) {\n    updateService(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      scopes\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateService($id: ID!, $input: UpdateServiceInput!, $expectedVersion: Int) {\n    updateService(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      name\n      scopes\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteService($id: ID!) {\n    deleteService(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateServiceToken($id: ID!, $graceSeconds: Int) {\n    rotateServiceToken(id: $id, graceSeconds: $graceSeconds) {\n      token\n      service {\n        id\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateServiceToken($id: ID!, $graceSeconds: Int) {\n    rotateServiceToken(id: $id, graceSeconds: $graceSeconds) {\n      token\n      service {\n        id\n        version\n        tokenPreview\n        tokenRotatedAt\n        previousTokenExpiresAt\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;