import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Download, Link2, Pencil, RotateCcwKey, Trash2 } from 'lucide-react';
import { useClient, useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { Confirm } from '../../components/ui/Confirm';
import { Time } from '../../components/ui/Display';
import { PageHeader, Section } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import { NotFoundPage } from '../../components/layout/NotFound';
import { describeError } from '../../lib/errors';
import { useAction } from '../../lib/useAction';
import { BindingRow, BindingTableHead } from '../namespaces/BindingRow';
import { RotateDialog, rotationNote } from './RotateDialog';
import { ServiceDialog } from './ServiceDialog';
import { TokenReveal } from './TokenReveal';
import { downloadAgentConfig } from './download';
import { DeleteServiceMutation, ServiceQuery } from './services.operations';
import { useLiveRefetch } from '../events/live';
import { useTitle } from '../../lib/title';

const CONTEXT = { additionalTypenames: ['Binding', 'Namespace'] };
const DELETED = { additionalTypenames: ['Service', 'Binding'] };

type Pending = { kind: 'edit' } | { kind: 'rotate' } | { kind: 'delete' } | { kind: 'token'; token: string; grace: number } | null;

export function ServicePage() {
  const { project: projectSlug = '', service: serviceSlug = '' } = useParams();
  const navigate = useNavigate();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceQuery, variables: { project: projectSlug, service: serviceSlug }, context: CONTEXT });
  const [pending, setPending] = useState<Pending>(null);
  useTitle(data?.project?.service?.name ?? serviceSlug, projectSlug);
  useLiveRefetch(() => refetch({ requestPolicy: 'network-only' }));
  const [downloading, setDownloading] = useState(false);
  const remove = useAction(DeleteServiceMutation, { toastErrors: true, context: DELETED });

  if (error && !data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading rows={3} label="Loading service" />;
  const project = data?.project;
  const svc = project?.service;
  if (!project || !svc) return <NotFoundPage what={`Service “${serviceSlug}”`} />;
  const close = () => setPending(null);

  async function download() {
    setDownloading(true);
    const r = await downloadAgentConfig(client, svc!.id);
    setDownloading(false);
    if (!r.ok) {
      const p = r.error ? describeError(r.error) : { title: 'Download failed', message: 'The service no longer exists.' };
      toast.error(p.title, p.message);
    }
  }

  return (
    <div>
      <PageHeader
        title={svc.name}
        subtitle={<code>{svc.id}</code>}
        actions={
          <>
            <Button onClick={() => void download()} busy={downloading} title="The agent config as JSON, without secrets">
              <Download className="size-4" aria-hidden /> Download config
            </Button>
            <Button onClick={() => setPending({ kind: 'rotate' })}>
              <RotateCcwKey className="size-4" aria-hidden /> Rotate token
            </Button>
            <Button onClick={() => setPending({ kind: 'edit' })}>
              <Pencil className="size-4" aria-hidden /> Edit
            </Button>
            <Button variant="ghost" onClick={() => setPending({ kind: 'delete' })} aria-label="Delete service" title="Delete service" className="hover:text-rose-300">
              <Trash2 className="size-4" aria-hidden />
            </Button>
          </>
        }
      />

      <div className="grid gap-4 md:grid-cols-3">
        <section className="glass p-5" aria-label="Token">
          <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Token</p>
          <p className="mt-2 font-mono text-sm text-slate-200" data-testid="token-preview">
            {svc.tokenPreview}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {svc.tokenRotatedAt ? (
              <>
                rotated <Time iso={svc.tokenRotatedAt} />
              </>
            ) : (
              <>
                issued <Time iso={svc.createdAt} />
              </>
            )}
          </p>
          {svc.previousTokenExpiresAt && new Date(svc.previousTokenExpiresAt).getTime() > Date.now() && (
            <p className="mt-2 text-xs text-amber-200">
              The previous token stops working <Time iso={svc.previousTokenExpiresAt} />
            </p>
          )}
        </section>
        <section className="glass p-5 md:col-span-2" aria-label="Scope ceiling">
          <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Scope ceiling</p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {svc.scopes.map((s) => (
              <span key={s} className="chip">
                {s.toLowerCase().replace('_', ' ')}
              </span>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500">No binding of this service may grant a command family outside this set.</p>
        </section>
      </div>

      <Section className="mt-6" title={`Bindings (${svc.bindings.length})`}>
        {svc.bindings.length === 0 ? (
          <div className="p-4">
            <Empty icon={<Link2 className="size-6" />} title="Not bound to any namespace">
              Open a namespace and use “Bind service” to give {svc.name} access to its keys.
            </Empty>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full">
              <BindingTableHead side="service" actions={false} />
              <tbody>
                {svc.bindings.map((b) => (
                  <BindingRow key={b.id} project={project.slug} binding={b} side="service" />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      {pending?.kind === 'edit' && <ServiceDialog project={project} service={svc} onClose={close} />}
      {pending?.kind === 'rotate' && <RotateDialog service={svc} onRotated={(token, grace) => setPending({ kind: 'token', token, grace })} onClose={close} />}
      {pending?.kind === 'token' && <TokenReveal title="New token" serviceName={svc.name} token={pending.token} note={rotationNote(pending.grace)} onClose={close} />}
      {pending?.kind === 'delete' && (
        <Confirm
          title={`Delete ${svc.name}?`}
          confirmLabel="Delete service"
          danger
          typeToConfirm={svc.slug}
          busy={remove.fetching}
          onConfirm={async () => {
            if (await remove.run({ id: svc.id })) {
              toast.success('Service deleted');
              navigate(`/projects/${project.slug}/services`);
            }
          }}
          onClose={close}
        >
          Its token stops working and its {svc.bindings.length} bindings are removed. It cannot be undone.
        </Confirm>
      )}
    </div>
  );
}
