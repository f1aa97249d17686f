import { Hono } from 'hono';
import { verifyChain } from '@xinfang/event-store';
import { permit } from '../auth';
import type { AppEnv } from '../env';
import type { Role } from '../roles';

/*
 * `GET /audit/verify`: the hash chain over the whole log, from position 1 — `{ok, checked,
 * firstBrokenPosition?}` (API.md), plus `headHash` (the hash of the last intact event: publish it to
 * detect a rewrite of the whole log later) and, when broken, `reason` (position, revision, prevHash or
 * hash). The office and the auditor only.
 */

export const mayAudit = (role: Role): boolean => role.kind === 'office' || role.kind === 'auditor';

const AUDIT_DENIED = '只有信访办和审计可以校验日志 / only the office and the auditor verify the log';

export const audit = new Hono<AppEnv>().get('/verify', permit(mayAudit, AUDIT_DENIED), async (c) => {
  const result = await verifyChain(c.var.services.store.readAll());
  return c.json({
    ok: result.ok,
    checked: result.checked,
    ...(result.firstBrokenPosition === undefined ? {} : { firstBrokenPosition: result.firstBrokenPosition }),
    headHash: result.headHash,
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  });
});
