import { resolve } from 'node:path';
import { caseStream } from '@xinfang/domain';
import { startApp, benchCommunity, progressOn, registerCase } from './app-session';
import { runJob, startJob, stopJob } from './child';
import { atLeast, atMost, measured, rateFigure, type Section } from './figure';
import { fmt } from './format';
import { load, type HttpRequest, type LoadResult } from './load';
import type { Measurement } from './measurement';
import { progress } from './progress';
import { quantile, median } from './stats';
import { copyStore } from './store-copy';

/*
 * Commands over HTTP on a copy of the dataset: `POST /cases/{id}/progress` (a command on an existing case:
 * load, fold, decide, append with a synced commit) from one client and from 64, each client on its own
 * case; the same client against a bare Hono route on the same adaptor, and the raw single-row insert with
 * the store's durability. Then a command on a case with 10,000 events against one on a new case.
 */

const DURATION_MS = 5000;
const CLIENTS = 64;
const BIG_CASE_EVENTS = 10_000;
/** Commands in each spell on the big case and on new cases, a round. */
const PER_SPELL = 40;

const rate = (r: LoadResult): number => r.requests / r.seconds;
const failuresOf = (results: readonly LoadResult[]): string =>
  results
    .flatMap((r) => Object.entries(r.failures))
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');

export const commandsMeasurement: Measurement = {
  name: 'commands',
  targets: [
    'HTTP command, 1 client, ≥ 0.5× the raw single insert',
    '64 clients ≥ 5× one client, p99 ≤ 100 ms',
    'a command on a case of 10,000 events within 2× of one on a new case',
  ],
  run: async ({ options, dataset, workDir }) => {
    // Read models caught up on the dataset first, so that the copy's server starts at once.
    await runJob('prepareReadModels', { path: dataset.path });
    const path = copyStore(dataset.path, resolve(workDir, 'commands'));
    progress('commands: starting the app on a copy of the dataset, and a bare Hono route');
    let app = await startApp(path);
    const bare = await startJob<{ port: number }>('serveBare', {});
    const notes: string[] = [];
    try {
      const run = Date.now().toString(36);
      const communityId = await benchCommunity(app, `bench-${run}`);
      const clientCase = (c: number) => `bench-${run}-c${c}`;
      const newCase = (r: number, i: number) => `bench-${run}-n${r}-${i}`;
      const bigCase = `bench-${run}-big`;
      const coldCase = (r: number) => `bench-${run}-cold${r}`;
      progress(`commands: registering ${CLIENTS} client cases, ${options.rounds * PER_SPELL} new cases and one case of ${BIG_CASE_EVENTS} events (setup)`);
      for (let c = 0; c < CLIENTS; c += 1) await registerCase(app, communityId, clientCase(c));
      for (let r = 0; r < options.rounds; r += 1) for (let i = 0; i < PER_SPELL; i += 1) await registerCase(app, communityId, newCase(r, i));
      for (let r = 1; r <= options.rounds; r += 1) await registerCase(app, communityId, coldCase(r));
      await registerCase(app, communityId, bigCase);
      await app.call(progressOn(bigCase, '进展 1'));
      const grown = await runJob<{ count: number; seconds: number; peakRssMb: number }>('growCase', { path, streamId: caseStream(bigCase), events: BIG_CASE_EVENTS });
      // The server catches up with those events (its read models) before anything is timed.
      const t0 = performance.now();
      await app.call({ method: 'GET', path: `/api/v1/cases/${bigCase}` });
      const caughtUp = (performance.now() - t0) / 1000;
      notes.push(
        `Setup: the big case was registered and given one progress note through the API, then that event appended again through the store up to ${fmt(grown.count, 0)} events (${fmt(grown.seconds)} s); ` +
          `the server's read models caught up with them in ${fmt(caughtUp)} s (the first \`GET /cases/{id}\` of the big case waits for that). Neither is timed.`,
      );

      const raw: { seconds: number; count: number }[] = [];
      const bare1: LoadResult[] = [];
      const app1: LoadResult[] = [];
      const bare64: LoadResult[] = [];
      const app64: LoadResult[] = [];
      // Per round, the latencies of its pairs: each round's median is one value of the figure.
      const big: number[][] = [];
      const fresh: number[][] = [];
      const bareEndpoint = { port: bare.ready.port };
      const bareCommand = (client: number, i: number) => ({ method: 'POST' as const, path: `/command/c${client}`, body: { at: new Date().toISOString(), note: `进展 ${i}` } });
      const appCommand = (client: number, i: number) => progressOn(clientCase(client), `进展 ${i}`);
      // The single client goes round the 64 cases, so that no case's stream grows longer than the others'.
      const oneClient = (_client: number, i: number) => progressOn(clientCase(i % CLIENTS), `进展 ${i}`);
      for (let round = 1; round <= options.rounds; round += 1) {
        progress(`commands: round ${round}/${options.rounds}`);
        raw.push(await runJob<{ seconds: number; count: number; peakRssMb: number }>('rawInsert', { path: dataset.path, target: resolve(workDir, 'raw-insert.db'), durationMs: DURATION_MS }));
        bare1.push(await load({ endpoint: bareEndpoint, concurrency: 1, durationMs: DURATION_MS, next: bareCommand }));
        app1.push(await load({ endpoint: app.endpoint, concurrency: 1, durationMs: DURATION_MS, next: oneClient }));
        bare64.push(await load({ endpoint: bareEndpoint, concurrency: CLIENTS, durationMs: DURATION_MS, next: bareCommand }));
        app64.push(await load({ endpoint: app.endpoint, concurrency: CLIENTS, durationMs: DURATION_MS, next: appCommand }));
        // A spell of commands on the big case, then one of commands on new cases (each its own): whatever
        // a command leaves for later (its read models) lands on the next command of its own spell. The
        // server is let go idle between spells (a /health answered), not timed.
        const spell = async (request: (i: number) => HttpRequest): Promise<number[]> => {
          await app.call({ method: 'GET', path: '/health' });
          const latencies: number[] = [];
          for (let i = 0; i < PER_SPELL; i += 1) {
            const t0 = performance.now();
            await app.call(request(i));
            latencies.push(performance.now() - t0);
          }
          await app.call({ method: 'GET', path: '/health' });
          return latencies;
        };
        big.push(await spell((i) => progressOn(bigCase, `进展 big ${round}-${i}`)));
        fresh.push(await spell((i) => progressOn(newCase(round - 1, i), `进展 new ${i}`)));
      }
      // Cold: after a restart no state is cached, so the first command on each case reads its stream.
      const peakRss = app.peakRssMb();
      const bigCold: number[] = [];
      const freshCold: number[] = [];
      for (let round = 1; round <= options.rounds; round += 1) {
        progress(`commands: restart ${round}/${options.rounds}, first command on each case`);
        await app.stop();
        app = await startApp(path);
        let t0 = performance.now();
        await app.call(progressOn(bigCase, `进展 cold ${round}`));
        bigCold.push(performance.now() - t0);
        t0 = performance.now();
        await app.call(progressOn(coldCase(round), `进展 cold ${round}`));
        freshCold.push(performance.now() - t0);
      }
      const failures = failuresOf([...app1, ...app64]);
      if (failures !== '') notes.push(`Commands not answered 2xx: ${failures} (counted in the rates as answered requests).`);
      const one = measured('HTTP command, 1 client', 'commands/s', app1.map(rate));
      const many = measured(`HTTP command, ${CLIENTS} clients`, 'commands/s', app64.map(rate));
      const figures = [
        rateFigure('HTTP command, 1 client, vs raw single insert', one, measured('raw insert + commit', 'inserts/s', raw.map((r) => r.count / r.seconds)), atLeast(0.5)),
        rateFigure('HTTP command, 1 client, vs bare Hono route, 1 client', one, measured('bare Hono, 1 client', 'requests/s', bare1.map(rate))),
        rateFigure(`${CLIENTS} clients vs 1 client`, many, one, atLeast(5)),
        rateFigure(`bare Hono, ${CLIENTS} clients vs 1 client`, measured(`bare Hono, ${CLIENTS} clients`, 'requests/s', bare64.map(rate)), measured('bare Hono, 1 client', 'requests/s', bare1.map(rate))),
        rateFigure(`HTTP command, ${CLIENTS} clients, p99 latency`, measured('p99', 'ms', app64.map((r) => quantile(r.latenciesMs, 0.99))), measured(`bare Hono ${CLIENTS} clients p99`, 'ms', bare64.map((r) => quantile(r.latenciesMs, 0.99))), atMost(100, 'ms')),
        rateFigure('HTTP command, 1 client, p50 latency', measured('p50', 'ms', app1.map((r) => quantile(r.latenciesMs, 0.5))), measured('raw insert + commit p50', 'ms', raw.map((r) => (r as unknown as { p50Ms: number }).p50Ms))),
        rateFigure(
          `command on a case of ${fmt(BIG_CASE_EVENTS, 0)} events vs on a new case (latency)`,
          measured(`case of ${fmt(BIG_CASE_EVENTS, 0)} events`, 'ms', big.map(median)),
          measured('new case', 'ms', fresh.map(median)),
          (ratio) => ({ text: '≤ 2× (within 2× of a new case)', met: ratio <= 2 }),
        ),
        rateFigure(
          `first command after a restart: case of ${fmt(BIG_CASE_EVENTS, 0)} events vs a new case (latency)`,
          measured(`case of ${fmt(BIG_CASE_EVENTS, 0)} events, cold`, 'ms', bigCold),
          measured('new case, cold', 'ms', freshCold),
          (ratio) => ({ text: '≤ 2× (also cold: a restart, nothing cached)', met: ratio <= 2 }),
        ),
        rateFigure('app server peak RSS', measured('app server', 'MB', [peakRss])),
      ];
      return {
        name: 'commands',
        title: 'Commands over HTTP',
        method:
          `The app as \`xinfang serve\` runs it, in a child process, on a copy of the dataset; \`POST /api/v1/cases/{id}/progress\` with an office token, ` +
          `each of 64 clients on a case of its own (one client goes round the same 64 cases), ${DURATION_MS / 1000} s per measurement, keep-alive node:http clients in the bench process. ` +
          'The bare Hono route (same adaptor, JSON body in, JSON out, no storage) and the raw insert (better-sqlite3, one row per `BEGIN IMMEDIATE … COMMIT`, ' +
          'WAL, synchronous = FULL, a real ProgressRecorded row) run in the same rounds. ' +
          `Big case: ${fmt(BIG_CASE_EVENTS, 0)} events (see the setup below); then each round a spell of ${PER_SPELL} commands on it and one of ${PER_SPELL} commands each on a new case, the median latency of each spell. ` +
          `Then, once a round, the server restarted and the first command on the big case and on a case untouched since (cold: nothing of them cached).`,
        figures,
        notes,
      } satisfies Section;
    } finally {
      await app.stop();
      await stopJob(bare.child);
    }
  },
};
