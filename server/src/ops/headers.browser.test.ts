// The Content-Security-Policy in a real browser: a page served as the console may load its own
// scripts, call the API and open the same-origin WebSocket; inline scripts and other origins are
// blocked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';

const dist = mkdtempSync(path.join(tmpdir(), 'mm-csp-'));
writeFileSync(
  path.join(dist, 'index.html'),
  `<!doctype html><html><head><link rel="icon" href="data:,">
<script src="/app.js"></script>
<script>window.inlineRan = true;</script>
</head><body><div id="root"></div></body></html>`,
);
writeFileSync(
  path.join(dist, 'app.js'),
  `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective + ' ' + e.blockedURI));
window.results = {};
fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ${ADMIN_TOKEN}' }, body: JSON.stringify({ query: '{ viewer { kind } }' }) })
  .then((r) => r.json()).then((j) => (window.results.fetch = j.data.viewer.kind), (e) => (window.results.fetch = String(e)));
const ws = new WebSocket('ws://' + location.host + '/graphql', 'graphql-transport-ws');
ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ${ADMIN_TOKEN}' } }));
ws.onmessage = (m) => (window.results.ws = JSON.parse(m.data).type);
ws.onerror = () => (window.results.ws = 'error');
window.addEventListener('DOMContentLoaded', () => {
  const cdn = document.createElement('script');
  cdn.src = 'https://cdn.example.com/lib.js';
  document.head.appendChild(cdn);
  document.getElementById('root').style.color = 'rgb(1, 2, 3)'; // style attributes stay allowed
});`,
);

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness({ env: { MM_WEB_DIST: dist } });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h.close();
});

describe('Content-Security-Policy in a browser', () => {
  it('lets the console use its own scripts, the API and its WebSocket, and blocks inline and foreign scripts', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.url}/`);
    await page.waitForFunction(() => (globalThis as any).results?.fetch && (globalThis as any).results?.ws, null, { timeout: 10_000 });
    await page.waitForFunction(() => (globalThis as any).violations.some((v: string) => v.includes('cdn.example.com')), null, { timeout: 10_000 });
    const state = await page.evaluate(() => ({
      results: (globalThis as any).results,
      inlineRan: (globalThis as any).inlineRan ?? false,
      violations: (globalThis as any).violations as string[],
      color: (globalThis as any).document.getElementById('root').style.color as string,
    }));
    expect(state.results).toEqual({ fetch: 'ADMIN', ws: 'connection_ack' });
    expect(state.inlineRan).toBe(false);
    expect(state.color).toBe('rgb(1, 2, 3)');
    expect(state.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline$/), expect.stringMatching(/^script-src-elem https:\/\/cdn\.example\.com/)]));
    expect(state.violations.filter((v) => /connect-src/.test(v))).toEqual([]);
    await page.close();
  }, 30_000);
});
