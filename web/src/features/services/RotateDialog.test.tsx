// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badInput, renderWithServer } from '../../test/render';
import { RotateDialog } from './RotateDialog';

afterEach(cleanup);

const service = { id: 'service:shop/api', name: 'Shop API' };

describe('RotateDialog', () => {
  it('shows the server\'s refusal at the overlap field', async () => {
    const { requests } = renderWithServer(<RotateDialog service={service} onRotated={vi.fn()} onClose={() => {}} />, () =>
      badInput('graceSeconds', 'must be between 0 and 604800 seconds'),
    );
    const user = userEvent.setup();
    await user.click(screen.getByText('Rotate with an overlap window'));
    const field = screen.getByLabelText('Old token keeps working for');
    await user.clear(field);
    await user.type(field, '8d{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Must be between 0 and 604800 seconds'));
    expect(requests[0]!.variables).toEqual({ id: service.id, graceSeconds: 691200 });
  });

  it('drops the server\'s answer to an earlier try once the form refuses a new value itself', async () => {
    const { requests } = renderWithServer(<RotateDialog service={service} onRotated={vi.fn()} onClose={() => {}} />, () => ({
      errors: [{ message: 'Redis is unavailable', extensions: { code: 'UNAVAILABLE' } }],
    }));
    const user = userEvent.setup();
    await user.click(screen.getByText('Rotate with an overlap window'));
    const field = screen.getByLabelText('Old token keeps working for');
    await user.type(field, '{Enter}');
    await screen.findByText('Redis is unavailable');
    await user.clear(field);
    await user.type(field, 'soon{Enter}');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Type a duration like 30s, 15m, 1h or 7d']);
    expect(requests).toHaveLength(1);
  });
});
