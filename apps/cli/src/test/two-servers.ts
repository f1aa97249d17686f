import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastLine, runCli, startServe, type Served } from './cli';

/*
 * Test support: two `xinfang serve` processes on one store (DESIGN.md, "Several processes, one store"),
 * real HTTP, run for any store a spec names (`sqlite:PATH`, `postgres://…`):
 * concurrent commands through both, many on the same cases; every acknowledged command has its event and
 * no refused one left any; each server reads what the other wrote; both answer every ledger and the KPIs
 * alike; one killed (SIGKILL) mid-run leaves the other serving, current; a token made or revoked while they
 * serve counts on both at once; a person erased through one is masked by the other at once; `verify` passes.
 */

export interface StoreUnderTest {
  /** What `--store` takes. */
  readonly spec: string;
  readonly remove: () => Promise<void> | void;
}

const CASES = 20;
const COMMANDS_PER_SERVER = 200;
/** Requests in flight per server: enough to overlap writes of both processes, not so many that the store's write lock times out (503). */
const IN_FLIGHT = 8;
const AT = '2024-09-10T10:00:00+08:00';
/** A view after everything the test writes: the answers of both servers must be the same. */
const VIEW = 'asOf=2024-12-31&knownAt=2099-12-31T00:00:00%2B08:00';
/** A past business date (every case registered, none accepted yet), known after everything: the history as both servers tell it. */
const PAST = 'asOf=2024-09-05&knownAt=2099-12-31T00:00:00%2B08:00';
const LEDGERS = ['disputes', 'backlog', 'visits', 'duties'] as const;
/**
 * Every ledger query: each of 附件1–4 as JSON now and in the past, and as the form's CSV; the screening
 * report of the cases' community on a report day; the KPIs of the subdistrict now and in the past, and of the
 * community. (XLSX is made from the same rows as the CSV, stamped with the time it was made.)
 */
const QUERIES = [
  ...LEDGERS.flatMap((ledger) => [`/api/v1/ledgers/${ledger}?${VIEW}`, `/api/v1/ledgers/${ledger}?${PAST}`, `/api/v1/ledgers/${ledger}?format=csv&${VIEW}`]),
  `/api/v1/reports/screening?communityId=qinghua&date=2024-09-04&${VIEW}`,
  `/api/v1/kpis?from=2024-09-01&to=2024-12-31&${VIEW}`,
  `/api/v1/kpis?from=2024-09-01&to=2024-09-05&${PAST}`,
  `/api/v1/kpis?from=2024-09-01&to=2024-12-31&communityId=qinghua&${VIEW}`,
];

interface Sent {
  readonly server: 'a' | 'b';
  readonly caseId: string;
  readonly kind: 'progress' | 'acceptance';
  readonly note?: string;
  /** The HTTP status, or undefined when no answer came (the server was killed). */
  status?: number;
  body?: { id: string; revision: number; position: number };
}

interface LoggedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly meta: { readonly streamId: string; readonly revision: number; readonly position: number };
}

/** Runs the tasks, at most `limit` at a time. */
const pooled = async (tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, lane));
};

const caseId = (n: number): string => `shared-${n}`;

/** The commands one server is sent: progress notes, and on some turns an acceptance (only the first of a case's succeeds). */
const commandsFor = (server: 'a' | 'b', count: number, offset = 0): Sent[] =>
  Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const id = caseId(n % CASES);
    return Math.floor(n / CASES) % 5 === 0
      ? { server, caseId: id, kind: 'acceptance' as const }
      : { server, caseId: id, kind: 'progress' as const, note: `${server}-${n}` };
  });

export const describeTwoServers = (label: string, makeStore: () => Promise<StoreUnderTest> | StoreUnderTest): void => {
  describe(`two servers on one store (${label})`, () => {
    let store: StoreUnderTest;
    let token: string;
    let a: Served;
    let b: Served | undefined;
    const sent: Sent[] = [];

    const url = (server: 'a' | 'b'): string => {
      if (server === 'b' && b === undefined) throw new Error('b is not running');
      return server === 'a' ? a.url : b!.url;
    };
    const ok = async (server: 'a' | 'b', path: string, body: unknown): Promise<void> => {
      const res = await call(url(server), 'POST', path, token, body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    };
    const send = async (command: Sent): Promise<void> => {
      sent.push(command);
      const path = `/api/v1/cases/${command.caseId}/${command.kind}`;
      const body = command.kind === 'progress' ? { at: AT, note: command.note } : { decision: 'accepted', at: AT };
      try {
        const res = await call(url(command.server), 'POST', path, token, body);
        command.status = res.status;
        command.body = res.body as Sent['body'];
      } catch {
        // No answer: the server was killed with the request in flight. Whether it was written is not known.
      }
    };
    /** Every event of the log, through a server's feed. */
    const log = async (server: 'a' | 'b'): Promise<LoggedEvent[]> => {
      const events: LoggedEvent[] = [];
      for (let after = 0; ; ) {
        const page = await call(url(server), 'GET', `/api/v1/events?after=${after}&limit=1000`, token);
        expect(page.status).toBe(200);
        events.push(...(page.body.events as LoggedEvent[]));
        if (page.body.next === after) return events;
        after = page.body.next as number;
      }
    };
    /** Each query's status, header of the position it is as of, and body as sent (JSON or CSV). */
    const answers = async (server: 'a' | 'b') => {
      const out: { query: string; status: number; head: string | null; body: string }[] = [];
      for (const query of QUERIES) {
        const res = await fetch(`${url(server)}${query}`, { headers: { authorization: `Bearer ${token}` } });
        out.push({ query, status: res.status, head: res.headers.get('x-xinfang-head'), body: await res.text() });
      }
      return out;
    };

    beforeAll(async () => {
      store = await makeStore();
      const created = await runCli(['token', 'create', '--role', 'office', '--store', store.spec]);
      expect(created.code, created.stderr).toBe(0);
      token = lastLine(created.stdout);
      [a, b] = await Promise.all([startServe(['--store', store.spec]), startServe(['--store', store.spec])]);
      await ok('a', '/api/v1/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] });
      // Half the cases registered through each server, at once.
      await Promise.all(
        Array.from({ length: CASES }, (_, n) =>
          ok(n % 2 === 0 ? 'a' : 'b', '/api/v1/cases', {
            caseId: caseId(n),
            origin: 'phone',
            communityId: 'qinghua',
            category: 'neighbour',
            summary: `邻里纠纷 ${n}`,
            registeredAt: '2024-09-02T10:00:00+08:00',
            petitioners: [{ name: `当事人${n}` }],
          }),
        ),
      );
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
      await store?.remove();
    });

    it('each reads at once what the other wrote', async () => {
      for (const [writer, reader] of [
        ['a', 'b'],
        ['b', 'a'],
      ] as const) {
        const id = `written-by-${writer}`;
        await ok(writer, '/api/v1/cases', {
          caseId: id,
          origin: 'letter',
          communityId: 'qinghua',
          category: 'realEstate',
          summary: '物业费争议',
          registeredAt: '2024-09-03T10:00:00+08:00',
          petitioners: [{ name: '王五' }],
        });
        const read = await call(url(reader), 'GET', `/api/v1/cases/${id}`, token);
        expect(read.status, JSON.stringify(read.body)).toBe(200);
        expect(read.body).toMatchObject({ caseId: id, summary: '物业费争议' });
      }
    });

    it(`takes 2 × ${COMMANDS_PER_SERVER} concurrent commands on ${CASES} cases: each acknowledged one has its event, each refused one is a 409 or 422 and wrote nothing`, async () => {
      const before = (await log('a')).length;
      const batch = [...commandsFor('a', COMMANDS_PER_SERVER), ...commandsFor('b', COMMANDS_PER_SERVER)];
      await Promise.all([
        pooled(batch.filter((c) => c.server === 'a').map((c) => () => send(c)), IN_FLIGHT),
        pooled(batch.filter((c) => c.server === 'b').map((c) => () => send(c)), IN_FLIGHT),
      ]);
      const statuses = new Set(batch.map((c) => c.status));
      for (const status of statuses) expect([200, 409, 422]).toContain(status);
      const done = batch.filter((c) => c.status === 200);
      // Every progress note is recorded (a conflict is retried by the server or refused with 409), and exactly one acceptance per case.
      for (let n = 0; n < CASES; n++) expect(done.filter((c) => c.caseId === caseId(n) && c.kind === 'acceptance')).toHaveLength(1);

      const events = await log('b');
      const fresh = events.slice(before);
      expect(fresh).toHaveLength(done.length);
      const byPosition = new Map(events.map((event) => [event.meta.position, event]));
      for (const command of done) {
        const event = byPosition.get(command.body!.position);
        expect(event?.meta).toMatchObject({ streamId: `case-${command.caseId}`, revision: command.body!.revision });
        if (command.kind === 'progress') expect(event?.data).toMatchObject({ note: command.note });
        else expect(event?.type).toBe('CaseAccepted');
      }
    });

    it('answers every ledger and the KPIs alike on both servers, as of the same position', async () => {
      const [fromA, fromB] = await Promise.all([answers('a'), answers('b')]);
      for (const answer of fromA) expect(answer.status, `${answer.query}: ${answer.body.slice(0, 300)}`).toBe(200);
      expect(fromB).toEqual(fromA);
      const head = fromA[0]!.head;
      expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);
      for (const answer of fromA) expect(answer.head, answer.query).toBe(head);
      // Not empty answers: the cases in 附件1 now and in the past, in its CSV, in the report and in the KPIs.
      const json = (query: string) => JSON.parse(fromA.find((answer) => answer.query === query)!.body);
      expect(json(QUERIES[0]!).total).toBe(CASES + 2);
      expect(json(QUERIES[1]!).total).toBe(CASES + 2);
      expect(fromA[2]!.body).toContain('当事人19');
      expect(json(`/api/v1/reports/screening?communityId=qinghua&date=2024-09-04&${VIEW}`).total).toBe(CASES + 2);
      expect(json(`/api/v1/kpis?from=2024-09-01&to=2024-12-31&${VIEW}`).volume.total).toBe(CASES + 2);
    });

    it('keeps serving, current, when the other is killed mid-run; a server started again takes its read models over', async () => {
      const batch = [...commandsFor('a', 60, 1000), ...commandsFor('b', 60, 1000)];
      let answeredByB = 0;
      const killing = (async () => {
        while (answeredByB < 20) await new Promise((resolve) => setTimeout(resolve, 10));
        await b!.stop('SIGKILL');
        b = undefined;
      })();
      await Promise.all([
        pooled(batch.filter((c) => c.server === 'a').map((c) => () => send(c)), IN_FLIGHT),
        pooled(
          batch
            .filter((c) => c.server === 'b')
            .map((c) => async () => {
              if (b === undefined) return;
              await send(c);
              if (c.status !== undefined) answeredByB += 1;
            }),
          IN_FLIGHT,
        ),
        killing,
      ]);
      const settled = performance.now();
      for (const command of batch.filter((c) => c.server === 'a')) expect([200, 409, 422]).toContain(command.status);
      for (const command of batch.filter((c) => c.status !== undefined)) expect([200, 409, 422]).toContain(command.status);

      // The survivor is current within 5 s of the last write (the bound): a query waits for its read
      // models to reach the log's head, and answers as of it.
      const events = await log('a');
      const head = events.at(-1)!.meta.position;
      const first = await fetch(`${a.url}${QUERIES[0]!}`, { headers: { authorization: `Bearer ${token}` } });
      const currentAfterMs = performance.now() - settled;
      expect(first.headers.get('x-xinfang-head')?.split(':')[0]).toBe(String(head));
      expect(currentAfterMs).toBeLessThan(5_000);
      console.info(`two servers: the survivor answered at the log's head ${Math.round(currentAfterMs)} ms after the last write`);
      const health = await call(a.url, 'GET', '/health', undefined);
      expect(health.body).toEqual({ status: 'ok' });
      const fromA = await answers('a');
      for (const answer of fromA) expect(answer.head?.split(':')[0]).toBe(String(head));
      const byPosition = new Map(events.map((event) => [event.meta.position, event]));
      for (const command of batch.filter((c) => c.status === 200)) expect(byPosition.get(command.body!.position)?.meta.streamId).toBe(`case-${command.caseId}`);

      // Started again, b takes a free slot (the one the killed process held) and answers the same.
      b = await startServe(['--store', store.spec]);
      expect(await answers('b')).toEqual(fromA);
    });

    it('takes a token made while both serve on both at once, and refuses it on both once revoked', async () => {
      const made = await runCli(['token', 'create', '--role', 'auditor', '--name', '审计', '--store', store.spec]);
      expect(made.code, made.stderr).toBe(0);
      const id = /编号 id:\s+(\S+)/.exec(made.stdout)?.[1] ?? expect.fail(made.stdout);
      const secret = lastLine(made.stdout);
      for (const server of ['a', 'b'] as const) expect((await call(url(server), 'GET', '/api/v1/ledgers/duties', secret)).status).toBe(200);
      const revoked = await runCli(['token', 'revoke', id, '--store', store.spec]);
      expect(revoked.code, revoked.stderr).toBe(0);
      for (const server of ['a', 'b'] as const) expect((await call(url(server), 'GET', '/api/v1/ledgers/duties', secret)).status).toBe(401);
    });

    it("masks a person erased through one server in the other's very next answer, also in a view known before the erasure", async () => {
      const file = await call(url('a'), 'GET', `/api/v1/cases/${caseId(3)}`, token);
      const personId = (file.body as { petitioners: { personId: string }[] }).petitioners[0]!.personId;
      // A view known before the erasure does not hold its event: only the destroyed key hides the name there.
      const known = new Date(Date.now() - 1).toISOString();
      const before = `/api/v1/cases/${caseId(3)}?knownAt=${encodeURIComponent(known)}`;
      expect((await call(url('b'), 'GET', before, token)).body).toMatchObject({ petitioners: [{ name: '当事人3' }] });
      const erased = await call(url('a'), 'DELETE', `/api/v1/persons/${personId}`, token);
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      for (const path of [before, `/api/v1/persons/${personId}?knownAt=${encodeURIComponent(known)}`, `/api/v1/ledgers/disputes?knownAt=${encodeURIComponent(known)}`]) {
        const res = await call(url('b'), 'GET', path, token);
        expect(res.status, path).toBe(200);
        expect(JSON.stringify(res.body), path).not.toContain('当事人3');
      }
    });

    it('leaves a log that verifies', async () => {
      const verified = await runCli(['verify', '--store', store.spec]);
      expect(verified.code, verified.stderr).toBe(0);
    });
  });
};
