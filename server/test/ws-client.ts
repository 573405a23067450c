// A graphql-transport-ws client speaking the raw protocol (so tests see close codes and every frame),
// and a second app instance on a harness's Redis (a replica).
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createApp, type App } from '../src/app.js';
import { createLogger } from '../src/log.js';
import { ADMIN_TOKEN, type Harness } from './harness.js';

type Frame = { type: string; id?: string; payload?: any };

export class WsClient {
  readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly closedPromise: Promise<{ code: number; reason: string }>;
  private seq = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      this.frames.push(frame);
      this.wake();
    });
    this.closedPromise = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        this.closed = { code, reason: String(reason) };
        this.wake();
        resolve(this.closed);
      }),
    );
    socket.on('error', () => {});
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Opens a socket; with `init`, sends connection_init and waits for the ack (or the close). */
  static async open(httpUrl: string, token: string | null = ADMIN_TOKEN, init = true): Promise<WsClient> {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const client = new WsClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (init) {
      client.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
      await client.until(() => client.frames.some((f) => f.type === 'connection_ack') || client.closed !== null);
    }
    return client;
  }

  send(frame: Frame) {
    this.socket.send(JSON.stringify(frame));
  }

  /** Sends a subscribe and returns its id. */
  subscribe(query: string, variables: Record<string, unknown> = {}): string {
    const id = String(++this.seq);
    this.send({ id, type: 'subscribe', payload: { query, variables } });
    return id;
  }

  /** Waits until `check()` holds, or fails after `ms`. */
  async until(check: () => boolean, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; frames: ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The frames for subscription `id`. */
  of(id: string): Frame[] {
    return this.frames.filter((f) => f.id === id);
  }

  /** The data of the `next` frames for `id`. */
  data(id: string): any[] {
    return this.of(id)
      .filter((f) => f.type === 'next')
      .map((f) => f.payload);
  }

  /** Waits for `n` next frames on `id` and returns their payloads. */
  async nexts(id: string, n: number, ms = 5_000): Promise<any[]> {
    await this.until(() => this.data(id).length >= n || this.of(id).some((f) => f.type === 'error' || f.type === 'complete'), ms);
    return this.data(id);
  }

  close() {
    this.socket.close(1000);
  }

  /** Drops the TCP connection without a close frame. */
  kill() {
    this.socket.terminate();
  }
}

/** Polls `check` until it holds or `ms` passes (the "within N s" requirements). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Replica {
  url: string;
  app: App;
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** A second MemMouse process-equivalent on the same Redis as `h`. */
export async function startReplica(h: Harness, events: NonNullable<Parameters<typeof createApp>[1]>['events'] = {}): Promise<Replica> {
  const app = await createApp(h.config, { log: createLogger('silent'), events });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return {
    url,
    app,
    async ok(query, variables = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    close: () => app.stop(),
  };
}
