import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, FieldError } from '@xinfang/domain';
import { idempotencyKeyReused, StoreUnavailableError, type AppendConflict } from '@xinfang/event-store';
import { QueriesBusyError, QueryWorkerFailedError } from './query-pool';

/*
 * Every error is `application/problem+json` (RFC 9457): `{type, title, status, detail, errors?}`. Titles
 * and details are in Chinese with English beside them, since a person in the office reads them.
 */

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldError[];
  readonly [extra: string]: unknown;
}

/** Thrown anywhere in a request; the error handler writes it as problem+json. */
export class HttpProblem extends Error {
  constructor(readonly body: ProblemBody) {
    super(body.detail);
    this.name = 'HttpProblem';
  }
}

const problem = (status: number, type: string, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem({ type: `https://xinfang.dev/problems/${type}`, title, status, detail, ...extra });

/** At most this many field errors are listed: a body with a million bad fields gets a small answer. */
export const MAX_LISTED_ERRORS = 50;

/** A 400 naming the first `MAX_LISTED_ERRORS` bad fields, and `moreErrors`: how many were left out. */
const invalid = (type: string, title: string, all: readonly FieldError[]) => {
  const errors = all.slice(0, MAX_LISTED_ERRORS);
  const more = all.length - errors.length;
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return more === 0
    ? problem(400, type, title, detail, { errors })
    : problem(400, type, title, `${detail}; 另有 ${more} 处错误 / ${more} more errors`, { errors, moreErrors: more });
};

export const badRequest = (errors: readonly FieldError[]) => invalid('invalid-body', '请求内容有误 / Invalid request', errors);

export const badQuery = (errors: readonly FieldError[]) => invalid('invalid-query', '查询参数有误 / Invalid query', errors);

export const unauthorized = () =>
  problem(401, 'unauthorized', '未登录或令牌无效 / Not authenticated', '缺少或无法识别的访问令牌 / missing or unknown bearer token');

export const forbidden = (detail = '当前角色无权执行此操作 / this role may not do this') =>
  problem(403, 'forbidden', '无权访问 / Forbidden', detail);

export const notFound = (what: string, id: string) =>
  problem(404, 'not-found', '未找到 / Not found', `${what} ${id} 不存在 / ${what} ${id} does not exist`, { id });

/** A query code that names no case: never issued, or revoked (which of them is not told). */
export const unknownCode = () =>
  problem(404, 'not-found', '未找到 / Not found', '查询码不存在或已作废 / no case has this query code (never issued, or revoked)', { code: 'unknownCode' });

/** Too many look-ups, or too many failed guesses, from one client: refused until its window ends. */
export const tooManyRequests = (retryAfter: number) =>
  problem(429, 'too-many-requests', '请求过于频繁 / Too many requests', `查询次数或错误次数过多，请 ${retryAfter} 秒后再试 / too many look-ups or failed codes: retry in ${retryAfter} s`, {
    code: 'tooManyRequests',
    retryAfter,
  });

export const payloadTooLarge = (limit: number) =>
  problem(
    413,
    'payload-too-large',
    '请求内容过大 / Payload too large',
    `请求内容不得超过 ${limit} 字节 / the body may be at most ${limit} bytes`,
    { limit },
  );

export const conflict = (c: AppendConflict) =>
  problem(
    409,
    'conflict',
    '数据已被他人修改 / Conflict',
    `记录已更新至第 ${c.actualRevision} 版，请刷新后重试 / the stream is at revision ${c.actualRevision}, not ${String(c.expectedRevision)}`,
    { currentRevision: c.actualRevision },
  );

/** The field a refusal is about (the domain says so in `details.field`), listed as a 400 lists its fields. */
const fieldOf = (e: DomainError): { errors: FieldError[] } | Record<string, never> => {
  const field = e.details?.['field'];
  return typeof field === 'string' ? { errors: [{ path: field, message: `${e.message.zh} / ${e.message.en}` }] } : {};
};

/** A refusal of the domain: 404 for an unknown id, else 422 with the domain's stable `code`. */
export const fromDomainError = (e: DomainError) =>
  e.code.endsWith('NotFound')
    ? problem(404, 'not-found', '未找到 / Not found', `${e.message.zh} / ${e.message.en}`, { code: e.code })
    : problem(422, `domain/${e.code}`, '业务规则不允许 / Refused by a rule', `${e.message.zh} / ${e.message.en}`, {
        code: e.code,
        ...(e.details === undefined ? {} : { details: e.details }),
        ...fieldOf(e),
      });

/** An Idempotency-Key sent again with another command: answering with the first command's result would lie. */
export const keyReused = () => fromDomainError(idempotencyKeyReused);

const UNAVAILABLE_DETAIL: Record<StoreUnavailableError['reason'], string> = {
  busy: '存储正忙（另一进程正在写入） / the store is busy (another process is writing)',
  full: '磁盘已满 / the disk is full',
  readOnly: '存储为只读 / the store is read-only',
};

/** Seconds to wait before retrying: a busy lock passes in a moment; a full disk or a read-only file needs a person. */
const RETRY_AFTER_SECONDS: Record<StoreUnavailableError['reason'], number> = { busy: 1, full: 60, readOnly: 60 };

/** A store that cannot be used for now (busy, full, read-only): 503 to retry, nothing was written. */
export const storeUnavailable = (e: StoreUnavailableError) =>
  problem(503, 'store-unavailable', '存储暂不可用 / Store unavailable', `${UNAVAILABLE_DETAIL[e.reason]}；未写入任何内容，请稍后重试 / nothing was written: retry later`, {
    code: 'storeUnavailable',
    reason: e.reason,
    retryAfter: RETRY_AFTER_SECONDS[e.reason],
  });

/**
 * A ledger, KPI, report or file query that cannot be answered now: every query worker is busy and the queue
 * is full (`queriesBusy`), or the worker answering it stopped (`queryWorkerFailed`, replaced for the next).
 * 503 to retry after a second; a query writes nothing.
 */
export const queriesUnavailable = (e: QueriesBusyError | QueryWorkerFailedError) =>
  e instanceof QueriesBusyError
    ? problem(503, 'queries-busy', '查询繁忙 / Queries busy', '正在处理的查询已满，请稍后重试 / every query worker is busy and the queue is full: retry later', {
        code: 'queriesBusy',
        retryAfter: 1,
      })
    : problem(503, 'query-worker-failed', '查询中断 / Query interrupted', '处理该查询的线程已停止，请重试 / the thread answering this query stopped: retry', {
        code: 'queryWorkerFailed',
        retryAfter: 1,
      });

export const problemResponse = (c: Context, body: ProblemBody): Response =>
  c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { 'content-type': 'application/problem+json; charset=utf-8' });

/**
 * The one error handler. A Hono HTTPException (malformed JSON, say) keeps its status; anything else is a
 * fault of ours: 500, logged, with nothing of its message shown.
 */
export const handleError = (onFault: (error: unknown, c: Context) => void) => (error: Error, c: Context): Response => {
  // Refused before its body was read (a role, a size): the rest of it is still on the way, so the
  // connection cannot carry another request — say so, or a client would send its next one into it.
  const { raw } = c.req;
  if (raw.body !== null && !raw.bodyUsed) c.header('connection', 'close');
  if (error instanceof HttpProblem) {
    if (typeof error.body.retryAfter === 'number') c.header('retry-after', String(error.body.retryAfter));
    return problemResponse(c, error.body);
  }
  if (error instanceof StoreUnavailableError) {
    // Logged (a person must free the disk or the file), but it is not our fault: 503 to retry, not 500.
    onFault(error, c);
    const { body } = storeUnavailable(error);
    c.header('retry-after', String(body.retryAfter));
    return problemResponse(c, body);
  }
  if (error instanceof QueriesBusyError || error instanceof QueryWorkerFailedError) {
    if (error instanceof QueryWorkerFailedError) onFault(error, c);
    const { body } = queriesUnavailable(error);
    c.header('retry-after', String(body.retryAfter));
    return problemResponse(c, body);
  }
  if (error instanceof HTTPException) {
    const malformed = error.status === 400;
    return problemResponse(
      c,
      problem(error.status, malformed ? 'invalid-body' : 'http', malformed ? '请求内容有误 / Invalid request' : 'HTTP error', error.message, {
        ...(malformed ? { errors: [{ path: '(body)', message: '不是有效的 JSON / not valid JSON' }] } : {}),
      }).body,
    );
  }
  onFault(error, c);
  return problemResponse(c, problem(500, 'internal', '服务器内部错误 / Internal error', '请稍后重试 / please try again later').body);
};
