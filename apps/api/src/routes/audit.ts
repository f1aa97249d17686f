import { parseLogHead, type LogHead } from '@xinfang/event-store';
import { auditor, office, roles } from '../access';
import { resource } from '../endpoint';
import { verifyLog } from '../log-verification';
import { param, type ParamKind } from '../query-params';

/*
 * `GET /audit/verify[?expect=POSITION:HASH]`: the hash chain over the whole log, from position 1, keyed
 * with the app database's chain key — `{ok, checked, firstBrokenPosition?}` (API.md), plus `headHash` (the
 * hash of the last intact event: note it down, with its position, to catch a cut-off tail or a rewrite of
 * the whole log later) and, when broken, `reason` (position, revision, prevHash, hash, keying, anchor or
 * truncated). `expect` is such a noted head: the log must still have that hash at that position. The office
 * and the auditor only.
 */


const audits = roles([office, auditor], '只有信访办和审计可以校验日志 / only the office and the auditor verify the log');

const logHead: ParamKind<LogHead> = {
  parse: (text) => {
    const head = parseLogHead(text);
    return head === undefined
      ? { ok: false, message: '应为 位置:哈希（位置从 1 起，64 位十六进制哈希）/ expected POSITION:HASH (a position from 1, 64 hex digits)' }
      : { ok: true, value: head };
  },
  schema: { type: 'string', pattern: '^[1-9][0-9]{0,15}:[0-9a-f]{64}$' },
};

export const audit = resource('/audit').on(
  {
    method: 'GET',
    path: '/verify',
    operationId: 'verifyLog',
    tag: 'feed',
    summary: { zh: '校验整个事件日志的哈希链', en: 'Verify the hash chain over the whole log' },
    query: {
      expect: param(logHead, {
        zh: '此前记下的末尾 位置:哈希：日志须仍在该位置有该哈希（可发现末尾被删除）',
        en: 'a head noted earlier, POSITION:HASH: the log must still have this hash there (catches a cut-off tail)',
      }),
    },
    success: 200,
    reply: 'verify',
    roles: audits,
  },
  async (c) => {
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
  },
);
