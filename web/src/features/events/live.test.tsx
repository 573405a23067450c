// @vitest-environment happy-dom
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportSocket } from '../../lib/urql';
import { renderWithServer } from '../../test/render';
import { ProjectLive, useLiveRefetch } from './live';

afterEach(cleanup);

function Page({ onRefetch }: { onRefetch: () => void }) {
  useLiveRefetch(onRefetch);
  return null;
}

describe('the live feed', () => {
  it('has pages reload when the socket comes back after a drop (events sent meanwhile never arrive)', async () => {
    const refetch = vi.fn();
    renderWithServer(
      <ProjectLive slug="shop">
        <Page onRefetch={refetch} />
      </ProjectLive>,
      () => ({ data: { project: { __typename: 'Project', id: 'project:shop' } } }),
    );
    reportSocket('live');
    await new Promise((r) => setTimeout(r, 400));
    expect(refetch).not.toHaveBeenCalled();
    reportSocket('connecting');
    reportSocket('live');
    await waitFor(() => expect(refetch).toHaveBeenCalledOnce());
  });
});
