// GraphiQL, bundled with the console (no CDN): queries and mutations over HTTP with the signed-in
// token, subscriptions over the same graphql-ws endpoint with the token in connection_init.
import { useMemo } from 'react';
import { GraphiQL } from 'graphiql';
import { type Fetcher, createGraphiQLFetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import 'graphiql/style.css';
import { useToken } from '../../lib/auth';
import { authHeaders, websocket } from '../../lib/urql';
import { useTitle } from '../../lib/title';

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

function isSubscription(query: string, operationName?: string | null): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // not parseable: let the server say what is wrong with it
  }
}

export default function PlaygroundPage() {
  const token = useToken();
  useTitle('Playground');
  const fetcher = useMemo<Fetcher>(() => {
    // The console's own WebSocket (lib/urql.ts): its connection_init carries the signed-in token.
    const wsClient = websocket();
    const http = createGraphiQLFetcher({ url: '/graphql', headers: authHeaders(token) });
    // The toolkit routes only *named* subscriptions to the WebSocket; decide from the document
    // itself, so `subscription { events(...) }` works too.
    return (params, opts) => {
      if (isSubscription(params.query, params.operationName)) {
        const results = wsClient.iterate({ query: params.query, variables: params.variables ?? undefined, operationName: params.operationName ?? undefined });
        // GraphiQL types results with GraphQLError objects; off the wire they are the formatted
        // (plain JSON) form, which it shows just the same.
        return results as unknown as ReturnType<Fetcher>;
      }
      return http(params, opts);
    };
  }, [token]);
  return (
    <div className="graphiql-host h-[calc(100vh-3.5rem)]">
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility={false} forcedTheme="dark" />
    </div>
  );
}
