// The admin token lives in localStorage under one key; the urql client reads it on every request.
const TOKEN_KEY = 'mm.token';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

/**
 * Accepts a link like `/#token=...` (what the server prints at first start): stores the token and
 * strips the fragment so it does not linger in the address bar or the history.
 */
export function takeTokenFromUrl(): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token')?.trim();
  if (!token) return;
  setToken(token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
