// npm run -s listen -- --project acme [--namespace orders] [--service billing] [--types A,B] [--after ID]
// Prints one JSON object per event per line on stdout (MM_URL, MM_TOKEN). Reconnects with capped
// backoff and resumes after the last event it printed, so a restart of the server (or of this
// listener, given --after) loses and repeats nothing. Without --after it starts at the newest event.
import { parseArgs } from 'node:util';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import type { ListenEventsSubscriptionVariables } from './gql/graphql.js';
import { compareIds, isStreamId } from '../events/stream-id.js';

graphql(`
  fragment EventLine on Event {
    id
    type
    at
    actor {
      kind
      id
    }
    projectId
    namespaceId
    serviceId
    bindingId
    before
    after
    requestId
  }
`);

const Feed = graphql(`
  subscription ListenEvents($projectId: ID!, $namespaceId: ID, $serviceId: ID, $types: [EventType!], $after: String) {
    events(projectId: $projectId, namespaceId: $namespaceId, serviceId: $serviceId, types: $types, after: $after) {
      ...EventLine
    }
  }
`);

const Newest = graphql(`
  query NewestEvent($projectId: ID!) {
    events(projectId: $projectId, first: 1) {
      edges {
        cursor
      }
    }
  }
`);

const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;
/** Close codes after which retrying cannot help: a refused token, a policy close. */
const FATAL_CLOSE = new Set([4400, 4401, 4403, 4406]);
/** Error codes that will not change by retrying. */
const FATAL_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'EVENTS_EXPIRED', 'GRAPHQL_VALIDATION_FAILED']);

class Fatal extends Error {}

function usage(message: string): never {
  console.error(`listen: ${message}`);
  console.error('usage: MM_URL=http://host:4000 MM_TOKEN=… npm run -s listen -- --project <slug> [--namespace <slug>] [--service <slug>] [--types A,B] [--after <event id>]');
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { project: { type: 'string' }, namespace: { type: 'string' }, service: { type: 'string' }, types: { type: 'string' }, after: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const url = process.env.MM_URL;
  const token = process.env.MM_TOKEN;
  if (!url) usage('MM_URL is not set (e.g. http://localhost:4000)');
  if (!token) usage('MM_TOKEN is not set');
  if (!values.project) usage('--project is required');
  // Slugs or full IDs both work: `acme` or `project:acme`.
  const project = values.project.replace(/^project:/, '');
  const child = (kind: string, v: string | undefined) => (v === undefined ? null : v.includes(':') ? v : `${kind}:${project}/${v}`);
  if (values.after !== undefined && !isStreamId(values.after)) usage('--after must be an event ID like 1700000000000-0');
  const base = url.replace(/\/+$/, '').replace(/\/graphql$/, '');
  return {
    http: `${base}/graphql`,
    ws: `${base.replace(/^http/, 'ws')}/graphql`,
    token,
    after: values.after ?? null,
    variables: {
      projectId: `project:${project}`,
      namespaceId: child('namespace', values.namespace),
      serviceId: child('service', values.service),
      types: values.types ? values.types.split(',').map((t) => t.trim().toUpperCase()) : null,
    } as Omit<ListenEventsSubscriptionVariables, 'after'>,
  };
}

type ErrorLike = { message: string; extensions?: { code?: unknown } };

function fatalIfFinal(errors: readonly ErrorLike[]): void {
  const e = errors[0];
  if (e && typeof e.extensions?.code === 'string' && FATAL_CODES.has(e.extensions.code)) throw new Fatal(`${e.extensions.code}: ${e.message}`);
}

/** The newest event's ID now, or 0-0 for an empty stream: where a live-only start resumes from. */
async function newest(opts: ReturnType<typeof options>): Promise<string> {
  const res = await fetch(opts.http, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
    body: JSON.stringify({ query: print(Newest), variables: { projectId: opts.variables.projectId } }),
  });
  const body = (await res.json()) as { data?: { events: { edges: { cursor: string }[] } }; errors?: ErrorLike[] };
  if (body.errors?.length) {
    fatalIfFinal(body.errors);
    throw new Error(body.errors[0]!.message);
  }
  return body.data!.events.edges[0]?.cursor ?? '0-0';
}

/** One connection: prints events until it ends; resolves on a retryable end, throws Fatal otherwise. */
function session(opts: ReturnType<typeof options>, state: { last: string }, connected: () => void): Promise<void> {
  const client = createClient({
    url: opts.ws,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${opts.token}` },
    retryAttempts: 0,
    lazy: true,
    on: { connected },
  });
  return new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown) => {
      void client.dispose();
      if (err instanceof Fatal) reject(err);
      else resolve();
    };
    client.subscribe<{ events: { id: string } }>(
      { query: print(Feed), variables: { ...opts.variables, after: state.last } },
      {
        next: (result) => {
          if (result.errors?.length) {
            try {
              fatalIfFinal(result.errors);
            } catch (err) {
              return finish(err);
            }
            console.error(`listen: ${result.errors[0]!.message}`);
            return;
          }
          const event = result.data?.events;
          // Never print an event twice, whatever a server replays.
          if (!event || compareIds(event.id, state.last) <= 0) return;
          process.stdout.write(`${JSON.stringify(event)}\n`);
          state.last = event.id;
        },
        error: (err) => {
          const close = err as { code?: number; reason?: string };
          if (typeof close?.code === 'number' && FATAL_CLOSE.has(close.code)) return finish(new Fatal(`connection refused (${close.code} ${close.reason ?? ''})`.trim()));
          if (Array.isArray(err)) {
            try {
              fatalIfFinal(err as ErrorLike[]);
            } catch (fatal) {
              return finish(fatal);
            }
          }
          finish();
        },
        complete: () => finish(),
      },
    );
  });
}

async function main() {
  const opts = options();
  const state = { last: opts.after ?? '' };
  let delay = BACKOFF_MIN_MS;
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (;;) {
    try {
      if (!state.last) state.last = await newest(opts);
      let connected = false;
      await session(opts, state, () => {
        connected = true;
        delay = BACKOFF_MIN_MS;
      });
      console.error(`listen: ${connected ? 'disconnected' : 'cannot connect'}; resuming after ${state.last} in ${delay} ms`);
    } catch (err) {
      if (err instanceof Fatal) {
        console.error(`listen: ${err.message}`);
        process.exit(1);
      }
      console.error(`listen: ${err instanceof Error ? err.message : String(err)}; retrying in ${delay} ms`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, BACKOFF_MAX_MS);
  }
}

await main();
