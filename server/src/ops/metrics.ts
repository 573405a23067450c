// Prometheus metrics, one registry per app (tests run several apps in one process).
// Other modules update theirs through AppDeps.metrics: `subscriptions` (graphql-ws),
// `collectorRuns` (usage collector) and `reconcileRuns` (ACL reconcile loop).
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Operation names come from clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export type RunOutcome = 'ok' | 'error' | 'skipped';

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly httpRequests = new Counter({
    name: 'memmouse_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'memmouse_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly operations = new Counter({
    name: 'memmouse_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok or error)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: 'memmouse_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'memmouse_graphql_errors_total',
    help: 'GraphQL errors by extensions.code, as clients saw them',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  /** Read at each scrape; the app points it at the event hub's subscriber count. */
  countSubscriptions: () => number = () => 0;
  readonly subscriptions: Gauge = new Gauge({
    name: 'memmouse_subscriptions_active',
    help: 'GraphQL subscriptions currently open on this replica',
    registers: [this.registry],
    collect: (): void => this.subscriptions.set(this.countSubscriptions()),
  });
  readonly redisDuration = new Histogram({
    name: 'memmouse_redis_command_duration_seconds',
    help: 'Redis command latency by connection and command (failed commands included)',
    labelNames: ['client', 'command'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly redisErrors = new Counter({
    name: 'memmouse_redis_command_errors_total',
    help: 'Redis commands that failed, by connection',
    labelNames: ['client'] as const,
    registers: [this.registry],
  });
  readonly collectorRuns = new Counter({
    name: 'memmouse_usage_collector_runs_total',
    help: 'Usage collector passes by outcome (skipped: another replica held the lock)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly reconcileRuns = new Counter({
    name: 'memmouse_acl_reconcile_runs_total',
    help: 'ACL reconcile passes by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'memmouse_' });
    // Series that exist before anything happens, so dashboards and alerts see zeros, not gaps.
    for (const outcome of ['ok', 'error', 'skipped'] as const) {
      this.collectorRuns.inc({ outcome }, 0);
      this.reconcileRuns.inc({ outcome }, 0);
    }
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Times every command `client` sends, pipelines and scripts included. */
  instrumentRedis(client: Redis, label: string): void {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command, stream) => {
      const end = this.redisDuration.startTimer({ client: label, command: command.name.toLowerCase() });
      const result = send(command, stream);
      command.promise.then(
        () => end(),
        () => {
          end();
          this.redisErrors.inc({ client: label });
        },
      );
      return result;
    }) as Redis['sendCommand'];
  }
}
