import { useCallback, useEffect, useState } from 'react';
import { SignIn } from './components/SignIn';
import { ProjectList } from './features/projects/ProjectList';
import { clearToken, getToken, setToken } from './lib/auth';

// The repository README (served next to the console by the server, or read it in the repository).
const README_URL = '/README.md';

export function App() {
  const [token, setTokenState] = useState(getToken);
  const [notice, setNotice] = useState<string | null>(null);

  // Signing in or out in another tab applies here too.
  useEffect(() => {
    const onStorage = () => setTokenState(getToken());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const signIn = useCallback((value: string) => {
    setToken(value);
    setNotice(null);
    setTokenState(value);
  }, []);

  const signOut = useCallback((message: string | null = null) => {
    clearToken();
    setNotice(message);
    setTokenState(null);
  }, []);

  return (
    <div className="shell">
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          MemMouse
        </h1>
        <span className="muted">control plane for multi-tenant Redis</span>
      </header>

      <main>
        {token ? (
          // key: a new token starts a fresh view (and a fresh query).
          <ProjectList key={token} onUnauthenticated={signOut} onSignOut={() => signOut()} />
        ) : (
          <SignIn notice={notice} onSignIn={signIn} />
        )}
      </main>

      <footer className="note">
        This is a placeholder console; the full console (namespaces, services, bindings, live events) is
        coming. Until then, see the <a href={README_URL}>README</a> and the GraphQL API at{' '}
        <code>/graphql</code>.
      </footer>
    </div>
  );
}
