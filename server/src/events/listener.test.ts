// The listen and events:export tools, run as a user runs them (child processes).
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { createLogger } from '../log.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';
import { makeProject } from '../../test/factories.js';
import { eventually, startReplica, type Replica } from '../../test/ws-client.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

let h: Harness;
let b: Replica;
let restarted: App | null = null;
beforeAll(async () => {
  h = await startHarness();
  b = await startReplica(h);
});
afterAll(async () => {
  await restarted?.stop();
  await b.close();
  await h.close();
});

function tool(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', `server/src/tools/${script}`, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { lines: [] as string[], stderr: '', code: null as number | null };
  let partial = '';
  child.stdout!.on('data', (d) => {
    const parts = (partial + String(d)).split('\n');
    partial = parts.pop()!;
    out.lines.push(...parts);
  });
  child.stderr!.on('data', (d) => (out.stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((out.code = code))));
  return { child, out, exited };
}

const rename = (id: string, name: string) => b.ok(`mutation($id: ID!, $n: String!) { updateProject(id: $id, input: { name: $n }) { id } }`, { id, n: name });

async function allIds(p: string): Promise<string[]> {
  const d = await b.ok(`query($p: ID!) { events(projectId: $p, first: 500) { edges { node { id } } } }`, { p });
  return d.events.edges.map((e: any) => e.node.id).reverse();
}

describe('npm run listen', () => {
  let listener: ChildProcess | null = null;
  afterAll(() => listener?.kill());

  it('prints a line per event and resumes after its server restarts, without a gap or a duplicate', async () => {
    const p = await makeProject(h);
    const port = (h.app.httpServer.address() as AddressInfo).port;
    const run = tool('listen.ts', ['--project', p.slug], { MM_URL: h.url, MM_TOKEN: ADMIN_TOKEN });
    listener = run.child;
    await eventually(() => h.app.deps.events.live === 1, 15_000, 'the listener to subscribe');

    for (let i = 0; i < 3; i++) await rename(p.id, `live ${i}`);
    await eventually(() => run.out.lines.length >= 3, 5_000, 'three lines');

    // The listener's server goes away; changes keep coming through replica B meanwhile.
    await h.app.stop();
    for (let i = 0; i < 3; i++) await rename(p.id, `while down ${i}`);
    restarted = await createApp(h.config, { log: createLogger('silent') });
    await new Promise<void>((resolve) => restarted!.httpServer.listen(port, '127.0.0.1', resolve));
    await eventually(() => run.out.lines.length >= 6, 15_000, 'the missed events after the restart');
    for (let i = 0; i < 2; i++) await rename(p.id, `after ${i}`);
    await eventually(() => run.out.lines.length >= 8, 5_000, 'live events after the restart');
    await new Promise((r) => setTimeout(r, 200));

    const printed = run.out.lines.map((l) => JSON.parse(l));
    expect(printed.map((e) => e.id)).toEqual((await allIds(p.id)).slice(1)); // all but PROJECT_CREATED, once, in order
    expect(printed.map((e) => e.after.name)).toEqual(['live 0', 'live 1', 'live 2', 'while down 0', 'while down 1', 'while down 2', 'after 0', 'after 1']);
    expect(printed[0]).toMatchObject({ type: 'PROJECT_UPDATED', actor: { kind: 'ADMIN', id: 'admin' }, projectId: p.id });
    expect(run.out.stderr).toMatch(/resuming after \d+-\d+/);

    // events:export writes the same lines for the same events, oldest first, from the first one.
    const exp = tool('events-export.ts', ['--project', p.slug], { REDIS_URL: h.config.redisUrl });
    expect(await exp.exited).toBe(0);
    expect(exp.out.lines.slice(1)).toEqual(run.out.lines);
    expect(JSON.parse(exp.out.lines[0]!).type).toBe('PROJECT_CREATED');
  });

  it('exits with an error for a bad token or an unknown project, and export for an unknown project', async () => {
    const bad = tool('listen.ts', ['--project', 'nope'], { MM_URL: b.url, MM_TOKEN: 'wrong-token' });
    expect(await bad.exited).toBe(1);
    expect(bad.out.stderr).toMatch(/UNAUTHENTICATED/);
    const unknown = tool('listen.ts', ['--project', 'nope'], { MM_URL: b.url, MM_TOKEN: ADMIN_TOKEN });
    expect(await unknown.exited).toBe(1);
    expect(unknown.out.stderr).toMatch(/NOT_FOUND/);
    const exp = tool('events-export.ts', ['--project', 'nope'], { REDIS_URL: h.config.redisUrl });
    expect(await exp.exited).toBe(1);
    expect(exp.out.lines).toEqual([]);
  });
});
