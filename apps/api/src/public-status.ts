import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { caseStream } from '@xinfang/domain';
import { publicCaseStatus, type PublicCaseStatus } from '@xinfang/projections';
import type { AppEnv } from './env';
import { isReceiptCodeShape } from './receipt-code';

/*
 * The look-up behind the public status (GET /public/status/{code} and the 办理进度查询 page): bounded per
 * client (public-limits.ts), and answering only what publicCaseStatus holds. A code that is malformed,
 * never issued or revoked is a failed guess; which of them it was is not told.
 */

export type StatusLookup =
  | { readonly kind: 'found'; readonly status: PublicCaseStatus }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'limited'; readonly retryAfter: number };

/** The client's address (in-process requests, which have none, share one name). */
export const clientOf = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
};

export const lookUpStatus = async (
  { services, publicLimits }: Pick<AppEnv['Variables'], 'services' | 'publicLimits'>,
  client: string,
  typed: string,
): Promise<StatusLookup> => {
  const retryAfter = publicLimits.admit(client);
  if (retryAfter > 0) return { kind: 'limited', retryAfter };
  if (!isReceiptCodeShape(typed)) {
    publicLimits.failed(client);
    return { kind: 'malformed' };
  }
  const caseId = await services.database.receipts.find(typed);
  if (caseId === undefined) {
    publicLimits.failed(client);
    return { kind: 'unknown' };
  }
  const { state } = await services.office.load('case', caseStream(caseId));
  return state.status === 'none' ? { kind: 'unknown' } : { kind: 'found', status: publicCaseStatus(state) };
};
