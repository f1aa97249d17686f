import {
  SUBDISTRICT_UNIT,
  caseStream,
  communityStream,
  leaderStream,
  type ExistingCase,
} from '@xinfang/domain';
import type { World } from './world';

/*
 * Names of the reference data (communities, grids, leaders) as the world holds them. The forms show
 * names; an id the world does not know is shown as itself, so a row never loses its column.
 */

/** What the unit code `subdistrict` reads as on a form. */
export const SUBDISTRICT_UNIT_NAME = '街道';

export interface LeaderInfo {
  readonly leaderId: string;
  /** The name, or the id when the leader is unknown. */
  readonly name: string;
  /** 职务; '' when the leader is unknown. */
  readonly position: string;
  /** 分管工作; '' when the leader is unknown. */
  readonly portfolio: string;
  /** `subdistrict` or a communityId; '' when the leader is unknown. */
  readonly unit: string;
}

export const communityName = (world: World, communityId: string): string => {
  const community = world.community.get(communityStream(communityId));
  return community?.status === 'registered' ? community.name : communityId;
};

export const gridName = (world: World, communityId: string, gridId: string): string => {
  const community = world.community.get(communityStream(communityId));
  if (community?.status !== 'registered') return gridId;
  return community.grids.find((grid) => grid.gridId === gridId)?.name ?? gridId;
};

export const leaderInfo = (world: World, leaderId: string): LeaderInfo => {
  const leader = world.leader.get(leaderStream(leaderId));
  if (leader?.status !== 'registered') return { leaderId, name: leaderId, position: '', portfolio: '', unit: '' };
  const { name, position, portfolio, unit } = leader;
  return { leaderId, name, position, portfolio, unit };
};

export const leaderName = (world: World, leaderId: string): string => leaderInfo(world, leaderId).name;

/** A duty's or a leader's unit: `街道` for the subdistrict, else the community's name. */
export const unitName = (world: World, unit: string): string =>
  unit === SUBDISTRICT_UNIT ? SUBDISTRICT_UNIT_NAME : communityName(world, unit);

/** Every registered case of the world, in no particular order. */
export const existingCases = (world: World): ExistingCase[] => {
  const cases: ExistingCase[] = [];
  for (const state of world.case.values()) if (state.status !== 'none') cases.push(state);
  return cases;
};

/** One case by id, or undefined when the world does not hold it. */
export const caseById = (world: World, caseId: string): ExistingCase | undefined => {
  const state = world.case.get(caseStream(caseId));
  return state === undefined || state.status === 'none' ? undefined : state;
};
