import type { CommunityGrid, LeaderState } from '@xinfang/domain';
import { compareText, type Paging } from './ledger';
import type { World } from './world';

/*
 * The reference lists of API.md v1.1 (`GET /communities`, `GET /leaders`): what a form offers to pick from
 * (communities and leaders by name), in the order of their ids, paged.
 */

export interface ReferenceList<Row> {
  readonly total: number;
  readonly rows: readonly Row[];
}

export interface CommunityListRow {
  readonly communityId: string;
  readonly name: string;
  readonly grids: readonly CommunityGrid[];
}

export type LeaderListRow = Omit<Extract<LeaderState, { status: 'registered' }>, 'status'>;

const paged = <Row>(rows: readonly Row[], paging: Paging): ReferenceList<Row> => {
  const offset = paging.offset ?? 0;
  return { total: rows.length, rows: rows.slice(offset, paging.limit === undefined ? undefined : offset + paging.limit) };
};

export const communityList = (world: World, paging: Paging): ReferenceList<CommunityListRow> =>
  paged(
    [...world.community.values()]
      .flatMap((s) => (s.status === 'registered' ? [{ communityId: s.communityId, name: s.name, grids: s.grids }] : []))
      .sort((a, b) => compareText(a.communityId, b.communityId)),
    paging,
  );

export const leaderList = (world: World, paging: Paging): ReferenceList<LeaderListRow> =>
  paged(
    [...world.leader.values()]
      .flatMap((s) => {
        if (s.status !== 'registered') return [];
        const { status: _status, ...leader } = s;
        return [leader];
      })
      .sort((a, b) => compareText(a.leaderId, b.leaderId)),
    paging,
  );
