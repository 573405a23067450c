import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { KeyRound, ShieldCheck } from 'lucide-react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { setToken, signInNotice, useToken } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { authHeaders, resetWebsocket } from '../../lib/urql';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Logo } from './Shell';
import { useTitle } from '../../lib/title';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      kind
      id
    }
  }
`);

/** Where a signed-in user goes next: back to the page that sent them here, never off-site. */
export function safeNext(next: string | null, origin = window.location.origin): string {
  if (!next?.startsWith('/')) return '/projects';
  // Browsers read "/\host" (and "/<tab>/host") as "//host": resolve it the way they do.
  const url = new URL(next, origin);
  return url.origin === origin ? url.pathname + url.search + url.hash : '/projects';
}

export function SignInPage() {
  const token = useToken();
  const [params] = useSearchParams();
  const client = useClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const notice = signInNotice();
  useTitle('Sign in');

  if (token) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const candidate = value.trim();
    if (!candidate) return setError('Paste your admin token');
    setChecking(true);
    // Check the token before keeping it, with this token only (not the stored one).
    const res = await client
      .query(ViewerQuery, {}, { requestPolicy: 'network-only', fetchOptions: { headers: authHeaders(candidate) } })
      .toPromise();
    setChecking(false);
    if (res.error) return setError(describeError(res.error).message);
    if (res.data?.viewer.kind !== 'ADMIN') return setError('That is a service token. The console needs an admin token.');
    resetWebsocket();
    setToken(candidate);
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md">
        <div className="mb-8 flex flex-col items-center text-center">
          <div className="scale-125">
            <Logo />
          </div>
          <p className="mt-3 text-sm text-slate-400">The control plane for multi-tenant Redis</p>
        </div>
        <form onSubmit={submit} className="glass-strong space-y-5 p-6" noValidate>
          <div className="flex items-center gap-3">
            <span className="rounded-xl border border-white/10 bg-white/5 p-2 text-accent">
              <KeyRound className="size-5" aria-hidden />
            </span>
            <div>
              <h1 className="text-lg font-semibold text-white">Sign in</h1>
              <p className="text-sm text-slate-400">with an admin token</p>
            </div>
          </div>
          {notice && (
            <p role="status" className="rounded-xl border border-amber-300/25 bg-amber-400/10 p-3 text-sm text-amber-100" data-testid="sign-in-notice">
              {notice}
            </p>
          )}
          <Field label="Admin token" error={error} hint={<>The one in <code>MM_ADMIN_TOKEN</code>, or the one the server printed at its first start.</>}>
            <input
              className="input font-mono"
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" className="w-full" busy={checking}>
            Sign in
          </Button>
          <p className="flex items-start gap-2 text-xs text-slate-500">
            <ShieldCheck className="mt-px size-3.5 shrink-0" aria-hidden />
            <span>
              The token stays in this browser and is sent only to this server. The link the server prints (ending in <code>#token=…</code>) signs you in directly.
            </span>
          </p>
        </form>
      </div>
    </main>
  );
}
