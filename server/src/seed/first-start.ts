import { createContext, type AppDeps } from '../context.js';
import { keys } from '../redis/keys.js';
import { AppError } from '../errors.js';
import { seedDemo } from './seed.service.js';

/** Seeds the demo into an empty store unless MM_DEMO_SEED=0. Returns whether it seeded. */
export async function seedIfEmpty(app: AppDeps): Promise<boolean> {
  if (!app.config.demoSeed) return false;
  if ((await app.redis.zcard(keys.projects)) > 0) return false;
  const ctx = createContext(app, { kind: 'SYSTEM', id: 'demo-seed' });
  try {
    await seedDemo(ctx, { force: false, drop: false });
    return true;
  } catch (err) {
    // Another replica starting at the same moment seeded first.
    if (err instanceof AppError && (err.code === 'ALREADY_EXISTS' || err.code === 'CONFLICT')) return false;
    throw err;
  }
}
