import { type FormEvent, useState } from 'react';

interface Props {
  notice: string | null;
  onSignIn: (token: string) => void;
}

export function SignIn({ notice, onSignIn }: Props) {
  const [token, setToken] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = token.trim();
    if (value) onSignIn(value);
  }

  return (
    <form className="card sign-in" onSubmit={submit}>
      <h2>Sign in</h2>
      <p className="muted">
        Paste an admin token: the one in <code>MM_ADMIN_TOKEN</code>, or the one the server printed at
        its first start. A link ending in <code>#token=…</code> signs you in directly.
      </p>
      {notice && (
        <p className="alert" role="alert">
          {notice}
        </p>
      )}
      <label htmlFor="token">Admin token</label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <button type="submit" disabled={!token.trim()}>
        Sign in
      </button>
    </form>
  );
}
