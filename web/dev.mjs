// `npm run dev`: the API server and Vite together. Vite serves the console with hot reload and
// forwards /graphql (HTTP and WebSocket) and /v1 to the API (see vite.config.ts).
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '4000';
const env = { ...process.env, PORT: apiPort, MM_API_URL: process.env.MM_API_URL ?? `http://127.0.0.1:${apiPort}` };
const children = [
  spawn('npm', ['run', 'dev', '-w', 'server'], { stdio: 'inherit', env }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { stdio: 'inherit', env }),
];

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  process.exitCode = code;
}
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
