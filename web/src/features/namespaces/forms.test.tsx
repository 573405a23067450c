// @vitest-environment happy-dom
// The namespace forms against server-shaped replies: what they send, and where errors land.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badInput, renderWithServer } from '../../test/render';
import { BindingDialog } from './BindingDialog';
import { PolicyDialog } from './PolicyDialog';

afterEach(cleanup);

const namespace = { id: 'namespace:shop/carts', name: 'Carts', version: 4, policy: { quotaBytes: 1073741824, defaultTtlSeconds: 3600, eviction: 'NOEVICTION' as const } };
const policyReply = { data: { updateNamespacePolicy: { __typename: 'Namespace', id: namespace.id, version: 5, updatedAt: '2026-01-01T00:00:00Z', policy: { __typename: 'NamespacePolicy', quotaBytes: 10737418240, defaultTtlSeconds: null, eviction: 'ALLKEYS_LRU' } } } };

describe('PolicyDialog', () => {
  it('starts from the current policy in units and sends exact numbers, with the version it edited', async () => {
    const onClose = vi.fn();
    const { requests } = renderWithServer(<PolicyDialog namespace={namespace} onReload={() => {}} onClose={onClose} />, () => policyReply);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Quota')).toHaveProperty('value', '1 GiB');
    expect(screen.getByLabelText('Default TTL')).toHaveProperty('value', '1h');
    await user.clear(screen.getByLabelText('Quota'));
    await user.type(screen.getByLabelText('Quota'), '10 GiB');
    await user.clear(screen.getByLabelText('Default TTL'));
    await user.selectOptions(screen.getByLabelText('Eviction when full'), 'ALLKEYS_LRU');
    expect(screen.getByText(/used least recently, whether or not they have a TTL/)).toBeTruthy();
    await user.type(screen.getByLabelText('Quota'), '{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests).toEqual([
      {
        operationName: 'UpdateNamespacePolicy',
        variables: { id: namespace.id, policy: { quotaBytes: 10737418240, defaultTtlSeconds: null, eviction: 'ALLKEYS_LRU' }, expectedVersion: 4 },
      },
    ]);
  });

  it('refuses a size it cannot read at the field, without asking the server', async () => {
    const { requests } = renderWithServer(<PolicyDialog namespace={namespace} onReload={() => {}} onClose={() => {}} />, () => policyReply);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Quota'));
    await user.type(screen.getByLabelText('Quota'), 'ten gigs{Enter}');
    expect(screen.getByLabelText('Quota').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/Type a size like/);
    expect(requests).toEqual([]);
  });

  it('shows the server\'s BAD_USER_INPUT at the field it names', async () => {
    renderWithServer(<PolicyDialog namespace={namespace} onReload={() => {}} onClose={() => {}} />, () =>
      badInput('policy.defaultTtlSeconds', 'must be between 1 and 31536000 seconds, or null for no default TTL'),
    );
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Default TTL'));
    await user.type(screen.getByLabelText('Default TTL'), '900d{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Default TTL').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Quota').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Must be between 1 and 31536000 seconds, or null for no default TTL');
  });

  it('explains a CONFLICT and offers to reload', async () => {
    const onReload = vi.fn();
    renderWithServer(<PolicyDialog namespace={namespace} onReload={onReload} onClose={() => {}} />, () => ({
      errors: [{ message: 'namespace:shop/carts was changed by someone else', extensions: { code: 'CONFLICT' } }],
    }));
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Quota'));
    await user.type(screen.getByLabelText('Quota'), '3 GiB{Enter}');
    await screen.findByText('Changed by someone else');
    await user.click(screen.getByRole('button', { name: 'Reload the latest version' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('sends only what the user changed, and takes a newer policy into the fields left alone', async () => {
    const { requests, rerender } = renderWithServer(<PolicyDialog namespace={namespace} onReload={() => {}} onClose={() => {}} />, () => policyReply);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Quota'));
    await user.type(screen.getByLabelText('Quota'), '2 GiB');
    // Meanwhile someone else changed the TTL and the quota (a live refetch brings it in).
    rerender(<PolicyDialog namespace={{ ...namespace, version: 5, policy: { ...namespace.policy, quotaBytes: 5 * 1024 ** 3, defaultTtlSeconds: 7200 } }} onReload={() => {}} onClose={() => {}} />);
    await waitFor(() => expect(screen.getByLabelText('Default TTL')).toHaveProperty('value', '2h'));
    expect(screen.getByLabelText('Quota')).toHaveProperty('value', '2 GiB');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    // Still against the version the user saw: the server will say CONFLICT rather than overwrite.
    expect(requests[0]!.variables).toEqual({ id: namespace.id, policy: { quotaBytes: 2 * 1024 ** 3 }, expectedVersion: 4 });
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    renderWithServer(<PolicyDialog namespace={namespace} onReload={() => {}} onClose={onClose} />, () => policyReply);
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('BindingDialog', () => {
  const services = [
    { id: 'service:shop/api', slug: 'api', name: 'Shop API', scopes: ['STRING', 'HASH'] as ('STRING' | 'HASH')[] },
    { id: 'service:shop/worker', slug: 'worker', name: 'Worker', scopes: ['LIST'] as 'LIST'[] },
  ];
  const ns = { id: 'namespace:shop/carts', slug: 'carts', keyPrefix: 'shop:carts:' };

  it('marks only the pattern the server refused', async () => {
    renderWithServer(<BindingDialog namespace={ns} services={services} boundServiceIds={[]} binding={null} onClose={() => {}} />, () =>
      badInput('input.patterns[1]', '"a b" contains whitespace or a character reserved by Redis ACL rules'),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add pattern' }));
    await user.type(screen.getByLabelText('Pattern 2'), 'a b');
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    await waitFor(() => expect(screen.getByLabelText('Pattern 2').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Pattern 1').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/^"a b" contains whitespace/);
  });

  it('offers only the chosen service\'s scopes and sends the binding as typed', async () => {
    const { requests } = renderWithServer(<BindingDialog namespace={ns} services={services} boundServiceIds={[]} binding={null} onClose={() => {}} />, () => ({ data: null }));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Service'), 'service:shop/worker');
    const scopes = screen.getByRole('group', { name: 'Command scopes' });
    expect([...scopes.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['LIST']);
    await user.click(screen.getByRole('button', { name: 'WRITE' }));
    await user.clear(screen.getByLabelText('Pattern 1'));
    await user.type(screen.getByLabelText('Pattern 1'), 'cart:*');
    await user.type(screen.getByLabelText('Read limit (requests/s)'), '250');
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({
      operationName: 'BindService',
      variables: {
        namespaceId: ns.id,
        serviceId: 'service:shop/worker',
        input: { permissions: ['READ'], patterns: ['cart:*'], scopes: ['LIST'], rate: { readRps: 250, writeRps: null } },
      },
    });
  });

  it('offers only services not bound here yet (binding again would replace their binding)', async () => {
    const { requests } = renderWithServer(
      <BindingDialog namespace={ns} services={services} boundServiceIds={['service:shop/api']} binding={null} onClose={() => {}} />,
      () => ({ data: null }),
    );
    const user = userEvent.setup();
    expect([...screen.getByLabelText<HTMLSelectElement>('Service').options].map((o) => o.value)).toEqual(['service:shop/worker']);
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.variables.serviceId).toBe('service:shop/worker');
    cleanup();
    renderWithServer(<BindingDialog namespace={ns} services={services} boundServiceIds={services.map((s) => s.id)} binding={null} onClose={() => {}} />, () => ({ data: null }));
    expect(screen.getByText(/Every service of this project is bound here already/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bind service' })).toHaveProperty('disabled', true);
  });

  it('drops the server\'s answer to an earlier try once the form refuses a new value itself', async () => {
    const { requests } = renderWithServer(<BindingDialog namespace={ns} services={services} boundServiceIds={[]} binding={null} onClose={() => {}} />, () =>
      badInput('input.patterns[0]', 'must be 1-200 characters'),
    );
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Pattern 1'));
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    await waitFor(() => expect(screen.getByLabelText('Pattern 1').getAttribute('aria-invalid')).toBe('true'));
    await user.type(screen.getByLabelText('Pattern 1'), 'cart:*');
    await user.type(screen.getByLabelText('Read limit (requests/s)'), '-1');
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([expect.stringMatching(/^A whole number of requests per second/)]);
    expect(requests).toHaveLength(1);
  });

  it('checks a rate limit before sending it', async () => {
    const { requests } = renderWithServer(<BindingDialog namespace={ns} services={services} boundServiceIds={[]} binding={null} onClose={() => {}} />, () => ({ data: null }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Write limit (requests/s)'), 'fast');
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    expect(screen.getByLabelText('Write limit (requests/s)').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);
    // Past a GraphQL Int the server could only answer with a parse error naming a variable.
    await user.type(screen.getByLabelText('Read limit (requests/s)'), '3000000000');
    await user.click(screen.getByRole('button', { name: 'Bind service' }));
    expect(screen.getByLabelText('Read limit (requests/s)').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);
  });
});
