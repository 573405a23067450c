// Connections page by page: the first page comes with the screen's own query, each "Load more"
// adds a component that fetches the next page after the last cursor.
import { type ReactNode, useState } from 'react';
import { ChevronDown } from 'lucide-react';
import { type AnyVariables, type DocumentInput, useQuery } from 'urql';
import { Button } from './Button';
import { Loading } from './States';

export interface PageOf<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The cursors of the pages loaded after the first. */
export function useMorePages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return { cursors, more: (cursor: string) => setCursors((c) => [...c, cursor]), reset: () => setCursors([]) };
}

/** "Load more" as the last row of a table (a table may have several tbody elements, one per page). */
export function LoadMoreRow({ page, columns, onMore }: { page: PageOf<unknown>['pageInfo']; columns: number; onMore: (cursor: string) => void }) {
  if (!page.hasNextPage || !page.endCursor) return null;
  return (
    <tbody>
      <tr>
        <td colSpan={columns} className="border-t border-white/5 p-3 text-center">
          <Button size="sm" onClick={() => onMore(page.endCursor!)}>
            <ChevronDown className="size-3.5" aria-hidden /> Load more
          </Button>
        </td>
      </tr>
    </tbody>
  );
}

/** One further page of a table: fetched by its own query, rendered by the screen's row renderer. */
export function MorePage<Data, Variables extends AnyVariables, Node>({
  query,
  variables,
  select,
  children,
}: {
  query: DocumentInput<Data, Variables>;
  variables: Variables;
  select: (data: Data) => PageOf<Node> | null | undefined;
  children: (nodes: Node[], page: PageOf<Node>['pageInfo']) => ReactNode;
}) {
  const [{ data }] = useQuery<Data, Variables>({ query, variables });
  const page = data ? select(data) : null;
  if (!page) {
    return (
      <tbody>
        <tr>
          <td colSpan={99} className="p-3">
            <Loading rows={1} label="Loading more" />
          </td>
        </tr>
      </tbody>
    );
  }
  return <>{children(page.edges.map((e) => e.node), page.pageInfo)}</>;
}
