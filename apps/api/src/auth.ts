import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { forbidden, unauthorized } from './problem';
import type { Role } from './roles';

/** Every /api/v1 request needs a bearer token; the token's role decides what it may do. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const caller = match?.[1] === undefined ? undefined : c.var.services.database.tokens.verify(match[1]);
  if (caller === undefined) throw unauthorized();
  c.set('caller', caller);
  await next();
});

export const roleOf = (c: Context<AppEnv>): Role => c.var.caller.role;

/** Refuses (403) unless the caller's role passes. */
export const allow = (c: Context<AppEnv>, allowed: (role: Role) => boolean, detail?: string): Role => {
  const role = roleOf(c);
  if (!allowed(role)) throw forbidden(detail);
  return role;
};

export const isOffice = (role: Role): boolean => role.kind === 'office';
