// A background job that runs now and then every intervalMs, on one replica at a time (a Redis lock
// with a token, released only by its holder). stop() waits for the pass in flight.
import { randomUUID } from 'node:crypto';
import type { ControlRedis } from '../redis/client.js';

export interface LockedLoopOptions {
  control: ControlRedis;
  lockKey: string;
  /** <= 0: start() does nothing. */
  intervalMs: number;
  run: () => Promise<unknown>;
  onError: (err: unknown) => void;
  /** Told how each timer pass ended (metrics); skipped: another replica held the lock. */
  onPass?: (outcome: 'ok' | 'error' | 'skipped') => void;
}

export class LockedLoop {
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: LockedLoopOptions) {}

  start(): void {
    if (this.opts.intervalMs <= 0) return;
    const tick = async () => {
      if (this.stopped) return;
      this.pass = this.runLocked().then(
        (ran) => this.opts.onPass?.(ran ? 'ok' : 'skipped'),
        (err) => {
          this.opts.onPass?.('error');
          this.opts.onError(err);
        },
      );
      await this.pass;
      this.pass = null;
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.intervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  /** One pass (of `run`, by default the loop's own) under the lock; false when another replica holds it. */
  async runLocked(run: () => Promise<unknown> = this.opts.run): Promise<boolean> {
    const { control, lockKey, intervalMs } = this.opts;
    const token = randomUUID();
    if ((await control.set(lockKey, token, 'PX', Math.max(60_000, intervalMs * 2), 'NX')) !== 'OK') return false;
    try {
      await run();
      return true;
    } finally {
      await control.mmUnlock(lockKey, token).catch(() => {});
    }
  }
}
