// `npm run dev`: the API server and Vite together. Vite serves the console with hot reload and
// forwards /graphql (HTTP and WebSocket) and /v1 to the API (see vite.config.ts). Both run as
// direct children, so stopping this stops both.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const apiPort = process.env.PORT ?? '4000';
const env = { ...process.env, PORT: apiPort, MM_API_URL: process.env.MM_API_URL ?? `http://127.0.0.1:${apiPort}` };
const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

const children = [
  // From the repository root, where the TypeScript config the dev runner needs lives.
  spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], { cwd: root, stdio: 'inherit', env }),
  spawn(process.execPath, [vite], { cwd: path.join(root, 'web'), stdio: 'inherit', env }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
