// Request logs (JSON lines, never a credential) and Prometheus metrics.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';
import { makeProject, makeService } from '../../test/factories.js';
import { createLogger } from '../log.js';
import { keys } from '../redis/keys.js';

const lines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    log: createLogger('info', { destination: capture }),
    env: { MM_USAGE_INTERVAL_MS: '3600000', MM_RECONCILE_INTERVAL_MS: '60000' },
  });
});
afterAll(() => h.close());

const records = () => lines.map((l) => JSON.parse(l) as Record<string, any>);
const metricsText = async () => (await fetch(`${h.url}/metrics`)).text();

/** The value of one series in Prometheus text, or null. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return null;
}

describe('request logs', () => {
  it('writes one JSON line per request with request id, operation, duration, actor and outcome', async () => {
    lines.length = 0;
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'x-request-id': 'log-1' },
      body: JSON.stringify({ query: `query WhoAmI { viewer { id } }` }),
    });
    expect(res.status).toBe(200);
    const line = records().find((r) => r.requestId === 'log-1');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'WhoAmI', operationType: 'query', actor: 'ADMIN:admin', outcome: 'ok' });
    expect(typeof line?.durationMs).toBe('number');
  });

  it('logs the error code as the outcome, and never a token or password, whatever happens', async () => {
    lines.length = 0;
    const p = await makeProject(h, { slug: 'logged' });
    const s = await makeService(h, p.id, { slug: 'svc' });
    const wrong = `${s.token.slice(0, -4)}ZZZZ`;
    const post = (token: string, query: string, id: string) =>
      fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': id },
        body: JSON.stringify({ query }),
      });
    await post(s.token, `{ viewer { id } }`, 'log-svc');
    await post(wrong, `{ viewer { id } }`, 'log-wrong');
    await post(s.token, `{ projects { totalCount } }`, 'log-forbidden');
    await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${s.token}` } });
    // An internal error is logged with its detail, still without the credential that came with it.
    const saved = await h.redis.get(keys.service('logged', 'svc'));
    await h.redis.set(keys.service('logged', 'svc'), '{corrupt');
    await post(s.token, `{ viewer { id } }`, 'log-internal');
    await h.redis.set(keys.service('logged', 'svc'), saved!);

    const all = records();
    expect(all.find((r) => r.requestId === 'log-svc')).toMatchObject({ actor: 'SERVICE:service:logged/svc', outcome: 'ok' });
    expect(all.find((r) => r.requestId === 'log-wrong' && r.msg === 'request')).toMatchObject({ status: 401, outcome: 'UNAUTHENTICATED' });
    expect(all.find((r) => r.requestId === 'log-forbidden')).toMatchObject({ outcome: 'FORBIDDEN' });
    expect(all.find((r) => r.requestId === 'log-internal' && r.msg === 'internal error')?.err).toBeTruthy();
    expect(all.find((r) => r.requestId === 'log-internal' && r.msg === 'request')).toMatchObject({ outcome: 'INTERNAL_SERVER_ERROR' });

    const text = lines.join('\n');
    for (const secret of [ADMIN_TOKEN, s.token, wrong, s.token.slice(-43), 'Bearer']) expect(text).not.toContain(secret);
  });

  it('redacts credentials a caller might hand the logger, including a failed Redis command\'s arguments', () => {
    const out: string[] = [];
    const log = createLogger('info', { destination: new Writable({ write: (c, _e, d) => (out.push(String(c)), d()) }) });
    const err = Object.assign(new Error('WRONGPASS'), { command: { name: 'auth', args: ['mm', 'hunter2'] } });
    log.info({ authorization: 'Bearer abc', password: 'hunter2', req: { headers: { authorization: 'Bearer abc' } }, err }, 'x');
    expect(out.join('')).not.toMatch(/hunter2|Bearer abc/);
  });
});

describe('metrics', () => {
  it('serves Prometheus text with requests and latency by operation, errors by code, Redis latency and loops', async () => {
    const post = (query: string, token = ADMIN_TOKEN) =>
      fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const before = await metricsText();
    const count = (t: string) => series(t, 'memmouse_graphql_operations_total', { operation: 'Metered', type: 'query', outcome: 'ok' }) ?? 0;
    const forbidden = (t: string) => series(t, 'memmouse_graphql_errors_total', { code: 'UNAUTHENTICATED' }) ?? 0;
    await post(`query Metered { projects { totalCount } }`);
    await post(`query Metered { projects { totalCount } }`);
    await post(`{ viewer { id } }`, 'nope');

    const res = await fetch(`${h.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const after = await res.text();
    expect(count(after) - count(before)).toBe(2);
    expect(forbidden(after) - forbidden(before)).toBe(1);
    expect(series(after, 'memmouse_graphql_operation_duration_seconds_count', { operation: 'Metered', type: 'query' })).toBeGreaterThanOrEqual(2);
    expect(series(after, 'memmouse_http_requests_total', { route: '/graphql', method: 'POST', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(series(after, 'memmouse_redis_command_duration_seconds_count', { client: 'control', command: 'zrange' })).toBeGreaterThanOrEqual(2);
    expect(series(after, 'memmouse_subscriptions_active')).toBe(0);
    expect(series(after, 'memmouse_acl_reconcile_runs_total', { outcome: 'ok' })).toBe(0);
    expect(series(after, 'memmouse_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts usage collector and ACL reconcile passes', async () => {
    h.app.start(); // one pass of each now, the next ones much later
    const deadline = Date.now() + 10_000;
    let collector = 0;
    let reconcile = 0;
    while (Date.now() < deadline && (collector === 0 || reconcile === 0)) {
      const text = await metricsText();
      collector = series(text, 'memmouse_usage_collector_runs_total', { outcome: 'ok' }) ?? 0;
      reconcile = series(text, 'memmouse_acl_reconcile_runs_total', { outcome: 'ok' }) ?? 0;
      if (!collector || !reconcile) await new Promise((r) => setTimeout(r, 50));
    }
    expect(collector).toBe(1);
    expect(reconcile).toBe(1);
  });

  it('bounds operation-name labels: names that are not GraphQL names count as "other"', () => {
    const m = h.app.deps.metrics;
    expect(m.operationLabel('Fine_1')).toBe('Fine_1');
    expect(m.operationLabel('no spaces allowed')).toBe('other');
    expect(m.operationLabel(null)).toBe('anonymous');
  });
});
