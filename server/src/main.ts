// Reads config, starts the app, handles SIGTERM; nothing else.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { ensureRedis } from './redis/local-server.js';
import { createApp } from './app.js';
import { seedIfEmpty } from './seed/first-start.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`memmouse: bad setting ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, { format: config.logFormat });
  let ensured;
  try {
    ensured = await ensureRedis(config);
  } catch (err) {
    console.error(`memmouse: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(2);
  }
  if (ensured.local) log.info({ url: ensured.local.url }, 'started a private redis-server (data in the data folder)');
  const app = await createApp(ensured.config, { log });
  // A port in use or a bad HOST: name the setting and exit, instead of hanging without a listener.
  // Prepended, so that it runs before the WebSocket server's own listener prints a stack.
  const onListenError = (err: NodeJS.ErrnoException) => {
    const why =
      err.code === 'EADDRINUSE' ? `PORT: ${config.port} is in use`
      : err.code === 'EACCES' ? `PORT: ${config.port} needs more privileges`
      : `HOST: cannot listen on ${config.host} (${err.code ?? err.message})`;
    console.error(`memmouse: bad setting ${why}`);
    void ensured.local?.stop(); // signals the private redis-server at once
    process.exit(2);
  };
  app.httpServer.prependOnceListener('error', onListenError);
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  app.httpServer.off('error', onListenError);
  const port = (app.httpServer.address() as AddressInfo).port; // PORT=0 picks a free one
  const base = `http://localhost:${port}`;

  const seeded = await seedIfEmpty(app.deps);
  app.start();
  log.info({ port, seeded }, 'memmouse is up');

  console.log(`\n  MemMouse is running at ${base}`);
  console.log(`  GraphQL: ${base}/graphql   Agent config: ${base}/v1/agent/config`);
  if (app.createdAdminToken) {
    console.log('\n  An admin token was made for this installation. It is shown only now; keep it safe:');
    console.log(`    ${app.createdAdminToken}`);
    console.log(`  Open the console signed in: ${base}/#token=${app.createdAdminToken}\n`);
  } else {
    console.log('  Sign in with your admin token (MM_ADMIN_TOKEN, or the one printed at first start).\n');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // /readyz answers 503 from now on; in-flight requests finish (up to MM_SHUTDOWN_GRACE_MS), then
    // open connections are closed, background loops stop and Redis connections close.
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took more than 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    await app.stop().catch((err) => log.error({ err }, 'stop failed'));
    await ensured.local?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('memmouse: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
