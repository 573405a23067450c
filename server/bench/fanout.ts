// npm run bench:fanout: delivery latency of one project's events to many graphql-ws subscribers on
// one process, against a raw `ws` broadcast of the same frames. The subscribers live in a child
// process (the other core); the publisher changes the project over HTTP at a fixed rate and times
// each change from the request to each subscriber's receipt (both clocks: timeOrigin + now()).
// Modes alternate over FANOUT_ROUNDS rounds, so load from elsewhere on the machine hits both alike.
//   FANOUT_SUBSCRIBERS (1000)  FANOUT_RATE events/s (10)  FANOUT_SECONDS per mode and round (10)  FANOUT_ROUNDS (2)
import 'reflect-metadata';
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import WebSocket, { WebSocketServer } from 'ws';

const SUBSCRIBERS = Number(process.env.FANOUT_SUBSCRIBERS ?? 1000);
const RATE = Number(process.env.FANOUT_RATE ?? 10);
const SECONDS = Number(process.env.FANOUT_SECONDS ?? 10);
const ROUNDS = Number(process.env.FANOUT_ROUNDS ?? 2);
const DOC = `subscription($p: ID!) { events(projectId: $p) { id type at actor { kind id } after } }`;
const now = () => performance.timeOrigin + performance.now();

type Mode = 'graphql-ws' | 'raw ws';

// ---- child: the subscribers -------------------------------------------------------------------
async function subscribers(mode: Mode, url: string, token: string, project: string) {
  const receipts = new Map<string, number[]>(); // change name -> receipt times
  const onFrame = (data: WebSocket.RawData) => {
    const t = now();
    const frame = JSON.parse(String(data));
    if (frame.type !== 'next') return;
    const name = frame.payload.data.events.after.name as string;
    let list = receipts.get(name);
    if (!list) receipts.set(name, (list = []));
    list.push(t);
  };
  const sockets: WebSocket[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const ws = new WebSocket(url, mode === 'graphql-ws' ? 'graphql-transport-ws' : undefined);
    sockets.push(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if (mode === 'graphql-ws') {
      ws.on('message', (data) => {
        const f = JSON.parse(String(data));
        if (f.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: DOC, variables: { p: project } } }));
        else if (f.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
        else onFrame(data);
      });
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    } else {
      ws.on('message', onFrame);
    }
  }
  process.send!({ type: 'connected' });
  process.on('message', (m: { type: string }) => {
    if (m.type !== 'report') return;
    process.send!({ type: 'receipts', receipts: [...receipts] }, () => {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    });
  });
}

// ---- parent: server, publisher, report --------------------------------------------------------
async function bench() {
  const { startHarness, ADMIN_TOKEN } = await import('../test/harness.js');
  const { createContext } = await import('../src/context.js');
  const { executionStats } = await import('../src/events/ws.js');
  const { getSchema } = await import('../src/schema.js');
  const h = await startHarness({ env: { LOG_LEVEL: 'silent' } });
  const schema = await getSchema();
  const project = (await h.ok(`mutation { createProject(input: { slug: "bench", name: "Bench" }) { id } }`)).createProject.id as string;

  // The baseline: one feed from the same hub, executed once per event, the frame built once and
  // written to every socket as it is.
  const rawHttp = http.createServer();
  const raw = new WebSocketServer({ server: rawHttp });
  await new Promise<void>((resolve) => rawHttp.listen(0, '127.0.0.1', resolve));
  const baseline: { feed: AsyncIterableIterator<unknown> | null } = { feed: null };
  const startRaw = async () => {
    const feed = (baseline.feed = await h.app.deps.events.open({ project: 'bench', after: null, filter: {} }));
    const document = parse(DOC);
    void (async () => {
      for await (const event of feed) {
        const ctx = createContext(h.app.deps, { kind: 'ADMIN', id: 'admin' });
        const payload = await execute({ schema, document, rootValue: event, contextValue: ctx, variableValues: { p: project } });
        const frame = JSON.stringify({ id: '1', type: 'next', payload });
        for (const ws of raw.clients) ws.send(frame);
      }
    })();
  };

  const measured: Record<Mode, { latencies: number[]; missing: number; events: number; executions: number }> = {
    'raw ws': { latencies: [], missing: 0, events: 0, executions: 0 },
    'graphql-ws': { latencies: [], missing: 0, events: 0, executions: 0 },
  };
  for (let round = 0; round < ROUNDS; round++) for (const mode of ['raw ws', 'graphql-ws'] as Mode[]) {
    const url = mode === 'raw ws' ? `ws://127.0.0.1:${(rawHttp.address() as AddressInfo).port}` : `${h.url.replace('http', 'ws')}/graphql`;
    const child = fork(new URL(import.meta.url).pathname, ['subscribers', mode, url, ADMIN_TOKEN, project], { execArgv: process.execArgv });
    const message = (type: string) => new Promise<any>((resolve) => child.on('message', (m: any) => m.type === type && resolve(m)));
    const connected = message('connected');
    await connected;
    if (mode === 'raw ws') {
      await startRaw();
      while (raw.clients.size < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 20));
    }
    const deadline = Date.now() + 60_000;
    const ready = () => (mode === 'raw ws' ? h.app.deps.events.live >= 1 : h.app.deps.events.live >= SUBSCRIBERS);
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`${mode}: subscribers did not go live`);
      await new Promise((r) => setTimeout(r, 20));
    }

    const sent = new Map<string, number>();
    const runs = executionStats.executions;
    const total = RATE * SECONDS;
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = t0 + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const name = `${mode} ${round}.${i}`;
      sent.set(name, now());
      await h.ok(`mutation($id: ID!, $n: String!) { updateProject(id: $id, input: { name: $n }) { id } }`, { id: project, n: name });
    }
    await new Promise((r) => setTimeout(r, 1_000)); // let the last deliveries land
    const receipts = message('receipts');
    child.send({ type: 'report' });
    const got = new Map<string, number[]>((await receipts).receipts);
    const m = measured[mode];
    for (const [name, t] of sent) {
      const list = got.get(name) ?? [];
      m.missing += SUBSCRIBERS - list.length;
      for (const r of list) m.latencies.push(r - t);
    }
    m.events += total;
    m.executions += executionStats.executions - runs;
    await baseline.feed?.return?.();
    baseline.feed = null;
    while (h.app.deps.events.subscribers > 0) await new Promise((r) => setTimeout(r, 20));
  }

  console.log(`${SUBSCRIBERS} subscribers, ${RATE} events/s, ${ROUNDS} x ${SECONDS} s per mode; latency from the change request to receipt (ms)`);
  const p99: Partial<Record<Mode, number>> = {};
  for (const [mode, m] of Object.entries(measured) as [Mode, (typeof measured)[Mode]][]) {
    const l = m.latencies.sort((a, b) => a - b);
    const q = (p: number) => l[Math.min(l.length - 1, Math.floor(l.length * p))]!.toFixed(2);
    p99[mode] = Number(q(0.99));
    const runs = mode === 'graphql-ws' ? `   executions ${m.executions} for ${m.events} events` : '';
    console.log(`${mode.padEnd(11)} p50 ${q(0.5).padStart(8)}   p99 ${q(0.99).padStart(8)}   max ${l.at(-1)!.toFixed(2).padStart(8)}   samples ${l.length}   missing ${m.missing}${runs}`);
  }
  const ratio = p99['graphql-ws']! / p99['raw ws']!;
  console.log(`p99 ratio graphql-ws / raw ws: ${ratio.toFixed(2)} (target <= 2)`);
  raw.close();
  rawHttp.close();
  await h.close();
}

if (process.argv[2] === 'subscribers') {
  await subscribers(process.argv[3] as Mode, process.argv[4]!, process.argv[5]!, process.argv[6]!);
} else {
  await bench();
}
