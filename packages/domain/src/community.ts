import * as t from 'io-ts';
import { left, right, type Either } from 'fp-ts/Either';
import { Id, Text, boundedArray, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError, type DomainError } from './errors';

// A community (社区) and its grids (网格): reference data that cases, duties and reports point to.

/**
 * The business time of reference data. A community or a leader is typed in once, often after the
 * visits and duties that name it, and a ledger "as of" an earlier day must still show its name; so its
 * registration counts as having always been true. (What the system knew when is still `recordedAt`.)
 */
export const REFERENCE_DATA_TIME = '1970-01-01T00:00:00Z';

/** The unit code of the subdistrict itself: duties, leaders and inspections name it where they would name a community. */
export const SUBDISTRICT_UNIT = 'subdistrict';

export const CommunityGrid = struct({ gridId: Id, name: Text }, {}, 'CommunityGrid');
export type CommunityGrid = t.TypeOf<typeof CommunityGrid>;

/** The most grids of one community: a community has tens; the cap bounds one request. */
export const GRIDS_MAX = 1_000;

/** `POST /communities`. The API does not require a grid, so an empty list is allowed. */
export const RegisterCommunityBody = struct(
  { communityId: Id, name: Text, grids: boundedArray(CommunityGrid, { minItems: 0, maxItems: GRIDS_MAX }) },
  {},
  'RegisterCommunityBody',
);
export type RegisterCommunityBody = t.TypeOf<typeof RegisterCommunityBody>;

export type CommunityCommand = { type: 'RegisterCommunity'; data: RegisterCommunityBody };

export const CommunityRegistered = t.type(
  { type: t.literal('CommunityRegistered'), data: RegisterCommunityBody },
  'CommunityRegistered',
);
export type CommunityRegistered = t.TypeOf<typeof CommunityRegistered>;

/** Every event of a community stream (one kind so far; a union once there are more). */
export const CommunityEvent = CommunityRegistered;
export type CommunityEvent = CommunityRegistered;

export type CommunityState =
  | { status: 'none' }
  | { status: 'registered'; communityId: string; name: string; grids: readonly CommunityGrid[] };

export const communityStream = (communityId: string): string => `community-${communityId}`;

/** The refusals of a reference to a community or a grid. Codes are stable: other tools match on them. */
export const communityErrors = {
  /** `field`: where the community was named — `communityId`, or a `unit` (`"subdistrict"` or a communityId). */
  unknownCommunity: (communityId: string, field = 'communityId'): DomainError =>
    domainError('unknownCommunity', `社区 ${communityId} 未登记`, `community ${communityId} is not registered`, {
      field,
      communityId,
    }),
  unknownGrid: (communityId: string, gridId: string): DomainError =>
    domainError('unknownGrid', `网格 ${gridId} 不属于社区 ${communityId}`, `grid ${gridId} is not a grid of community ${communityId}`, {
      field: 'gridId',
      communityId,
      gridId,
    }),
};

/**
 * Why a record may not name `communityId` (and `gridId`), given that community's state: it is not
 * registered, or the grid is not one of its. Undefined when it may. A case, a visit or a report that
 * pointed at nothing would be counted in no community's ledger.
 */
export const communityReferenceError = (
  state: CommunityState,
  communityId: string,
  gridId?: string,
): DomainError | undefined => {
  if (state.status !== 'registered') return communityErrors.unknownCommunity(communityId);
  if (gridId !== undefined && !state.grids.some((grid) => grid.gridId === gridId))
    return communityErrors.unknownGrid(communityId, gridId);
  return undefined;
};

/** Why a record may not name `unit` (`"subdistrict"`, or a community that must be registered): see above. */
export const unitReferenceError = (state: CommunityState, unit: string): DomainError | undefined =>
  unit === SUBDISTRICT_UNIT || state.status === 'registered' ? undefined : communityErrors.unknownCommunity(unit, 'unit');

export const communityEventTime = (_event: CommunityEvent): string => REFERENCE_DATA_TIME;

const register = (data: RegisterCommunityBody, state: CommunityState): Either<DomainError, CommunityEvent[]> => {
  if (state.status !== 'none')
    return left(
      domainError('communityAlreadyExists', '社区已存在', 'the community already exists', {
        communityId: data.communityId,
      }),
    );
  // "subdistrict" names the subdistrict in a duty's or a leader's unit; a community of that id would be ambiguous.
  if (data.communityId === SUBDISTRICT_UNIT)
    return left(
      domainError(
        'communityIdReserved',
        '社区编号 subdistrict 已保留给街道',
        'the id "subdistrict" is reserved for the subdistrict',
      ),
    );
  const seen = new Set<string>();
  for (const grid of data.grids) {
    if (seen.has(grid.gridId))
      return left(domainError('duplicateGrid', '网格编号重复', 'a grid id appears twice', { gridId: grid.gridId }));
    seen.add(grid.gridId);
  }
  const { communityId, name, grids } = data;
  return right([
    {
      type: 'CommunityRegistered',
      data: { communityId, name, grids: grids.map(({ gridId, name }) => ({ gridId, name })) },
    },
  ]);
};

export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    if (event.type !== 'CommunityRegistered' || state.status !== 'none') return state;
    const { communityId, name, grids } = event.data;
    return { status: 'registered', communityId, name, grids };
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterCommunity':
        return register(command.data, state);
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
