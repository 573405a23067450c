import { graphql } from '../../gql';

export const ServicesQuery = graphql(`
  query Services($project: String!, $after: String) {
    project(slug: $project) {
      id
      slug
      # 100 a page: each row also lists its namespaces, and a document may ask for 1000 items.
      services(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            ...ServiceRow_service
          }
        }
      }
    }
  }
`);

export const ServiceQuery = graphql(`
  query Service($project: String!, $service: String!) {
    project(slug: $project) {
      id
      slug
      service(slug: $service) {
        id
        slug
        name
        scopes
        version
        tokenPreview
        tokenRotatedAt
        previousTokenExpiresAt
        createdAt
        updatedAt
        bindings {
          id
          ...BindingRow_binding
        }
      }
    }
  }
`);

/** The service's agent config as the server builds it for agents, minus the password. */
export const ServiceAgentConfigQuery = graphql(`
  query ServiceAgentConfig($id: ID!) {
    node(id: $id) {
      ... on Service {
        id
        agentConfig {
          project
          service
          revision
          issuedAt
          redis {
            host
            port
            tls
            username
            password
          }
          namespaces {
            id
            slug
            keyPrefix
            status
            permissions
            patterns
            scopes
            rate {
              readRps
              writeRps
            }
            policy {
              quotaBytes
              defaultTtlSeconds
              eviction
            }
          }
        }
      }
    }
  }
`);

export const CreateServiceMutation = graphql(`
  mutation CreateService($projectId: ID!, $input: CreateServiceInput!) {
    createService(projectId: $projectId, input: $input) {
      token
      service {
        id
        slug
        ...ServiceRow_service
      }
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($id: ID!, $input: UpdateServiceInput!, $expectedVersion: Int) {
    updateService(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      name
      scopes
      version
      updatedAt
    }
  }
`);

export const DeleteServiceMutation = graphql(`
  mutation DeleteService($id: ID!) {
    deleteService(id: $id)
  }
`);

export const RotateServiceTokenMutation = graphql(`
  mutation RotateServiceToken($id: ID!, $graceSeconds: Int) {
    rotateServiceToken(id: $id, graceSeconds: $graceSeconds) {
      token
      service {
        id
        version
        tokenPreview
        tokenRotatedAt
        previousTokenExpiresAt
      }
    }
  }
`);
