// npm run bench: requests per second and latency of the two hot paths, against a private
// redis-server: the agent config (full answer and 304) and a nested project overview.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { startHarness, ADMIN_TOKEN } from '../test/harness.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

async function run(name: string, once: () => Promise<void>) {
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
  console.log(`${name.padEnd(28)} ${(latencies.length / (DURATION_MS / 1000)).toFixed(0).padStart(7)} req/s   p50 ${q(0.5)} ms   p99 ${q(0.99)} ms`);
}

const h = await startHarness();
try {
  const seeded = await h.ok(`mutation { seedDemoData { serviceTokens { token service { id } } } }`);
  const token = seeded.seedDemoData.serviceTokens[0].token as string;
  const url = `${h.url}/v1/agent/config`;
  const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const etag = first.headers.get('etag')!;
  await first.text();
  const overview = JSON.stringify({
    query: `{ project(slug: "acme") { overview { usedBytes namespaceCount topNamespaces { slug } recentEvents { id type } }
      namespaces { edges { node { slug usage { usedBytes } bindings { id service { slug scopes } } } } } } }`,
  });
  console.log(`concurrency ${CONCURRENCY}, ${DURATION_MS} ms each`);
  await run('agent config (200)', async () => {
    await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text();
  });
  await run('agent config (304)', async () => {
    await (await fetch(url, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } })).text();
  });
  await run('graphql nested overview', async () => {
    await (
      await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: overview,
      })
    ).text();
  });
} finally {
  await h.close();
}
