import { useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { CopyButton } from '../../components/ui/Misc';

/** The one time a token is visible. It lives only in this dialog's state: closing forgets it. */
export function TokenReveal({ title, serviceName, token, note, onClose }: { title: string; serviceName: string; token: string; note?: string; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      title={title}
      description={`The token ${serviceName}'s agent uses to fetch its config and connect.`}
      onClose={onClose}
      footer={
        <Button variant={copied ? 'primary' : 'secondary'} onClick={onClose}>
          {copied ? 'Done' : 'Close without copying'}
        </Button>
      }
    >
      <div className="mb-4 flex gap-2.5 rounded-xl border border-amber-300/25 bg-amber-400/10 p-3 text-sm text-amber-100">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          <strong>Copy it now: it is shown only once.</strong> MemMouse keeps only a digest, so nobody can show it again. If it is lost, rotate the token.
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid="token" className="flex-1 rounded-lg border border-white/10 bg-black/40 px-3 py-2.5 font-mono text-[13px] break-all text-emerald-200 select-all">
          {token}
        </code>
        <CopyButton value={token} label="Copy token" onCopied={() => setCopied(true)} />
      </div>
      {note && <p className="mt-3 text-xs text-slate-400">{note}</p>}
    </Dialog>
  );
}
