// Failed-authentication throttling, per client address and per token.
//
// Counted in memory, per replica, on purpose: the check runs before every authenticated request,
// and in Redis it would add a round trip to each of them (the agent route answers in one) and stop
// working in the very outage where clients retry hardest. The cost: behind N replicas an address
// gets N times the budget. Tokens are 256-bit random, so this is about stopping floods of bad
// credentials (and noisy misconfigured agents), not about making guessing feasible or not.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { sendAppError, tooManyRequests } from '../errors.js';

interface Window {
  failures: number;
  resetAt: number;
}

export class AuthThrottle {
  private readonly windows = new Map<string, Window>();
  /** Credential keys that authenticated within the window, until when: their address's block spares them. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Bounds memory under a flood of distinct tokens: the oldest windows are dropped first. */
    private readonly maxEntries = 100_000,
  ) {}

  /** Milliseconds until these keys may try again (0: not blocked). */
  blockedFor(keys: readonly string[]): number {
    const now = this.now();
    let wait = 0;
    const cred = keys.find((k) => k.startsWith('cred:'));
    const known = cred !== undefined && (this.known.get(cred) ?? 0) > now;
    for (const key of keys) {
      // One bad client behind a shared address (a NAT, a balancer) must not lock out the good ones.
      if (known && key.startsWith('addr:')) continue;
      const w = this.windows.get(key);
      if (!w) continue;
      if (w.resetAt <= now) this.windows.delete(key);
      else if (w.failures >= this.limit) wait = Math.max(wait, w.resetAt - now);
    }
    return wait;
  }

  /** Records a successful authentication: the credential passes its address's block for a window. */
  succeed(keys: readonly string[]): void {
    const cred = keys.find((k) => k.startsWith('cred:'));
    if (!cred) return;
    this.known.delete(cred);
    while (this.known.size >= this.maxEntries) this.known.delete(this.known.keys().next().value!);
    this.known.set(cred, this.now() + this.windowMs);
  }

  /** Records one failed authentication against every key. */
  fail(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      let w = this.windows.get(key);
      if (!w || w.resetAt <= now) {
        this.windows.delete(key);
        while (this.windows.size >= this.maxEntries) this.windows.delete(this.windows.keys().next().value!);
        w = { failures: 0, resetAt: now + this.windowMs };
        this.windows.set(key, w);
      }
      w.failures++;
    }
  }
}

/**
 * The keys a request is counted under: its client address and, when it carries credentials, a
 * digest of them (the credential itself is never kept).
 */
export function throttleKeys(address: string | undefined, authorization: string | undefined | null): string[] {
  const keys = [`addr:${address ?? 'unknown'}`];
  if (authorization) keys.push(`cred:${createHash('sha256').update(authorization).digest('base64url').slice(0, 32)}`);
  return keys;
}

/**
 * The client address of a raw request (the WebSocket upgrade), as express's req.ip computes it
 * with `trust proxy` set to a hop count: the socket's peer, or the entry `hops` proxies back in
 * X-Forwarded-For.
 */
export function clientAddress(req: IncomingMessage, hops: number): string | undefined {
  const chain = [req.socket.remoteAddress];
  const forwarded = req.headers['x-forwarded-for'];
  if (hops > 0 && typeof forwarded === 'string') chain.push(...forwarded.split(',').map((s) => s.trim()).reverse());
  return chain[Math.min(hops, chain.length - 1)];
}

/**
 * Answers 429 with Retry-After while the caller is blocked; counts every 401 it answers and notes
 * every success. Used on every route that authenticates (GraphQL over HTTP, the agent route).
 */
export function throttleMiddleware(throttle: AuthThrottle, onRefuse: (code: string) => void = () => {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const keys = throttleKeys(req.ip, req.headers.authorization);
    const wait = throttle.blockedFor(keys);
    if (wait > 0) {
      const err = tooManyRequests(Math.ceil(wait / 1000));
      onRefuse(err.code);
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return sendAppError(res, err);
    }
    res.on('finish', () => {
      if (res.statusCode === 401) throttle.fail(keys);
      // Both routes authenticate before answering 2xx or 304.
      else if ((res.statusCode >= 200 && res.statusCode < 300) || res.statusCode === 304) throttle.succeed(keys);
    });
    next();
  };
}
