// MemMouse's own Redis connections with ACL credentials (from the URL) and with TLS (rediss://,
// a private CA and a client certificate), against real redis-servers configured for each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness } from '../../test/harness.js';
import { makeProject } from '../../test/factories.js';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { freePort, startRedisServer, type LocalRedis } from '../redis/local-server.js';

const PASSWORD = 'acl-test-password-5f2c';

/** The connections a Redis server has, as CLIENT LIST fields. */
async function clients(url: string): Promise<Record<string, string>[]> {
  const r = new Redis(url);
  try {
    const list = (await r.client('LIST')) as string;
    return list.trim().split('\n').map((line) => Object.fromEntries(line.split(' ').map((kv) => kv.split('=', 2) as [string, string])));
  } finally {
    r.disconnect();
  }
}

describe('ACL credentials', () => {
  let server: LocalRedis;
  let url: string;
  beforeAll(async () => {
    // The default user may only PING (the start-up probe); everything else needs the mm user.
    server = await startRedisServer(null, ['--user', 'default', 'on', 'nopass', '-@all', '+ping', '--user', 'mm', 'on', `>${PASSWORD}`, '~*', '&*', '+@all']);
    url = server.url.replace('redis://', `redis://mm:${PASSWORD}@`);
  });
  afterAll(() => server.stop());

  it('connects as the URL user, and works', async () => {
    const h = await startHarness({ redisUrl: url });
    try {
      await makeProject(h, { slug: 'acl' });
      const own = (await clients(url)).filter((c) => c.name === 'memmouse' || c.name === 'memmouse-data');
      expect(own.length).toBe(2);
      for (const c of own) expect(c.user).toBe('mm');
      const anonymous = new Redis(server.url);
      expect(await anonymous.get('anything').catch((e: Error) => e.message)).toMatch(/NOPERM/);
      anonymous.disconnect();
    } finally {
      await h.close();
    }
  });

  it('refuses to start with a wrong password, without echoing it', async () => {
    const config = loadConfig({ REDIS_URL: url.replace(PASSWORD, 'wrong-password-123'), MM_WEB_DIST: '', MM_ADMIN_TOKEN: 'x'.repeat(32) });
    const err = await createApp(config, { log: createLogger('silent') }).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/WRONGPASS/);
    expect(err?.message).not.toContain('wrong-password-123');
  });
});

describe('TLS', () => {
  let server: LocalRedis;
  let tlsUrl: string;
  let tlsPort: number;
  const dir = mkdtempSync(path.join(tmpdir(), 'mm-tls-'));
  const file = (name: string) => path.join(dir, name);

  /** A key and a certificate signed by the test CA. */
  function issue(name: string, ext: string) {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    ssl('req', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${name}`);
    writeFileSync(file(`${name}.ext`), ext);
    ssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file(`${name}.crt`), '-days', '1', '-extfile', file(`${name}.ext`));
  }

  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', '/CN=memmouse-test-ca'], { stdio: 'ignore' });
    issue('server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    issue('client', 'extendedKeyUsage=clientAuth\n');
    tlsPort = await freePort();
    // The plain port stays open for the start-up probe and for inspecting CLIENT LIST.
    server = await startRedisServer(null, [
      '--tls-port', String(tlsPort),
      '--tls-cert-file', file('server.crt'),
      '--tls-key-file', file('server.key'),
      '--tls-ca-cert-file', file('ca.crt'),
      '--tls-auth-clients', 'yes',
    ]);
    tlsUrl = `rediss://127.0.0.1:${tlsPort}`;
  });
  afterAll(() => server.stop());

  const tlsEnv = { REDIS_TLS_CA_FILE: file('ca.crt'), REDIS_TLS_CERT_FILE: file('client.crt'), REDIS_TLS_KEY_FILE: file('client.key') };

  it('connects over TLS with the CA and a client certificate, and works', async () => {
    const h = await startHarness({ redisUrl: tlsUrl, env: tlsEnv });
    try {
      await makeProject(h, { slug: 'tls' });
      const own = (await clients(server.url)).filter((c) => c.name === 'memmouse' || c.name === 'memmouse-data');
      expect(own.length).toBe(2);
      for (const c of own) expect(c.laddr).toBe(`127.0.0.1:${tlsPort}`);
    } finally {
      await h.close();
    }
  });

  it.each([
    ['without the CA (the server certificate is not trusted)', { REDIS_TLS_CERT_FILE: tlsEnv.REDIS_TLS_CERT_FILE, REDIS_TLS_KEY_FILE: tlsEnv.REDIS_TLS_KEY_FILE }, /self[- ]signed|unable to (get|verify)/i],
    ['without a client certificate (the server asks for one)', { REDIS_TLS_CA_FILE: tlsEnv.REDIS_TLS_CA_FILE }, /certificate|alert|ECONNRESET|socket hang up/i],
  ])('refuses to start %s', async (_name, env, reason) => {
    const config = loadConfig({ REDIS_URL: tlsUrl, MM_WEB_DIST: '', MM_ADMIN_TOKEN: 'x'.repeat(32), ...env });
    const outcome = await createApp(config, { log: createLogger('silent') }).then(
      async (app) => {
        await app.stop();
        return 'started';
      },
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(reason);
  });
});
