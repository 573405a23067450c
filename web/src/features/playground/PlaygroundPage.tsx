// GraphiQL, bundled with the console (no CDN): queries and mutations over HTTP with the signed-in
// token, subscriptions over the same graphql-ws endpoint with the token in connection_init.
import { useMemo } from 'react';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';
import { useToken } from '../../lib/auth';
import { authHeaders, wsUrl } from '../../lib/urql';

const DEFAULT_QUERY = `# The MemMouse API, signed in as you.
# Ctrl-Enter runs it; Docs (left) shows every type.
{
  viewer { kind id }
  projects {
    edges {
      node { id name overview { usedBytes namespaceCount } }
    }
  }
}
`;

export default function PlaygroundPage() {
  const token = useToken();
  const fetcher = useMemo(() => {
    const wsClient = createClient({
      url: wsUrl(),
      lazy: true,
      connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
    });
    return createGraphiQLFetcher({ url: '/graphql', headers: authHeaders(token), wsClient });
  }, [token]);
  return (
    <div className="graphiql-host h-[calc(100vh-3.5rem)]">
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility={false} forcedTheme="dark" />
    </div>
  );
}
