// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithServer } from '../../test/render';
import { ProjectWizard } from './ProjectWizard';

afterEach(cleanup);

describe('ProjectWizard', () => {
  it('walks the steps with Enter (the review too), checks each, and sends the size typed with units in bytes', async () => {
    const { requests } = renderWithServer(<ProjectWizard onClose={() => {}} />, () => ({ data: null }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Slug'), '{Enter}');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    await user.type(screen.getByLabelText('Name'), 'Acme Shop{Enter}');
    await user.type(await screen.findByLabelText('Project quota'), '10 GiB{Enter}');
    await screen.findByText('project:acme-shop');
    // The review step has no field: Enter still submits.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.variables).toEqual({ input: { name: 'Acme Shop', slug: 'acme-shop', quotaBytes: 10737418240 } });
  });

  it('takes the user back to the step whose field the server refused', async () => {
    const onClose = vi.fn();
    renderWithServer(<ProjectWizard onClose={onClose} />, () => ({
      errors: [{ message: 'project acme already exists', extensions: { code: 'ALREADY_EXISTS', id: 'project:acme' } }],
    }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Acme{Enter}');
    await user.type(await screen.findByLabelText('Project quota'), '{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(screen.getByLabelText('Slug').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toBe('Project acme already exists. Pick another slug.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('cancels with Escape', async () => {
    const onClose = vi.fn();
    renderWithServer(<ProjectWizard onClose={onClose} />, () => ({ data: null }));
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
