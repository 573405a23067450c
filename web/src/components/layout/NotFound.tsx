import { Link } from 'react-router';
import { SearchX } from 'lucide-react';
import { Empty } from '../ui/States';

export function NotFoundPage({ what = 'This page' }: { what?: string }) {
  return (
    <Empty
      icon={<SearchX className="size-6" />}
      title={`${what} does not exist`}
      action={
        <Link to="/projects" className="text-sm text-accent hover:underline">
          Back to projects
        </Link>
      }
    >
      It may have been deleted, or the address is mistyped.
    </Empty>
  );
}
