import type { Context } from 'hono';
import { validator } from 'hono/validator';
import { compareInstants, endOfDay, isInstant, isLocalDate, type Instant, type LocalDate } from '@xinfang/domain';
import type { TimeView } from '@xinfang/projections';
import { permit } from './auth';
import type { AppEnv } from './env';
import { badQuery, forbidden } from './problem';
import type { Role } from './roles';

/*
 * What every query shares (API.md, "Queries"): the query-string parameters and their parsing, the time
 * view (`asOf`, `knownAt`), the World of that view (after the runner has caught up with the log, so a
 * client reads its own writes), and the community scope of a `community:` token.
 *
 * A bad parameter is a 400 naming it (`errors: [{path: 'asOf', message}]`), never a 500. A parameter the
 * endpoint does not know is refused the same way (API.md v1.1: a misspelt filter must not quietly answer
 * everything); a parameter given twice is refused.
 */

/** A parameter's parser: its value, or what is wrong with it (Chinese / English). */
export type Param<A> = (text: string) => { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string };

const ok = <A>(value: A) => ({ ok: true as const, value });
const bad = (zh: string, en: string) => ({ ok: false as const, message: `${zh} / ${en}` });

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const WHOLE = /^\d{1,15}$/;

/**
 * An instant with its offset, or a plain date (the end of that day in Asia/Shanghai: "as of 2024-10-01"
 * means up to and including that day). A `+` of the offset left unencoded in a URL reaches us as a space
 * (`09:30:00 08:00`); that is read as the `+` it was.
 */
const instant: Param<Instant> = (text) => {
  if (isLocalDate(text)) return ok(endOfDay(text));
  const repaired = text.replace(/(\d) (\d{2}:\d{2})$/, '$1+$2');
  return isInstant(repaired)
    ? ok(repaired)
    : bad(
        '应为带时区的 ISO 8601 时间（如 2024-09-18T09:30:00+08:00）或日期 YYYY-MM-DD',
        'expected an ISO 8601 time with an offset (e.g. 2024-09-18T09:30:00+08:00) or a date YYYY-MM-DD',
      );
};

const date: Param<LocalDate> = (text) => (isLocalDate(text) ? ok(text) : bad('应为日期 YYYY-MM-DD', 'expected a date YYYY-MM-DD'));

/** A whole number ≥ 0, at most `max`. */
const count =
  (max = Number.MAX_SAFE_INTEGER): Param<number> =>
  (text) => {
    if (!WHOLE.test(text)) return bad('应为非负整数', 'expected a whole number ≥ 0');
    const value = Number(text);
    return value <= max ? ok(value) : bad(`不能大于 ${max}`, `must be at most ${max}`);
  };

const id: Param<string> = (text) =>
  ID.test(text) ? ok(text) : bad('应为 1–64 位字母、数字、- 或 _', 'expected 1–64 letters, digits, - or _');

const oneOf =
  <K extends string>(values: readonly K[]): Param<K> =>
  (text) =>
    (values as readonly string[]).includes(text) ? ok(text as K) : bad(`应为以下之一：${values.join(' | ')}`, `expected one of: ${values.join(' | ')}`);

/** Free text of at most `max` characters (a search), trimmed; empty is refused. */
const text =
  (max = 100): Param<string> =>
  (raw) => {
    const value = raw.trim();
    if (value === '') return bad('不能为空', 'must not be empty');
    return [...value].length <= max ? ok(value) : bad(`不能超过 ${max} 个字`, `must be at most ${max} characters`);
  };

/** `true` or `false`. */
const flag: Param<boolean> = (raw) =>
  raw === 'true' ? ok(true) : raw === 'false' ? ok(false) : bad('应为 true 或 false', 'expected true or false');

export const params = { instant, date, count, id, oneOf, text, flag } as const;

export type QuerySpec = Readonly<Record<string, Param<unknown>>>;
export type ParsedQuery<S extends QuerySpec> = { readonly [K in keyof S]?: S[K] extends Param<infer A> ? A : never };

const UNKNOWN_PARAMETER = '不支持此查询参数 / unknown query parameter';

/** Parses the parameters a spec names; throws a 400 naming every bad one, and every one it does not name. */
export const parseQuery = <S extends QuerySpec>(spec: S, raw: Readonly<Record<string, string | readonly string[]>>): ParsedQuery<S> => {
  const parsed: Record<string, unknown> = {};
  const errors: { path: string; message: string }[] = [];
  for (const [name, parse] of Object.entries(spec)) {
    const value = raw[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      errors.push({ path: name, message: '只能给出一次 / may be given only once' });
      continue;
    }
    const result = parse(value);
    if (result.ok) parsed[name] = result.value;
    else errors.push({ path: name, message: result.message });
  }
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(spec, name)) errors.push({ path: name, message: UNKNOWN_PARAMETER });
  }
  if (errors.length > 0) throw badQuery(errors);
  return parsed as ParsedQuery<S>;
};

/** Validates the query string with a spec; the handler reads it with `c.req.valid('query')`. */
export const query = <S extends QuerySpec>(spec: S) =>
  validator('query', (raw: Record<string, string | string[]>): ParsedQuery<S> => parseQuery(spec, raw));

/** An endpoint that takes no query parameter (a command): any one given is a 400 naming it. */
export const noQuery = query({});

/** A required parameter that is absent: 400 naming it. */
export const required = <A>(name: string, value: A | undefined): A => {
  if (value === undefined) throw badQuery([{ path: name, message: '缺少必填参数 / required parameter is missing' }]);
  return value;
};

/** `asOf` and `knownAt`, taken by every query of a ledger, a report, a file or the KPIs. */
export const viewParams = { asOf: params.instant, knownAt: params.instant } as const;

/** `limit` and `offset` of a ledger: by default every row. */
export const pagingParams = { limit: params.count(), offset: params.count() } as const;

/** What a query answers: the view it reports and derives for, and the events it is answered from. */
export interface QueryView {
  /**
   * `asOf` and `knownAt` as given; left out, `asOf` is now (the server's clock) and `knownAt` now or the
   * latest recording time in the log, if later. This is the view an answer reports, and `asOf` the T that
   * backlog and deadlines are derived for.
   */
  readonly view: TimeView;
  /**
   * The events its World is built from: those `view` shows; but with no `asOf` given, every event recorded,
   * whatever its business time (what is derived as of T still follows T: a case dated after it is not
   * registered yet).
   */
  readonly shown: TimeView;
  /**
   * The log position the runner was waited for: the World must include every event up to it. The log's
   * head as the query came; while the runner is failing, the last position it committed (see `caughtUp`).
   */
  readonly atLeast: number;
}

const laterOf = (a: Instant, b: Instant | undefined): Instant => (b === undefined || compareInstants(a, b) >= 0 ? a : b);

/**
 * Resolves once the projection runner has caught up with everything stored so far (a client reads its own
 * writes), with that position. A runner that is failing never fails a query: it is answered as of the
 * last position the runner committed, which the answer states (`X-Xinfang-Head`, answer-head.ts), and
 * `/health` says why the runner is behind; the runner tries again by itself.
 */
const caughtUp = async (c: Context<AppEnv>): Promise<number> => {
  const { runner, store } = c.var.services;
  const head = await store.headPosition();
  try {
    await runner.waitFor(head);
    return head;
  } catch (error) {
    if (runner.status().state !== 'failed') throw error;
    return runner.position();
  }
};

/**
 * The view of a query. A default of "now" never hides what the log holds: an event recorded by a clock
 * that ran fast (recordedAt ahead of now) would vanish until that time came, and one whose business time
 * was typed years ahead would make every default query replay the whole log (the read model serves only
 * views that hide none of its events) — for the default, the later of now and the log's latest times.
 * T stays now: one event dated ahead does not make every deadline judged as of its date.
 */
export const viewOf = async (c: Context<AppEnv>, q: { readonly asOf?: Instant; readonly knownAt?: Instant }): Promise<QueryView> => {
  const atLeast = await caughtUp(c);
  const now = c.var.services.clock.now();
  const bounds = await c.var.services.worlds.bounds();
  const view = { asOf: q.asOf ?? now, knownAt: q.knownAt ?? laterOf(now, bounds?.maxRecordedAt) };
  return { view, shown: q.asOf === undefined ? { ...view, asOf: laterOf(view.asOf, bounds?.maxOccurredAt) } : view, atLeast };
};

const FIGURES_DENIED =
  '领导账号只能查看本人包案或负责的事项及接访安排表 / a leader token reads only the cases it leads and the duty roster';

/** The roles that read a community's ledgers, reports and KPIs: every one but a leader. */
export const mayReadFigures = (role: Role): boolean => role.kind !== 'leader';

/** The role rule of those queries, placed before their query is parsed. */
export const readsFigures = permit(mayReadFigures, FIGURES_DENIED);

/**
 * The community a ledger, report or KPI query is limited to (API.md, "Roles"). Office, auditor and
 * inspector read any community (or all of them, naming none). A `community:` token is limited to its own:
 * naming none means its own, naming another is a 403 — never an empty answer. A leader reads none of
 * them (only the public roster and the cases it leads).
 */
export const communityScope = (role: Role, requested: string | undefined): string | undefined => {
  switch (role.kind) {
    case 'office':
    case 'auditor':
    case 'inspector':
      return requested;
    case 'community':
      if (requested !== undefined && requested !== role.communityId) {
        throw forbidden(
          `社区账号只能查询本社区（${role.communityId}）/ a community token reads only its own community (${role.communityId})`,
        );
      }
      return role.communityId;
    case 'leader':
      // Refused before by `readsFigures`; kept so that no caller of this ever scopes a leader.
      throw forbidden(FIGURES_DENIED);
  }
};
