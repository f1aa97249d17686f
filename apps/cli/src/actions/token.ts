import { existsSync } from 'node:fs';
import type { AppDatabase, Role } from '@xinfang/api';
import { communityStream, leaderStream } from '@xinfang/domain';
import { CliError } from '../errors';
import { openLog } from '../log';
import { say } from '../output';
import { roleFromText, roleLabel } from '../roles';
import { openAppFiles } from '../stores';
import { parseAnyStore, type AnyStoreLocation } from '../store-location';
import { table } from '../text';
import { shanghaiTime } from '../time-view';

/*
 * `xinfang token create|list|revoke`: the API's bearer tokens, kept hashed in the app database of the log
 * (beside a SQLite log, or beside a PostgreSQL log in the same PostgreSQL). The secret is printed once, by `create`, alone on its last line (so a script can take `tail -n 1`);
 * `list` never shows it.
 */

const withTokens = async <T>(location: AnyStoreLocation, work: (tokens: AppDatabase['tokens']) => Promise<T>): Promise<T> => {
  const database = await openAppFiles(location);
  try {
    return await work(database.tokens);
  } finally {
    await database.close();
  }
};

/**
 * The stream and event that make a community or a leader exist. A token for one that was never
 * registered would be refused nothing and shown nothing: a typo the office would not notice.
 */
interface Referent {
  readonly stream: string;
  readonly registered: string;
  readonly zh: string;
  readonly en: string;
}

const referent = (role: Role): Referent | undefined => {
  switch (role.kind) {
    case 'community':
      return { stream: communityStream(role.communityId), registered: 'CommunityRegistered', zh: `社区 ${role.communityId}`, en: `community "${role.communityId}"` };
    case 'leader':
      return { stream: leaderStream(role.leaderId), registered: 'LeaderRegistered', zh: `领导 ${role.leaderId}`, en: `leader "${role.leaderId}"` };
    default:
      return undefined;
  }
};

const assertReferentRegistered = async (role: Role, location: AnyStoreLocation): Promise<void> => {
  const wanted = referent(role);
  if (wanted === undefined) return;
  let found = false;
  if (location.kind === 'postgres' || existsSync(location.path)) {
    const store = await openLog(location);
    try {
      found = (await store.readStream(wanted.stream)).some((event) => event.type === wanted.registered);
    } finally {
      await store.close();
    }
  }
  if (!found) throw new CliError(`存储中没有登记${wanted.zh}，请先登记 / no ${wanted.en} is registered in this store; register it first`);
};

export const tokenCreate = async (options: { role: string; name?: string; store: string }): Promise<void> => {
  const role = roleFromText(options.role);
  const location = parseAnyStore(options.store);
  await assertReferentRegistered(role, location);
  const name = options.name?.trim() || roleLabel(role);
  const { info, token } = await withTokens(location, (tokens) => tokens.create(role, name, new Date().toISOString()));
  say('已创建令牌 / token created');
  say(`  编号 id:   ${info.id}`);
  say(`  角色 role: ${roleLabel(info.role)}`);
  say(`  名称 name: ${info.name}`);
  say('令牌只显示这一次，请妥善保存 / the token is shown only this once; keep it safe:');
  say(token);
};

export const tokenList = async (options: { store: string }): Promise<void> => {
  const tokens = await withTokens(parseAnyStore(options.store), (t) => t.list());
  if (tokens.length === 0) {
    say('还没有令牌 / no tokens yet: xinfang token create --role office');
    return;
  }
  say(
    table(
      ['编号 id', '角色 role', '名称 name', '创建 created', '吊销 revoked'],
      tokens.map((t) => [t.id, roleLabel(t.role), t.name, shanghaiTime(t.createdAt), t.revokedAt === null ? '—' : shanghaiTime(t.revokedAt)]),
    ),
  );
};

export const tokenRevoke = async (id: string, options: { store: string }): Promise<void> => {
  const outcome = await withTokens(parseAnyStore(options.store), async (tokens) => {
    const found = (await tokens.list()).find((t) => t.id === id);
    if (found === undefined) return 'unknown' as const;
    if (found.revokedAt !== null) return 'already' as const;
    return (await tokens.revoke(id, new Date().toISOString())) ? ('revoked' as const) : ('already' as const);
  });
  if (outcome === 'unknown') throw new CliError(`没有这个令牌 / no token with id "${id}" (see xinfang token list)`);
  if (outcome === 'already') throw new CliError(`令牌 ${id} 早已吊销 / token ${id} was already revoked`);
  say(`已吊销令牌 / revoked token ${id}`);
};
