import { Link } from 'react-router';
import { Pencil, Trash2 } from 'lucide-react';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { BindingRow_BindingFragment } from '../../gql/graphql';
import { Button } from '../../components/ui/Button';
import { formatRate } from '../../lib/format';

export const BindingRowFragment = graphql(`
  fragment BindingRow_binding on Binding {
    id
    version
    permissions
    patterns
    scopes
    rate {
      readRps
      writeRps
    }
    updatedAt
    namespace {
      id
      slug
      name
      keyPrefix
      status
    }
    service {
      id
      slug
      name
      scopes
    }
  }
`);

export type BindingData = BindingRow_BindingFragment;

export function bindingData(b: FragmentType<typeof BindingRowFragment>) {
  return getFragmentData(BindingRowFragment, b);
}

function Permissions({ permissions, frozen }: { permissions: readonly string[]; frozen: boolean }) {
  const write = permissions.includes('WRITE') && !frozen;
  return (
    <span className="flex gap-1">
      {permissions.includes('READ') && <span className="chip border-sky-300/25 text-sky-200">read</span>}
      {permissions.includes('WRITE') && (
        <span className={`chip ${write ? 'border-amber-300/25 text-amber-200' : 'text-slate-500 line-through'}`} title={frozen ? 'The namespace is frozen: read-only for now' : undefined}>
          write
        </span>
      )}
    </span>
  );
}

/**
 * One binding in a table, seen from the namespace (`side="namespace"`: the other end is the
 * service) or from the service (the other end is the namespace). The access column lists the
 * absolute key patterns the binding covers.
 */
export function BindingRow({
  project,
  binding,
  side,
  onEdit,
  onRemove,
}: {
  project: string;
  binding: FragmentType<typeof BindingRowFragment>;
  side: 'namespace' | 'service';
  onEdit?: () => void;
  onRemove?: () => void;
}) {
  const b = bindingData(binding);
  const other =
    side === 'namespace'
      ? { href: `/projects/${project}/services/${b.service.slug}`, name: b.service.name, slug: b.service.slug }
      : { href: `/projects/${project}/namespaces/${b.namespace.slug}`, name: b.namespace.name, slug: b.namespace.slug };
  return (
    <tr data-testid={`binding-${b.service.slug}-${b.namespace.slug}`} className="align-top">
      <td className="td">
        <Link to={other.href} className="font-medium text-white hover:text-accent">
          {other.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">{other.slug}</div>
      </td>
      <td className="td">
        <Permissions permissions={b.permissions} frozen={b.namespace.status === 'FROZEN'} />
      </td>
      <td className="td">
        <ul className="space-y-0.5 font-mono text-xs">
          {b.patterns.map((p) => (
            <li key={p} title={`Keys matching ${b.namespace.keyPrefix}${p}`}>
              <span className="text-slate-500">{b.namespace.keyPrefix}</span>
              <span className="text-slate-100">{p}</span>
            </li>
          ))}
        </ul>
      </td>
      <td className="td hidden md:table-cell">
        <div className="flex max-w-64 flex-wrap gap-1">
          {b.scopes.map((s) => (
            <span key={s} className="chip">
              {s.toLowerCase().replace('_', ' ')}
            </span>
          ))}
        </div>
      </td>
      <td className="td hidden text-xs whitespace-nowrap text-slate-400 lg:table-cell">
        <div>read {formatRate(b.rate.readRps)}</div>
        <div>write {formatRate(b.rate.writeRps)}</div>
      </td>
      {(onEdit || onRemove) && (
        <td className="td text-right whitespace-nowrap">
          {onEdit && (
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit binding of ${b.service.slug}`}>
              <Pencil className="size-3.5" aria-hidden />
            </Button>
          )}
          {onRemove && (
            <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove binding of ${b.service.slug}`} className="hover:text-rose-300">
              <Trash2 className="size-3.5" aria-hidden />
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}

export function BindingTableHead({ side, actions }: { side: 'namespace' | 'service'; actions: boolean }) {
  return (
    <thead>
      <tr>
        <th className="th">{side === 'namespace' ? 'Service' : 'Namespace'}</th>
        <th className="th">Access</th>
        <th className="th">Key patterns</th>
        <th className="th hidden md:table-cell">Command scopes</th>
        <th className="th hidden lg:table-cell">Rate limits</th>
        {actions && (
          <th className="th">
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
