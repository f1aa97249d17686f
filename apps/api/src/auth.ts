import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { forbidden, unauthorized } from './problem';
import type { Role } from './roles';

/** Every /api/v1 request needs a bearer token; the token's role decides what it may do. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const caller = match?.[1] === undefined ? undefined : await c.var.services.database.tokens.verify(match[1]);
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

/**
 * The role rule of an endpoint, as middleware placed before its validators: a caller the rule refuses
 * gets its 403 before the body is read, so no role can make the server decode (and answer) a large body.
 * Rules that need the body (a community's own community) are checked again once it is decoded.
 */
export const permit = (allowed: (role: Role) => boolean, detail?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    allow(c, allowed, detail);
    await next();
  });

export const isOffice = (role: Role): boolean => role.kind === 'office';
