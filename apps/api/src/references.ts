import { communityReferenceError, communityStream, SUBDISTRICT_UNIT, unitReferenceError } from '@xinfang/domain';
import type { Office } from './office';
import { fromDomainError } from './problem';

/*
 * The references to communities and grids a command makes are checked before anything is written: a
 * record pointing at nothing would be counted in no community's ledger (422 `unknownCommunity`,
 * `unknownGrid`, naming the field).
 */

/** A community that must be registered, and a grid (if named) that must be one of its. */
export const requireCommunity = async (office: Office, communityId: string, gridId?: string): Promise<void> => {
  const { state } = await office.load('community', communityStream(communityId));
  const refused = communityReferenceError(state, communityId, gridId);
  if (refused !== undefined) throw fromDomainError(refused);
};

/** A unit: the subdistrict, or a registered community. */
export const requireUnit = async (office: Office, unit: string): Promise<void> => {
  if (unit === SUBDISTRICT_UNIT) return;
  const { state } = await office.load('community', communityStream(unit));
  const refused = unitReferenceError(state, unit);
  if (refused !== undefined) throw fromDomainError(refused);
};
