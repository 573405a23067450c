// The console in a real browser against a real server on a real redis-server: the operator's
// tour, step by step (the steps share one page and run in order).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type Harness, startHarness } from '../../server/test/harness.js';
import { DIST, ensureConsoleBuilt, launchBrowser, screenshotDir } from './browser.js';

let h: Harness;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
let shots: string;
const pageErrors: string[] = [];
const elsewhere: string[] = [];
const cspViolations: string[] = [];
let firstToken = '';
/** The service's token after the rotation step. */
let currentToken = '';

const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
const dialog = () => page.getByRole('dialog');

/**
 * The server follows a stream from when its tail is up, a moment after `subscribe` arrives, and
 * says nothing when that is. So before the change under test, make harmless changes until one is
 * seen: from then on, every event reaches the page.
 */
async function untilFollowing(probe: (n: number) => Promise<unknown>, seen: () => Promise<boolean>): Promise<void> {
  let n = 0;
  await expect
    .poll(
      async () => {
        await probe(++n);
        return seen();
      },
      { timeout: 10_000, interval: 200 },
    )
    .toBe(true);
}

const renameProject = (n: number) => h.ok(`mutation($name: String!) { updateProject(id: "project:shop", input: { name: $name }) { id } }`, { name: `Shop ${n}` });

/** Resolves once the page's WebSocket has sent `subscribe`: only then is a subscription live. */
function waitForSubscribe(p: Page): Promise<void> {
  return new Promise((resolve) => {
    p.on('websocket', (ws) => {
      ws.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"type":"subscribe"')) resolve();
      });
    });
  });
}

async function serverNamespace(id: string) {
  const d = await h.ok(`query($id: ID!) { node(id: $id) { ... on Namespace { status version policy { quotaBytes defaultTtlSeconds eviction } } } }`, { id });
  return d.node;
}

beforeAll(async () => {
  ensureConsoleBuilt();
  h = await startHarness({ env: { MM_WEB_DIST: DIST } });
  browser = await launchBrowser();
  context = browser.context;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The server's Content-Security-Policy holds for the whole console: every violation is reported.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`)),
  );
  page.on('console', (m) => m.text().startsWith('CSP violation') && cspViolations.push(m.text()));
  // The console (GraphiQL included) works offline: nothing is fetched from anywhere else.
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(h.url) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  shots = screenshotDir();
}, 120_000);

// The steps build on each other: after one fails, the rest would only time out one by one.
let failed = false;
beforeEach((ctx) => {
  if (failed) ctx.skip();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  failed = true;
  // What the browser showed when it failed, next to the screenshots.
  await page?.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('console', () => {
  it('refuses a wrong token and says why, then signs in from the printed #token= link', async () => {
    await page.goto(`${h.url}/projects`);
    await page.waitForURL(/\/sign-in\?next=%2Fprojects/);
    await shot('sign-in');
    await page.getByLabel('Admin token').fill('not-the-token-0000000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('not accepted');

    await page.goto(`${h.url}/#token=${ADMIN_TOKEN}`);
    await page.waitForURL(/\/projects$/);
    // The fragment is gone from the address bar at once.
    expect(page.url()).not.toContain('token');
    await page.getByText('No projects yet').waitFor();
  });

  it('sends an expired or revoked token back to sign-in with a message', async () => {
    await page.evaluate(() => localStorage.setItem('mm.token', 'revoked-token-000000000000000000'));
    await page.goto(`${h.url}/projects`);
    await page.getByTestId('sign-in-notice').waitFor();
    expect(await page.getByTestId('sign-in-notice').textContent()).toMatch(/not accepted/);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/projects$/);
  });

  it('creates a project through the wizard (ESC closes it; "10 GiB" is typed as a size)', async () => {
    await page.getByRole('button', { name: 'New project' }).click();
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'New project' }).click();
    await dialog().getByLabel('Name', { exact: true }).fill('Shop');
    expect(await dialog().getByLabel('Slug', { exact: true }).inputValue()).toBe('shop');
    await page.keyboard.press('Enter');
    await page.getByLabel('Project quota').fill('10 GiB');
    await page.keyboard.press('Enter');
    await dialog().getByText('project:shop').waitFor();
    await shot('project-wizard');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/shop$/);
    const d = await h.ok(`{ project(slug: "shop") { quotaBytes } }`);
    expect(d.project.quotaBytes).toBe(10 * 1024 ** 3);
  });

  it('creates a namespace through the wizard and opens it', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Namespaces' }).click();
    await page.getByText('No namespaces yet').waitFor();
    await page.getByRole('button', { name: 'New namespace' }).first().click();
    await dialog().getByLabel('Name', { exact: true }).fill('Carts');
    await page.keyboard.press('Enter');
    await dialog().getByLabel('Quota', { exact: true }).fill('1 GiB');
    await page.getByLabel('Default TTL').fill('1h');
    await page.getByLabel('Eviction when full').selectOption('VOLATILE_LRU');
    await dialog().getByText('least recently used keys among those that have a TTL').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Create namespace' }).click();
    await page.waitForURL(/\/projects\/shop\/namespaces\/carts$/);
    await page.getByRole('heading', { name: 'Carts' }).waitFor();
    expect(await serverNamespace('namespace:shop/carts')).toMatchObject({
      policy: { quotaBytes: 1024 ** 3, defaultTtlSeconds: 3600, eviction: 'VOLATILE_LRU' },
    });
  });

  it('edits the policy', async () => {
    await page.getByRole('button', { name: 'Edit policy' }).click();
    await dialog().getByLabel('Quota', { exact: true }).fill('2 GiB');
    await page.getByLabel('Default TTL').fill('');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('ns-policy').textContent()).toContain('2 GiB');
    expect(await serverNamespace('namespace:shop/carts')).toMatchObject({ policy: { quotaBytes: 2 * 1024 ** 3, defaultTtlSeconds: null } });
    // The size is exact on hover.
    expect(await page.getByTestId('ns-policy').getByText('2 GiB').getAttribute('title')).toBe('2,147,483,648 bytes');
  });

  it('explains a CONFLICT when someone else changed the namespace meanwhile', async () => {
    await page.getByRole('button', { name: 'Edit policy' }).click();
    await h.ok(`mutation { updateNamespacePolicy(id: "namespace:shop/carts", policy: { eviction: ALLKEYS_LRU }) { version } }`);
    await dialog().getByLabel('Quota', { exact: true }).fill('3 GiB');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await dialog().getByText('Changed by someone else').waitFor();
    await page.getByRole('button', { name: 'Reload the latest version' }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await dialog().waitFor({ state: 'detached' });
    // Only what this user changed was sent: the other client's eviction change survived.
    expect(await serverNamespace('namespace:shop/carts')).toMatchObject({ policy: { quotaBytes: 3 * 1024 ** 3, eviction: 'ALLKEYS_LRU' } });
  });

  it('creates a service and copies its token, shown once', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'New service' }).first().click();
    await dialog().getByLabel('Name', { exact: true }).fill('Shop API');
    await page.getByRole('button', { name: 'Create service' }).click();
    const token = await page.getByTestId('token').textContent();
    expect(token).toMatch(/\S{30,}/);
    await shot('service-token');
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    // It is a working service token.
    const viewer = await h.ok(`{ viewer { kind id } }`, {}, token);
    expect(viewer.viewer).toEqual({ kind: 'SERVICE', id: 'service:shop/shop-api' });
    firstToken = token!;
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(/\/projects\/shop\/services\/shop-api$/);
  });

  it('binds the service: a bad pattern is refused at its field, a good one is saved', async () => {
    await page.goto(`${h.url}/projects/shop/namespaces/carts`);
    await page.getByRole('button', { name: 'Bind service' }).click();
    await page.getByLabel('Pattern 1', { exact: true }).fill('cart:(x)');
    await page.getByRole('button', { name: 'Add pattern' }).click();
    await page.getByLabel('Pattern 2', { exact: true }).fill('basket:*');
    await page.getByRole('button', { name: 'Bind service' }).last().click();
    const pattern = page.getByLabel('Pattern 1', { exact: true });
    await expect.poll(() => pattern.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().locator('[data-field-error]').textContent()).toMatch(/reserved by Redis ACL/);
    expect(await page.getByLabel('Pattern 2', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await shot('binding-error');
    const none = await h.ok(`{ node(id: "namespace:shop/carts") { ... on Namespace { bindings { id } } } }`);
    expect(none.node.bindings).toEqual([]);

    await pattern.fill('cart:*');
    await page.getByLabel('Read limit (requests/s)').fill('1000');
    await page.getByRole('button', { name: 'Bind service' }).last().click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId('binding-shop-api-carts').waitFor();
    const d = await h.ok(`{ node(id: "binding:shop/carts/shop-api") { ... on Binding { patterns permissions rate { readRps writeRps } } } }`);
    expect(d.node).toEqual({ patterns: ['cart:*', 'basket:*'], permissions: ['READ', 'WRITE'], rate: { readRps: 1000, writeRps: null } });
    // The Redis access the binding grants, as the enforcer applied it.
    const access = page.getByTestId('access-shop-api');
    await access.getByText('mm:shop:shop-api').waitFor();
    expect(await access.textContent()).toContain('~shop:carts:cart:*');
    expect(await access.textContent()).toContain('may write');
  });

  it('freezes and unfreezes the namespace after confirming', async () => {
    await page.getByRole('button', { name: 'Freeze', exact: true }).click();
    await dialog().getByText('become read-only').waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect((await serverNamespace('namespace:shop/carts')).status).toBe('ACTIVE');

    await page.getByRole('button', { name: 'Freeze', exact: true }).click();
    await page.getByRole('button', { name: 'Freeze namespace' }).click();
    await page.getByText('Frozen', { exact: true }).first().waitFor();
    expect((await serverNamespace('namespace:shop/carts')).status).toBe('FROZEN');
    await page.getByTestId('access-shop-api').getByText('read-only: the namespace is frozen').waitFor();

    await page.getByRole('button', { name: 'Unfreeze', exact: true }).click();
    await dialog().getByRole('button', { name: 'Unfreeze' }).click();
    await page.getByRole('button', { name: 'Freeze', exact: true }).waitFor();
    expect((await serverNamespace('namespace:shop/carts')).status).toBe('ACTIVE');
  });

  it('rotates the token with an overlap window: the new one is shown once, the old one still works', async () => {
    await page.goto(`${h.url}/projects/shop/services/shop-api`);
    await page.getByRole('button', { name: 'Rotate token' }).click();
    await page.getByText('Rotate with an overlap window').click();
    await page.getByLabel('Old token keeps working for').fill('5m');
    await dialog().getByRole('button', { name: 'Rotate token' }).click();
    const token = await page.getByTestId('token').textContent();
    expect(token).toMatch(/\S{30,}/);
    expect(token).not.toBe(firstToken);
    currentToken = token!;
    await dialog().getByText('keeps working for 5m').waitFor();
    expect((await h.ok(`{ viewer { id } }`, {}, token)).viewer.id).toBe('service:shop/shop-api');
    expect((await h.ok(`{ viewer { id } }`, {}, firstToken)).viewer.id).toBe('service:shop/shop-api');
    await page.keyboard.press('Escape');
    await page.getByText('The previous token stops working').waitFor();
  });

  it('downloads the agent config as JSON: what the agent route gives the service, without secrets', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download config' }).click()]);
    expect(download.suggestedFilename()).toBe('shop-shop-api.agent-config.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${currentToken}` } });
    expect(res.status).toBe(200);
    const served = (await res.json()) as { redis: { password: string }; [k: string]: unknown };
    expect(served.redis.password).toEqual(expect.any(String));
    // No secret: no token, no password (only the field, null), nothing of the client's own.
    for (const secret of [currentToken, firstToken, served.redis.password]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/token"|__typename/i);
    const config = JSON.parse(text);
    // The same config, field for field; only the password is null, and the revision (which covers
    // the password) and issuedAt are the file's own.
    expect(config).toEqual({ ...served, redis: { ...served.redis, password: null }, revision: expect.stringMatching(/^[\w-]{27}$/), issuedAt: expect.any(String) });
    expect(config.namespaces).toEqual([
      expect.objectContaining({ id: 'namespace:shop/carts', keyPrefix: 'shop:carts:', patterns: ['shop:carts:cart:*', 'shop:carts:basket:*'], status: 'ACTIVE' }),
    ]);
    expect(config.redis.username).toBe('mm:shop:shop-api');
  });

  it('lists the project\'s events with a readable before/after diff and filters', async () => {
    await page.goto(`${h.url}/projects/shop/events`);
    const list = page.getByTestId('event-list');
    await list.locator('[data-event-type="NAMESPACE_POLICY_UPDATED"]').first().waitFor();
    await list.locator('[data-event-type="NAMESPACE_POLICY_UPDATED"]').first().getByRole('button').click();
    await list.getByRole('table', { name: 'Changes' }).getByText('policy.quotaBytes').waitFor();
    await shot('event-diff');
    await page.getByLabel('Event type').selectOption('SERVICE_TOKEN_ROTATED');
    await expect.poll(() => list.locator('[data-event-type]').count()).toBe(1);
  });

  it('shows an event made by another client on the overview, live, without a reload', async () => {
    const subscribed = waitForSubscribe(page);
    await page.goto(`${h.url}/projects/shop`);
    await subscribed;
    await page.locator('[data-live="live"]').waitFor();
    expect(await page.getByTestId('count-namespaces').textContent()).toBe('1');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const recent = page.getByTestId('recent-events');
    await untilFollowing(renameProject, async () => (await recent.locator('[data-event-type="PROJECT_UPDATED"]').count()) > 0);

    await h.ok(`mutation { createNamespace(projectId: "project:shop", input: { slug: "live-feed", name: "Live feed" }) { id } }`);
    await recent.locator('[data-event-type="NAMESPACE_CREATED"]').getByText('live-feed').waitFor();
    await expect.poll(() => page.getByTestId('count-namespaces').textContent()).toBe('2');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await shot('overview-live');
  });

  it('keeps the events page live, with pause and resume', async () => {
    const subscribed = waitForSubscribe(page);
    await page.goto(`${h.url}/projects/shop/events`);
    await subscribed;
    const list = page.getByTestId('event-list');
    await list.locator('[data-event-type]').first().waitFor();
    const renamed = () => list.locator('[data-event-type="PROJECT_UPDATED"]').count();
    const before = await renamed();
    await untilFollowing(renameProject, async () => (await renamed()) > before);
    await h.ok(`mutation { freezeNamespace(id: "namespace:shop/live-feed") { id } }`);
    await list.locator('[data-event-type="NAMESPACE_FROZEN"]', { hasText: 'live-feed' }).waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await h.ok(`mutation { unfreezeNamespace(id: "namespace:shop/live-feed") { id } }`);
    await page.getByRole('button', { name: 'Resume (1 new)' }).waitFor();
    const unfrozen = list.locator('[data-event-type="NAMESPACE_UNFROZEN"]', { hasText: 'live-feed' });
    expect(await unfrozen.count()).toBe(0);
    await page.getByRole('button', { name: 'Resume (1 new)' }).click();
    await unfrozen.waitFor();
    // Newest first: the held event lands on top.
    expect(await list.locator('[data-event-type]').first().textContent()).toMatch(/Namespace unfrozen.*live-feed/);
  });

  it('loads older events a page at a time', async () => {
    for (let i = 1; i <= 32; i++) {
      await h.ok(`mutation($q: SafeInt!) { updateNamespacePolicy(id: "namespace:shop/live-feed", policy: { quotaBytes: $q }) { id } }`, { q: i * 1024 });
    }
    await page.getByLabel('Event type').selectOption('NAMESPACE_POLICY_UPDATED');
    const list = page.getByTestId('event-list');
    await expect.poll(() => list.locator('[data-event-type]').count()).toBe(30);
    await page.getByRole('button', { name: 'Load older' }).click();
    // These 32, and the 3 policy changes of carts earlier (the edit, the other client's, the retry).
    await expect.poll(() => list.locator('[data-event-type]').count()).toBe(35);
    await list.getByText('That is the oldest event kept.').waitFor();
  });

  it('runs a query from the bundled playground with the signed-in token', async () => {
    await page.goto(`${h.url}/playground`);
    await page.locator('.graphiql-container').waitFor();
    // The editor fills in its default query once it has mounted; run it only then.
    await page.locator('.graphiql-query-editor .CodeMirror-code').getByText('viewer').waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 10_000 }).toContain('"kind": "ADMIN"');
    await shot('playground');
  });

  it('runs a subscription from the playground over the WebSocket, signed in through connection_init', async () => {
    const subscribed = waitForSubscribe(page);
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue(v: string): void } };
      editor.CodeMirror.setValue('subscription { events(projectId: "project:shop", types: [SERVICE_UPDATED]) { type serviceId } }');
    });
    await page.getByRole('button', { name: /Execute query/ }).click();
    await subscribed;
    await untilFollowing(
      (n) => h.ok(`mutation($name: String!) { updateService(id: "service:shop/shop-api", input: { name: $name }) { id } }`, { name: `Shop API ${n}` }),
      async () => ((await page.locator('.result-window').textContent()) ?? '').includes('"serviceId": "service:shop/shop-api"'),
    );
  });

  it('deletes a namespace only after its slug is typed', async () => {
    await page.goto(`${h.url}/projects/shop/namespaces/live-feed`);
    await page.getByRole('button', { name: 'Delete namespace' }).click();
    const confirm = dialog().getByRole('button', { name: 'Delete namespace' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog().getByLabel(/Type live-feed to confirm/).fill('live-feed');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/projects\/shop\/namespaces$/);
    await page.getByTestId('namespace-row-carts').waitFor();
    expect(await page.getByTestId('namespace-row-live-feed').count()).toBe(0);
    expect((await h.ok(`{ node(id: "namespace:shop/live-feed") { id } }`)).node).toBeNull();
  });

  it('shows each main screen, at 1280×800 and on a phone', async () => {
    await h.ok(`mutation { seedDemoData(force: true) { projects { id } } }`);
    await h.ok(`mutation { refreshUsage(projectId: "project:acme") { id } }`);
    const screens: [string, string][] = [
      ['projects', '/projects'],
      ['overview', '/projects/acme'],
      ['namespaces', '/projects/acme/namespaces'],
      ['namespace', '/projects/acme/namespaces/orders'],
      ['services', '/projects/acme/services'],
      ['service', '/projects/acme/services/checkout'],
      ['events', '/projects/acme/events'],
    ];
    for (const [name, url] of screens) {
      await page.goto(h.url + url);
      await page.locator('main h1').first().waitFor();
      await page.locator('[role="status"][aria-label^="Loading"]').waitFor({ state: 'detached' });
      await shot(name);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, url] of screens) {
      await page.goto(h.url + url);
      await page.locator('main h1').first().waitFor();
      // Nothing wider than the phone: no sideways scrolling of the page itself.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
      await shot(`${name}-phone`);
    }
    // Every section of the project is in reach without scrolling the tab strip.
    const events = await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Events' }).boundingBox();
    expect(events!.x + events!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(pageErrors).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

});
