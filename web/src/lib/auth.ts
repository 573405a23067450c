// The admin token lives in localStorage under one key. Components follow it with useToken();
// the urql client reads it on every request and in every graphql-ws connection_init.
import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'mm.token';
const listeners = new Set<() => void>();
let notice: string | null = null;

function emit() {
  for (const l of listeners) l();
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
  notice = null;
  emit();
}

/** Signs out; `message` is shown on the sign-in screen (why the session ended). */
export function clearToken(message: string | null = null): void {
  localStorage.removeItem(TOKEN_KEY);
  notice = message;
  emit();
}

export function signInNotice(): string | null {
  return notice;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Signing in or out in another tab applies here too.
  const onStorage = (e: StorageEvent) => e.key === TOKEN_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}

/**
 * Accepts a link like `/#token=...` (what the server prints at first start): stores the token and
 * strips the fragment so it does not linger in the address bar or the history. A fragment is never
 * sent to the server, unlike a query string.
 */
export function takeTokenFromUrl(): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token')?.trim();
  if (!token) return;
  setToken(token);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
