import { StoreUnavailableError } from '@xinfang/event-store';

type Reason = StoreUnavailableError['reason'];

/*
 * PostgreSQL's transient failures (SQLSTATE codes, https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * the server cannot take the request now, but nothing is wrong with it — the caller may retry. The port has
 * three reasons; a server that cannot be reached or is shutting down is `busy` (try again later), as a
 * SQLite file locked by another process is.
 */
const BY_SQLSTATE: Record<string, Reason> = {
  '53100': 'full', // disk_full
  '53000': 'busy', // insufficient_resources
  '53200': 'busy', // out_of_memory
  '53300': 'busy', // too_many_connections
  '55P03': 'busy', // lock_not_available (lock_timeout)
  '57014': 'busy', // query_canceled (statement_timeout)
  '57P01': 'busy', // admin_shutdown
  '57P02': 'busy', // crash_shutdown
  '57P03': 'busy', // cannot_connect_now (starting up, recovering)
  '57P05': 'busy', // idle_session_timeout
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '25006': 'readOnly', // read_only_sql_transaction (a hot standby, default_transaction_read_only)
};

/** Socket errors of Node (the server is down, unreachable, or dropped the connection). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** What pg says (without a code) when the connection goes away or cannot be had in time. */
const CONNECTION_LOST = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

const MESSAGE: Record<Reason, string> = {
  busy: 'PostgreSQL cannot take the request now (unreachable, shutting down, out of connections or locked)',
  full: 'the PostgreSQL server’s disk is full',
  readOnly: 'the PostgreSQL server takes no writes (read-only or a standby)',
};

const reasonOf = (error: unknown): Reason | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code in BY_SQLSTATE) return BY_SQLSTATE[code];
    if (code.startsWith('08')) return 'busy'; // connection_exception and its subclasses
    if (SOCKET_CODES.has(code)) return 'busy';
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && CONNECTION_LOST.test(message) ? 'busy' : undefined;
};

/** A transient PostgreSQL failure as a `StoreUnavailableError`, or undefined for any other error. */
export const unavailable = (error: unknown): StoreUnavailableError | undefined => {
  if (error instanceof StoreUnavailableError) return error;
  const reason = reasonOf(error);
  if (reason === undefined) return undefined;
  const code = (error as { code?: unknown }).code;
  const detail = (error as { message?: unknown }).message;
  return new StoreUnavailableError(`store-postgres: ${MESSAGE[reason]} (${typeof code === 'string' ? `${code}: ` : ''}${String(detail)})`, reason, { cause: error });
};

/** Runs `work`; a transient failure becomes a `StoreUnavailableError`, the rest is rethrown as it is. */
export const orUnavailable = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error) ?? error;
  }
};
