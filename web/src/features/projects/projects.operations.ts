import { graphql } from '../../gql';

export const ProjectsQuery = graphql(`
  query Projects {
    projects(first: 100) {
      totalCount
      edges {
        node {
          id
          ...ProjectCard_project
        }
      }
    }
  }
`);

export const SwitcherProjectsQuery = graphql(`
  query SwitcherProjects {
    projects(first: 100) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`);

export const ProjectOverviewQuery = graphql(`
  query ProjectOverview($slug: String!) {
    project(slug: $slug) {
      id
      slug
      name
      quotaBytes
      version
      createdAt
      overview {
        usedBytes
        quotaBytes
        namespaceCount
        serviceCount
        bindingCount
        readsPerSec
        writesPerSec
        topNamespaces(limit: 5) {
          id
          ...TopNamespace_namespace
        }
        recentEvents(limit: 10) {
          id
          ...EventRow_event
        }
      }
    }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      slug
      ...ProjectCard_project
    }
  }
`);

export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!, $expectedVersion: Int) {
    updateProject(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      name
      quotaBytes
      version
    }
  }
`);

export const DeleteProjectMutation = graphql(`
  mutation DeleteProject($id: ID!, $force: Boolean) {
    deleteProject(id: $id, force: $force)
  }
`);

export const RefreshUsageMutation = graphql(`
  mutation RefreshUsage($projectId: ID!) {
    refreshUsage(projectId: $projectId) {
      id
      overview {
        usedBytes
      }
      namespaces(first: 200) {
        edges {
          node {
            id
            usage {
              usedBytes
              keyCount
              sampledAt
            }
          }
        }
      }
    }
  }
`);
