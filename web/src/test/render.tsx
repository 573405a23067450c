// A small custom render for component tests: the real urql client pipeline over a fake `fetch`
// that answers like the server does (JSON bodies with data or errors), recording what was sent.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Client, Provider, fetchExchange } from 'urql';

export interface SentRequest {
  operationName: string | undefined;
  variables: Record<string, any>;
}

export type Reply = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export function renderWithServer(ui: ReactElement, reply: (req: SentRequest) => Reply) {
  const requests: SentRequest[] = [];
  const client = new Client({
    url: 'http://console.test/graphql',
    preferGetMethod: false,
    exchanges: [fetchExchange],
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { operationName?: string; variables?: Record<string, any> };
      const req = { operationName: body.operationName, variables: body.variables ?? {} };
      requests.push(req);
      return new Response(JSON.stringify(reply(req)), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  const view = render(ui, {
    wrapper: ({ children }) => (
      <Provider value={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </Provider>
    ),
  });
  return { ...view, requests };
}

export const badInput = (field: string, message: string): Reply => ({
  errors: [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } }],
});
