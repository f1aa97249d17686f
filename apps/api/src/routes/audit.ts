import { Hono } from 'hono';
import { parseLogHead, type LogHead } from '@xinfang/event-store';
import { permit } from '../auth';
import type { AppEnv } from '../env';
import { verifyLog } from '../log-verification';
import { query, type Param } from '../query-view';
import type { Role } from '../roles';

/*
 * `GET /audit/verify[?expect=POSITION:HASH]`: the hash chain over the whole log, from position 1, keyed
 * with the app database's chain key — `{ok, checked, firstBrokenPosition?}` (API.md), plus `headHash` (the
 * hash of the last intact event: note it down, with its position, to catch a cut-off tail or a rewrite of
 * the whole log later) and, when broken, `reason` (position, revision, prevHash, hash, keying, anchor or
 * truncated). `expect` is such a noted head: the log must still have that hash at that position. The office
 * and the auditor only.
 */

export const mayAudit = (role: Role): boolean => role.kind === 'office' || role.kind === 'auditor';

const AUDIT_DENIED = '只有信访办和审计可以校验日志 / only the office and the auditor verify the log';

const logHead: Param<LogHead> = (text) => {
  const head = parseLogHead(text);
  return head === undefined
    ? { ok: false, message: '应为 位置:哈希（位置从 1 起，64 位十六进制哈希）/ expected POSITION:HASH (a position from 1, 64 hex digits)' }
    : { ok: true, value: head };
};

export const audit = new Hono<AppEnv>().get('/verify', permit(mayAudit, AUDIT_DENIED), query({ expect: logHead }), async (c) => {
  const { expect } = c.req.valid('query');
  const { store, database } = c.var.services;
  const result = await verifyLog(store, await database.chain.keying(), expect);
  return c.json({
    ok: result.ok,
    checked: result.checked,
    ...(result.firstBrokenPosition === undefined ? {} : { firstBrokenPosition: result.firstBrokenPosition }),
    headHash: result.headHash,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  });
});
