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
