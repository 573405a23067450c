// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql';
import { renderWithServer } from '../../test/render';
import { ProjectCard, ProjectCardFragment } from './ProjectCard';

afterEach(cleanup);

describe('ProjectCard', () => {
  it('counts in words that agree with the number', () => {
    const project = makeFragmentData(
      { id: 'project:one', slug: 'one', name: 'One', quotaBytes: 0, overview: { usedBytes: null, namespaceCount: 1, serviceCount: 1, bindingCount: 2 } },
      ProjectCardFragment,
    );
    renderWithServer(<ProjectCard project={project} />, () => ({ data: null }));
    expect(screen.getByText('1 namespace')).toBeTruthy();
    expect(screen.getByText('1 service')).toBeTruthy();
    expect(screen.getByText('2 bindings')).toBeTruthy();
  });
});
