// The shape of every mutation: read fresh, build one Tx, commit it; re-run if a read went stale.
import { clearLoaders, type Ctx } from '../context.js';
import { Tx, withRetry } from '../redis/tx.js';

export async function mutate<T>(ctx: Ctx, project: string, build: (tx: Tx) => Promise<T>): Promise<T> {
  let wrote = false;
  const result = await withRetry(async () => {
    clearLoaders(ctx);
    const tx = new Tx(project, ctx.app.config.eventsMaxLen);
    const value = await build(tx);
    wrote = (await tx.commit(ctx.app.redis)) !== '';
    clearLoaders(ctx);
    return value;
  });
  // The data Redis follows the committed state before the mutation answers (never throws).
  if (wrote) await ctx.app.enforcer.afterCommit(project);
  return result;
}

/** Ends a mutation that changes nothing: the Tx stays empty, so nothing is written. */
export function unchanged<T>(tx: Tx, before: T): T {
  tx.withoutRevision();
  return before;
}
