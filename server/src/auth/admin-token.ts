// The admin token: MM_ADMIN_TOKEN, else one made at first start, printed once, and kept as a digest
// (file mode 0600) in the data folder.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { digest, digestHex, newAdminToken } from './tokens.js';

export interface AdminTokens {
  digests: Buffer[];
  /** The token made at this start, to print once; null when it already existed or came from the env. */
  created: string | null;
}

export function loadAdminTokens(config: Config): AdminTokens {
  if (config.adminToken) return { digests: [digest(config.adminToken)], created: null };
  const file = path.join(config.dataDir, 'admin-token.sha256');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return { digests: [Buffer.from(hex, 'hex')], created: null };
  }
  const token = newAdminToken();
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${digestHex(token)}\n`, { mode: 0o600 });
  return { digests: [digest(token)], created: token };
}
