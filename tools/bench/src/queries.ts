import { resolve } from 'node:path';
import { startApp } from './app-session';
import { runJob, startJob, stopJob } from './child';
import { atMost, measured, rateFigure, type Figure, type Section } from './figure';
import { fmt } from './format';
import { agentFor, send, sendPatiently, type Endpoint, type HttpRequest } from './load';
import type { Measurement } from './measurement';
import { pastViews, type PastView } from './past-views';
import { petitionerReads, type PetitionerReads } from './petitioner-reads';
import { progress } from './progress';
import { median, quantile } from './stats';
import { copyStore } from './store-copy';

/*
 * Past-date queries on the dataset, over HTTP, on the app as `xinfang serve` runs it (a child process, file
 * read models caught up before it starts): 附件2 (the backlog ledger) and the KPIs, each with `asOf` =
 * `knownAt` = a past instant that hides part of the log (past-views.ts), a different one each time.
 *
 * - sequential: one client, one query after another — their p99 (target ≤ 1 s);
 * - 8 at once: 8 clients looping on such queries while one more client asks `/health` every 10 ms — the
 *   p99 of `/health` (target ≤ 50 ms) and of the queries. A 503 with Retry-After (a saturated server) is
 *   waited out and sent again: a query's latency is until its answer;
 * - the reference: a bare Hono app on the same adaptor (@hono/node-server) in its own process, its
 *   `/health` asked the same way while 8 clients load it.
 * - 附件3 in full (no limit/offset: API.md's default is every row): its size and time.
 */

const SEQUENTIAL_MAX = 30;
/** Distinct past instants to ask about: more than one server is asked in a round. */
const VIEWS = 600;
const SEQUENTIAL_BUDGET_MS = 60_000;
const CONCURRENT = 8;
const CONCURRENT_BUDGET_MS = 30_000;
/** The bare app answers in microseconds: a shorter spell gives as many samples. */
const BARE_BUDGET_MS = 10_000;
const HEALTH_EVERY_MS = 10;
const API = '/api/v1';

type Kind = 'ledger' | 'kpi';
const KINDS: readonly Kind[] = ['ledger', 'kpi'];
const KIND_TITLE: Record<Kind, string> = { ledger: '附件2 backlog ledger', kpi: 'KPIs' };

const queryOf = (kind: Kind, view: PastView): HttpRequest => {
  const at = encodeURIComponent(view.at);
  return kind === 'ledger'
    ? { method: 'GET', path: `${API}/ledgers/backlog?asOf=${at}&knownAt=${at}` }
    : { method: 'GET', path: `${API}/kpis?from=${view.from}&to=${view.to}&asOf=${at}&knownAt=${at}` };
};

interface Timed {
  readonly latenciesMs: number[];
  readonly failures: Record<string, number>;
  retries: number;
}

const timed = (): Timed => ({ latenciesMs: [], failures: {}, retries: 0 });
const fail = (t: Timed, status: number, body: string): void => {
  const key = `${status}${status === 0 ? ` (${body.slice(0, 80)})` : ''}`;
  t.failures[key] = (t.failures[key] ?? 0) + 1;
};
const failuresText = (t: Timed): string =>
  Object.entries(t.failures)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');

/** One client, one query after another, until `max` queries or the budget (at least 3). */
const sequential = async (endpoint: Endpoint, next: (i: number) => HttpRequest): Promise<Timed> => {
  const agent = agentFor(1);
  const result = timed();
  const end = performance.now() + SEQUENTIAL_BUDGET_MS;
  try {
    for (let i = 0; i < SEQUENTIAL_MAX && (i < 3 || performance.now() < end); i += 1) {
      const answer = await sendPatiently(agent, endpoint, next(i));
      result.retries += answer.retries;
      if (answer.status >= 200 && answer.status < 300) result.latenciesMs.push(answer.ms);
      else fail(result, answer.status, answer.body);
    }
  } finally {
    agent.destroy();
  }
  return result;
};

/** `clients` clients looping on `next` for the budget (each finishes its last), `/health` asked all along. */
const underLoad = async (
  endpoint: Endpoint,
  clients: number,
  budgetMs: number,
  next: (client: number, i: number) => HttpRequest,
): Promise<{ queries: Timed; health: Timed }> => {
  const agent = agentFor(clients);
  const healthAgent = agentFor(1);
  const queries = timed();
  const health = timed();
  const end = performance.now() + budgetMs;
  let running = clients;
  let issued = 0;
  const client = async (id: number): Promise<void> => {
    try {
      do {
        const answer = await sendPatiently(agent, endpoint, next(id, issued++));
        queries.retries += answer.retries;
        if (answer.status >= 200 && answer.status < 300) queries.latenciesMs.push(answer.ms);
        else fail(queries, answer.status, answer.body);
      } while (performance.now() < end);
    } finally {
      running -= 1;
    }
  };
  const probe = async (): Promise<void> => {
    while (running > 0) {
      const t0 = performance.now();
      const answer = await send(healthAgent, endpoint, { method: 'GET', path: '/health' });
      if (answer.status === 200) health.latenciesMs.push(performance.now() - t0);
      else fail(health, answer.status, answer.body);
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
    }
  };
  try {
    await Promise.all([...Array.from({ length: clients }, (_, id) => client(id)), probe()]);
  } finally {
    agent.destroy();
    healthAgent.destroy();
  }
  return { queries, health };
};

const p99 = (t: Timed): number => quantile(t.latenciesMs, 0.99);

export const queriesMeasurement: Measurement = {
  name: 'queries',
  targets: [
    'past-date ledger and KPI ≤ 1 s p99',
    '/health p99 ≤ 50 ms while 8 past-date queries run',
    'ledgers paged by default (not applicable: the contract)',
  ],
  run: async ({ options, dataset, workDir }) => {
    progress('queries: read models caught up on the dataset (not timed)');
    await runJob('prepareReadModels', { path: dataset.path });
    const path = copyStore(dataset.path, resolve(workDir, 'queries'));
    const views = pastViews(path, VIEWS);
    if (views.length === 0) throw new Error('queries: the dataset has no events');
    // Each query of a server's life takes the next view: none is asked twice of one server (a server may
    // keep what a past view folded), and a fresh server starts each round from the first.
    let used = 0;
    const nextView = (): PastView => views[used++ % views.length] as PastView;
    let reused = 0;
    const startServer = (): void => {
      reused = Math.max(reused, used - views.length);
      used = 0;
    };
    const notes: string[] = [];
    const bare = await startJob<{ port: number }>('serveBare', {});
    const bareEndpoint: Endpoint = { port: bare.ready.port };
    const seq: Record<Kind, Timed[]> = { ledger: [], kpi: [] };
    const loaded: { queries: Timed; health: Timed }[] = [];
    const bareLoaded: { queries: Timed; health: Timed }[] = [];
    const bareSeq: Timed[] = [];
    const firstMs: number[] = [];
    const startMs: number[] = [];
    const full: { ms: number; bytes: number; rows: number }[] = [];
    const rss: number[] = [];
    const petitioner: PetitionerReads[] = [];
    try {
      for (let round = 1; round <= options.rounds; round += 1) {
        // A freshly started server each round: its first past-date query is a figure of its own.
        progress(`queries: round ${round}/${options.rounds}, starting the app`);
        const t0 = performance.now();
        const app = await startApp(path);
        startServer();
        try {
          startMs.push(performance.now() - t0);
          const firstAgent = agentFor(1);
          const first = await sendPatiently(firstAgent, app.endpoint, queryOf('ledger', nextView()));
          firstAgent.destroy();
          if (first.status === 200) firstMs.push(first.ms);
          progress(`queries: round ${round}, bare Hono reference`);
          bareSeq.push(await sequential(bareEndpoint, () => ({ method: 'GET', path: '/health' })));
          bareLoaded.push(await underLoad(bareEndpoint, CONCURRENT, BARE_BUDGET_MS, (c, i) => ({ method: 'POST', path: `/command/c${c}`, body: { i } })));
          for (const kind of KINDS) {
            progress(`queries: round ${round}, ${KIND_TITLE[kind]} sequentially`);
            seq[kind].push(await sequential(app.endpoint, () => queryOf(kind, nextView())));
          }
          progress(`queries: round ${round}, ${CONCURRENT} at once with /health`);
          loaded.push(await underLoad(app.endpoint, CONCURRENT, CONCURRENT_BUDGET_MS, (c) => queryOf(KINDS[c % KINDS.length] as Kind, nextView())));
          progress(`queries: round ${round}, 附件3 in full`);
          const agent = agentFor(1);
          const answer = await sendPatiently(agent, app.endpoint, { method: 'GET', path: `${API}/ledgers/visits` });
          agent.destroy();
          if (answer.status === 200) {
            const rows = (JSON.parse(answer.body) as { rows?: unknown[] }).rows?.length ?? 0;
            full.push({ ms: answer.ms, bytes: Buffer.byteLength(answer.body), rows });
          } else notes.push(`附件3 in full answered ${answer.status}: ${answer.body.slice(0, 200)}`);
          progress(`queries: round ${round}, receipts, public status look-ups and notices`);
          petitioner.push(await petitionerReads(app.endpoint));
          rss.push(app.peakRssMb());
        } finally {
          await app.stop();
        }
      }
    } finally {
      await stopJob(bare.child);
    }
    startServer();
    if (reused > 0) notes.push(`A server was asked more queries than there are past instants (${views.length}): ${reused} queries took an instant that server had been asked already.`);
    const all = (list: readonly Timed[]): Timed => ({
      latenciesMs: list.flatMap((t) => t.latenciesMs),
      failures: Object.fromEntries(list.flatMap((t) => Object.entries(t.failures))),
      retries: list.reduce((n, t) => n + t.retries, 0),
    });
    const bareHealthP99 = measured('bare Hono /health p99, 8 clients on it', 'ms', bareLoaded.map((r) => p99(r.health)));
    const figures: Figure[] = [];
    for (const kind of KINDS) {
      figures.push(
        rateFigure(
          `past-date ${KIND_TITLE[kind]}, sequential, p99 (${fmt(median(seq[kind].map((t) => t.latenciesMs.length)), 0)} queries a round)`,
          measured('p99', 'ms', seq[kind].map(p99)),
          measured('bare Hono /health p99, sequential', 'ms', bareSeq.map(p99)),
          atMost(1000, 'ms'),
        ),
        rateFigure(`past-date ${KIND_TITLE[kind]}, sequential, median`, measured('p50', 'ms', seq[kind].map((t) => quantile(t.latenciesMs, 0.5)))),
      );
      const failed = all(seq[kind]);
      if (failuresText(failed) !== '') notes.push(`${KIND_TITLE[kind]} sequentially, not answered 2xx: ${failuresText(failed)}.`);
      if (failed.retries > 0) notes.push(`${KIND_TITLE[kind]} sequentially: ${failed.retries} answers were 503 + Retry-After, waited out and sent again (counted in the latency).`);
    }
    figures.push(
      rateFigure(`/health p99 while ${CONCURRENT} past-date queries run`, measured('app /health p99', 'ms', loaded.map((r) => p99(r.health))), bareHealthP99, atMost(50, 'ms')),
      rateFigure(
        `p99 of those ${CONCURRENT} concurrent past-date queries (ledger and KPIs, ${fmt(median(loaded.map((r) => r.queries.latenciesMs.length)), 0)} a round)`,
        measured('p99', 'ms', loaded.map((r) => p99(r.queries))),
        measured('bare Hono, 8 clients, p99', 'ms', bareLoaded.map((r) => p99(r.queries))),
        atMost(1000, 'ms'),
      ),
      rateFigure('first past-date 附件2 after the server starts', measured('first query', 'ms', firstMs)),
      rateFigure('server start (open the store, read models caught up, listening)', measured('start', 'ms', startMs)),
    );
    const loadedAll = all(loaded.map((r) => r.queries));
    if (failuresText(loadedAll) !== '') notes.push(`Concurrent queries not answered 2xx: ${failuresText(loadedAll)}.`);
    if (loadedAll.retries > 0) notes.push(`Concurrent queries: ${loadedAll.retries} answers were 503 + Retry-After (saturated), waited out and sent again (counted in the latency).`);
    const healthAll = all(loaded.map((r) => r.health));
    if (failuresText(healthAll) !== '') notes.push(`/health not answered 200 under load: ${failuresText(healthAll)}.`);
    const rows = median(full.map((f) => f.rows));
    figures.push(
      rateFigure(`附件3 in full: ${fmt(median(full.map((f) => f.bytes)) / 1024 / 1024, 1)} MB, ${fmt(rows, 0)} rows`, measured('time', 'ms', full.map((f) => f.ms)), undefined, () => ({
        text: 'ledgers paged by default — not applicable: API.md (the contract) makes limit/offset default to every row',
        met: 'n/a',
      })),
      rateFigure('app server peak RSS', measured('app server', 'MB', rss)),
    );
    const statusMs = petitioner.flatMap((p) => p.statusMs);
    const noticeMs = petitioner.flatMap((p) => p.noticeMs);
    const bareSeqP99 = measured('bare Hono /health p99, sequential', 'ms', bareSeq.map(p99));
    figures.push(
      rateFigure(
        `public status by query code (GET /public/status/{code}, no token), sequential, p99 (${statusMs.length} look-ups)`,
        measured('p99', 'ms', petitioner.map((p) => quantile(p.statusMs, 0.99))),
        bareSeqP99,
      ),
      rateFigure(
        `a printed notice again as Word (GET /cases/{id}/notices/{n}?format=docx), sequential, p99 (${noticeMs.length} notices)`,
        measured('p99', 'ms', petitioner.map((p) => quantile(p.noticeMs, 0.99))),
        bareSeqP99,
      ),
    );
    for (const note of new Set(petitioner.flatMap((p) => p.notes))) notes.push(`Petitioner's side: ${note}.`);
    return {
      name: 'queries',
      title: 'Past-date queries over HTTP',
      method:
        'The app as `xinfang serve` runs it (openServices with file read models caught up beforehand, createApp, @hono/node-server), in a child process, on a copy of the dataset, started afresh each round; ' +
        `keep-alive node:http clients in the bench process. Each query takes \`asOf\` = \`knownAt\` = a past instant (${views.length} of them, at 55–85 % of the log: ` +
        `the earliest hides ${fmt(views[0]?.hidden ?? 0, 0)} events, the latest ${fmt(views.at(-1)?.hidden ?? 0, 0)}), a different one for each query a server is asked: ` +
        '`GET /api/v1/ledgers/backlog?asOf&knownAt` (附件2) and `GET /api/v1/kpis?from&to&asOf&knownAt` (the 30 days up to it). ' +
        `Sequential: one client, up to ${SEQUENTIAL_MAX} queries or ${SEQUENTIAL_BUDGET_MS / 1000} s (at least 3). ` +
        `Concurrent: ${CONCURRENT} clients (half ledgers, half KPIs) for ${CONCURRENT_BUDGET_MS / 1000} s, each finishing its last query, while another asks \`/health\` every ${HEALTH_EVERY_MS} ms. ` +
        'A 503 with Retry-After is waited out and the query sent again; its latency runs until the answer. p99 by nearest rank (of few queries, it is the slowest). ' +
        'Reference: a bare Hono app (a `/health` route and a JSON route) on the same adaptor in a process of its own, asked the same way. ' +
        'The petitioner\'s side (each round, after the queries): a receipt for each of the 60 latest cases, each code looked up once without a token, and an acceptance (or rejection) notice printed for each that has one, given back as Word.',
      figures,
      notes,
    } satisfies Section;
  },
};
