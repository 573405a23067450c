import { graphql } from '../../gql';

export const NamespacesQuery = graphql(`
  query Namespaces($project: String!, $after: String) {
    project(slug: $project) {
      id
      slug
      namespaces(first: 200, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...NamespaceRow_namespace
          }
        }
      }
    }
  }
`);

export const NamespaceQuery = graphql(`
  query Namespace($project: String!, $namespace: String!) {
    project(slug: $project) {
      id
      slug
      services(first: 200) {
        edges {
          node {
            id
            slug
            name
            scopes
          }
        }
      }
      namespace(slug: $namespace) {
        id
        slug
        name
        keyPrefix
        status
        version
        createdAt
        updatedAt
        policy {
          quotaBytes
          defaultTtlSeconds
          eviction
        }
        usage {
          usedBytes
          keyCount
          sampledAt
        }
        bindings {
          id
          ...BindingRow_binding
        }
        dataRedisEvictionPolicy
        ...RedisAccess_namespace
      }
    }
  }
`);

export const CreateNamespaceMutation = graphql(`
  mutation CreateNamespace($projectId: ID!, $input: CreateNamespaceInput!) {
    createNamespace(projectId: $projectId, input: $input) {
      id
      slug
      ...NamespaceRow_namespace
    }
  }
`);

export const UpdateNamespacePolicyMutation = graphql(`
  mutation UpdateNamespacePolicy($id: ID!, $policy: NamespacePolicyInput!, $expectedVersion: Int) {
    updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $expectedVersion) {
      id
      version
      updatedAt
      policy {
        quotaBytes
        defaultTtlSeconds
        eviction
      }
    }
  }
`);

export const FreezeNamespaceMutation = graphql(`
  mutation FreezeNamespace($id: ID!) {
    freezeNamespace(id: $id) {
      id
      status
      version
    }
  }
`);

export const UnfreezeNamespaceMutation = graphql(`
  mutation UnfreezeNamespace($id: ID!) {
    unfreezeNamespace(id: $id) {
      id
      status
      version
    }
  }
`);

export const DeleteNamespaceMutation = graphql(`
  mutation DeleteNamespace($id: ID!, $purgeKeys: Boolean) {
    deleteNamespace(id: $id, purgeKeys: $purgeKeys)
  }
`);

export const BindServiceMutation = graphql(`
  mutation BindService($namespaceId: ID!, $serviceId: ID!, $input: BindingInput!) {
    bindService(namespaceId: $namespaceId, serviceId: $serviceId, input: $input) {
      id
      ...BindingRow_binding
    }
  }
`);

export const UpdateBindingMutation = graphql(`
  mutation UpdateBinding($id: ID!, $input: BindingPatch!, $expectedVersion: Int) {
    updateBinding(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      ...BindingRow_binding
    }
  }
`);

export const UnbindServiceMutation = graphql(`
  mutation UnbindService($id: ID!) {
    unbindService(id: $id)
  }
`);
