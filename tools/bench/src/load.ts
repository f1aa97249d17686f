import { Agent, request } from 'node:http';

/*
 * The HTTP client of every HTTP figure, for the app and for the bare Hono route alike: `concurrency`
 * clients, each sending its next request when the last one is answered, over keep-alive connections
 * (node:http, one socket per client), for a fixed time or number of requests. Loopback only.
 */

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

export interface Endpoint {
  readonly port: number;
  readonly token?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
  /** Answers that were not 2xx, by status (0: the request failed). */
  readonly failures: Readonly<Record<number, number>>;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** `Retry-After` in seconds, when the answer carries one (a 503 of a saturated server). */
  readonly retryAfter?: number;
}

export const send = (agent: Agent, endpoint: Endpoint, req: HttpRequest): Promise<Answer> =>
  new Promise((resolve) => {
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: endpoint.port,
        method: req.method,
        path: req.path,
        headers: {
          ...(endpoint.token === undefined ? {} : { authorization: `Bearer ${endpoint.token}` }),
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        const retryAfter = Number(response.headers['retry-after']);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, ...(Number.isFinite(retryAfter) ? { retryAfter } : {}) }));
        response.on('error', () => resolve({ status: 0, body }));
      },
    );
    outgoing.on('error', (error) => resolve({ status: 0, body: error.message }));
    outgoing.end(payload);
  });

/** A keep-alive agent with a socket per client. */
export const agentFor = (concurrency: number): Agent => new Agent({ keepAlive: true, maxSockets: concurrency, noDelay: true });

/** Runs `concurrency` clients for `durationMs` (or until `maxRequests` in all); `next(client, i)` makes each request. */
export const load = async (options: {
  readonly endpoint: Endpoint;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly maxRequests?: number;
  readonly next: (client: number, index: number) => HttpRequest;
}): Promise<LoadResult> => {
  const agent = agentFor(options.concurrency);
  const latenciesMs: number[] = [];
  const failures: Record<number, number> = {};
  let issued = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const client = async (id: number): Promise<void> => {
    while (performance.now() < end && (options.maxRequests === undefined || issued < options.maxRequests)) {
      const index = issued;
      issued += 1;
      const t0 = performance.now();
      const answer = await send(agent, options.endpoint, options.next(id, index));
      latenciesMs.push(performance.now() - t0);
      if (answer.status < 200 || answer.status >= 300) failures[answer.status] = (failures[answer.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => client(id)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, seconds, latenciesMs, failures };
};

/**
 * One request as a patient client makes it: a 503 with `Retry-After` (a saturated server) is waited out
 * and sent again, so the latency is the client's, until a final answer. `retries` counts the 503s.
 */
export const sendPatiently = async (agent: Agent, endpoint: Endpoint, req: HttpRequest, maxWaitMs = 60_000): Promise<Answer & { ms: number; retries: number }> => {
  const t0 = performance.now();
  let retries = 0;
  for (;;) {
    const answer = await send(agent, endpoint, req);
    const elapsed = performance.now() - t0;
    const wait = answer.retryAfter;
    if (answer.status !== 503 || wait === undefined || elapsed > maxWaitMs) return { ...answer, ms: elapsed, retries };
    retries += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(10, wait * 1000))));
  }
};
