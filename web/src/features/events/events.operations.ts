import { graphql } from '../../gql';

export const EventFiltersQuery = graphql(`
  query EventFilters($project: String!) {
    project(slug: $project) {
      id
      slug
      namespaces(first: 200) {
        edges {
          node {
            id
            slug
            name
          }
        }
      }
      services(first: 200) {
        edges {
          node {
            id
            slug
            name
          }
        }
      }
    }
  }
`);

export const EventsQuery = graphql(`
  query Events($projectId: ID!, $filter: EventFilter, $first: Int, $after: String) {
    events(projectId: $projectId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...EventRow_event
        }
      }
    }
  }
`);

/** The project's feed, live: the console keeps one per open project (see ProjectLive). */
export const ProjectEventsSubscription = graphql(`
  subscription ProjectEvents($projectId: ID!) {
    events(projectId: $projectId) {
      id
      type
      namespaceId
      serviceId
      ...EventRow_event
    }
  }
`);

export const ProjectIdQuery = graphql(`
  query ProjectId($slug: String!) {
    project(slug: $slug) {
      id
    }
  }
`);
