import { graphql } from '../../gql';

// Placeholder console: one page of projects. The full console pages through them with `after`.
export const PROJECTS_PAGE_SIZE = 100;

export const ConsoleQuery = graphql(`
  query Console($first: Int!) {
    viewer {
      kind
      id
    }
    projects(first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          ...ProjectCard_project
        }
      }
    }
  }
`);
