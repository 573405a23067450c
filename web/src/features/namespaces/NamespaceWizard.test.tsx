// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithServer } from '../../test/render';
import { NamespaceWizard } from './NamespaceWizard';

afterEach(cleanup);

const project = { id: 'project:shop', slug: 'shop' };

describe('NamespaceWizard', () => {
  it('takes the user back to the Policy step when the server refuses the quota (input.policy.quotaBytes)', async () => {
    const onClose = vi.fn();
    renderWithServer(<NamespaceWizard project={project} onClose={onClose} />, () => ({
      errors: [
        {
          message: "The namespaces' quotas would total 5469762048 bytes, more than the project's quota of 1073741824 bytes",
          extensions: { code: 'QUOTA_EXCEEDED', field: 'input.policy.quotaBytes', total: 5469762048, limit: 1073741824 },
        },
      ],
    }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Carts{Enter}');
    await user.type(await screen.findByLabelText('Quota'), '5 GiB{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Create namespace' }));
    await waitFor(() => expect(screen.getByLabelText('Quota').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toBe("The namespaces' quotas would total 5.09 GiB, more than the project's quota of 1 GiB");
    expect(onClose).not.toHaveBeenCalled();
  });
});
