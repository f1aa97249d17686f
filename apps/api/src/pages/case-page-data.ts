import { caseDecider, fold, type CaseEvent, type ExistingCase, type Instant } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import type { Role } from '../roles';
import { caseActionsFor, type CaseActionOffer } from './case-actions';
import { caseTimeline, type Names, type TimelineLine } from './case-timeline';

/*
 * What the case page asks the API with the browser's token: the case file (as the role may see it, masked
 * as the API masks it), its history (the timeline, and the state the action forms are worked out on), and
 * the names of leaders and communities. A refusal or a 404 is handed back as the API's answer.
 */

export type ApiGet = (path: string) => Promise<Response>;

/** `GET /cases/{id}` as the page reads it (the rest of the file is shown as it comes). */
export type CaseFile = Record<string, unknown> & {
  readonly caseId: string;
  readonly state: string;
  readonly revision: number;
  readonly petitioners?: readonly (Record<string, unknown> & { personId: string; name?: string })[];
};

export type CasePageData =
  | { readonly kind: 'refused'; readonly response: Response }
  | {
      readonly kind: 'case';
      readonly file: CaseFile;
      readonly state: ExistingCase;
      readonly timeline: readonly TimelineLine[];
      readonly actions: readonly CaseActionOffer[];
      readonly names: Names;
      readonly leaders: readonly Leader[];
    };

export interface Leader {
  readonly leaderId: string;
  readonly name: string;
  readonly position?: string;
}

const rowsOf = async <T>(response: Response): Promise<T[]> => (response.ok ? ((await response.json()) as { rows: T[] }).rows : []);

/** The case's state now, folded from its history as the domain folds it. */
export const stateOfHistory = (events: readonly RecordedEvent[]): ExistingCase | undefined => {
  const state = fold(caseDecider, events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
  return state.status === 'none' ? undefined : state;
};

/** The leaders the case file names with their names (assignment, 包案, visits): known even without GET /leaders. */
const leadersNamedIn = (file: CaseFile): Leader[] => {
  const named = [file['assignment'] as { responsibleLeader?: Leader } | null, ...((file['packages'] ?? []) as { leader?: Leader }[]), ...((file['visits'] ?? []) as { leader?: Leader }[])];
  return named.flatMap((x) => {
    const leader = x === null || x === undefined ? undefined : 'responsibleLeader' in x ? x.responsibleLeader : (x as { leader?: Leader }).leader;
    return leader?.leaderId !== undefined && typeof leader.name === 'string' ? [leader] : [];
  });
};

/** `caseId` must already be a valid id (the route checks it): it is put into API paths. */
export const casePageData = async (get: ApiGet, role: Role, caseId: string, now: Instant): Promise<CasePageData> => {
  const id = encodeURIComponent(caseId);
  const [fileResponse, historyResponse, leadersResponse, communitiesResponse] = await Promise.all([
    get(`/api/v1/cases/${id}`),
    get(`/api/v1/cases/${id}/history`),
    get('/api/v1/leaders'),
    get('/api/v1/communities'),
  ]);
  if (!fileResponse.ok) return { kind: 'refused', response: fileResponse };
  if (!historyResponse.ok) return { kind: 'refused', response: historyResponse };
  const file = (await fileResponse.json()) as CaseFile;
  const { events } = (await historyResponse.json()) as { events: RecordedEvent[] };
  const leaders = await rowsOf<Leader>(leadersResponse);
  const communities = await rowsOf<{ communityId: string; name: string }>(communitiesResponse);
  const names: Names = {
    leaders: new Map([...leadersNamedIn(file), ...leaders].map((l) => [l.leaderId, l.name])),
    communities: new Map([...communities, ...(typeof file.community === 'string' ? [{ communityId: String(file.communityId), name: file.community }] : [])].map((x) => [x.communityId, x.name])),
  };
  const state = stateOfHistory(events);
  if (state === undefined) return { kind: 'refused', response: fileResponse };
  return { kind: 'case', file, state, timeline: caseTimeline(events, names), actions: caseActionsFor(role, state, now), names, leaders };
};
