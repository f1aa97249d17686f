import {
  acceptanceDecisionLabels,
  categoryLabels,
  channelLabels,
  escalationLevelLabels,
  fiveOnesLabels,
  levelLabels,
  methodLabels,
  originLabels,
  outcomeLabels,
  reviewLevelLabels,
  reviewOutcomeLabels,
  type CaseEvent,
  type CaseEventOf,
} from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { parseRole } from '../roles';
import { localDay, localTime } from './local-time';

/*
 * The case page's timeline: one line per event of `GET /cases/{id}/history`, oldest first, each with its
 * business time (when it happened, as typed from the paper form), its recording time (when the system
 * learned it) and who recorded it — the three a reviewer asks for when a form was typed in late.
 */

/** Names the page knows, to show people rather than ids (from GET /leaders and /communities). */
export interface Names {
  readonly leaders: ReadonlyMap<string, string>;
  readonly communities: ReadonlyMap<string, string>;
}

export interface TimelineLine {
  readonly revision: number;
  /** Asia/Shanghai `YYYY-MM-DD HH:mm`. */
  readonly happenedAt: string;
  readonly recordedAt: string;
  readonly who: string;
  readonly what: string;
  readonly detail: string;
}

type Describe = { [T in CaseEvent['type']]: (data: CaseEventOf<T>['data'], names: Names) => { what: string; detail: string } };

const leaderName = (names: Names, id: string): string => names.leaders.get(id) ?? id;
const parts = (...texts: (string | false | undefined)[]): string => texts.filter((t): t is string => typeof t === 'string' && t !== '').join('；');

const describe: Describe = {
  CaseRegistered: (d, names) => ({
    what: '登记',
    detail: parts(
      `${originLabels[d.origin]}，${names.communities.get(d.communityId) ?? d.communityId}，${categoryLabels[d.category]}`,
      d.summary,
      d.demands && `诉求：${d.demands}`,
      `涉及 ${d.peopleCount} 人`,
    ),
  }),
  VisitRecorded: (d, names) => ({
    what: d.repeat ? '来访（重复访）' : '来访',
    detail: parts(`接访领导 ${leaderName(names, d.leaderId)}`, d.location, `${d.visitorCount} 人`, d.matter, d.handlingOpinion && `处理意见：${d.handlingOpinion}`),
  }),
  CaseAccepted: (d) => ({ what: acceptanceDecisionLabels.accepted, detail: parts(d.reason) }),
  CaseRejected: (d) => ({ what: acceptanceDecisionLabels.rejected, detail: parts(d.reason) }),
  CaseAssigned: (d, names) => ({
    what: '交办（一案一策）',
    detail: parts(`${d.responsibleUnit}，责任领导 ${leaderName(names, d.responsibleLeaderId)}，责任人 ${d.responsiblePerson}`, `措施：${d.measures}`, `化解时限 ${d.deadline}`),
  }),
  CasePackaged: (d, names) => ({ what: '领导包案', detail: `包案领导 ${leaderName(names, d.leaderId)}` }),
  FiveOnesRecorded: (d) => ({ what: `五个一：${fiveOnesLabels[d.item]}`, detail: d.detail }),
  CaseTransferred: (d) => ({ what: '转办', detail: parts(`转至 ${d.toUnit}`, d.note) }),
  PetitionerNotified: (d) => ({ what: '告知信访人', detail: d.content }),
  ProgressRecorded: (d) => ({ what: '办理进展', detail: d.note }),
  DeadlineExtended: (d) => ({
    what: '延期',
    detail: parts(`时限 ${d.previousDeadline} → ${d.newDeadline}`, `理由：${d.reason}`, `批准：${d.approvedBy}`),
  }),
  CaseResolved: (d) => ({
    what: '化解',
    detail: parts(`${methodLabels[d.method]}，${levelLabels[d.level]}层级，${outcomeLabels[d.outcome]}`, d.summary),
  }),
  SatisfactionRecorded: (d) => ({ what: '满意度回访', detail: d.satisfied ? '满意' : '不满意' }),
  RepeatPetitionRecorded: (d) => ({ what: '重复信访', detail: parts(channelLabels[d.channel], !d.accepted && '不再受理') }),
  EscalationRecorded: (d) => ({
    what: '越级上访',
    detail: parts(escalationLevelLabels[d.level], d.collective && '集体访', d.abnormal && '非正常上访'),
  }),
  CaseReopened: (d) => ({ what: '重新办理', detail: d.reason }),
  ReviewRequested: (d) => ({ what: `申请${reviewLevelLabels[d.level]}`, detail: '' }),
  ReviewDecided: (d) => ({
    what: `${reviewLevelLabels[d.level]}决定`,
    detail: parts(reviewOutcomeLabels[d.outcome], d.final && '三级终结'),
  }),
  CaseClosed: () => ({ what: '息诉息访', detail: '' }),
};

/** `office` → 信访办; `leader:L01` → 领导 张三; a role the page cannot read is shown as it came. */
export const actorText = (role: string, names: Names): string => {
  const parsed = parseRole(role);
  switch (parsed?.kind) {
    case 'office':
      return '信访办';
    case 'auditor':
      return '审计';
    case 'inspector':
      return '纪工委';
    case 'community':
      return `社区 ${names.communities.get(parsed.communityId) ?? parsed.communityId}`;
    case 'leader':
      return `领导 ${leaderName(names, parsed.leaderId)}`;
    default:
      return role;
  }
};

/** A business time: a bare day (a deadline) as the day, an instant in Shanghai time. */
const shown = (time: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(time) ? localDay(time) : localTime(time));

/** The lines of a case's history, in the order it was recorded (revision 1 first). */
export const caseTimeline = (events: readonly RecordedEvent[], names: Names): TimelineLine[] =>
  events.map((event) => {
    const line = describe[event.type as CaseEvent['type']] as ((data: unknown, names: Names) => { what: string; detail: string }) | undefined;
    const { what, detail } = line === undefined ? { what: event.type, detail: '' } : line(event.data, names);
    return {
      revision: event.meta.revision,
      happenedAt: shown(event.meta.occurredAt),
      recordedAt: localTime(event.meta.recordedAt),
      who: `${actorText(event.meta.actor.role, names)}（${event.meta.actor.id}）`,
      what,
      detail,
    };
  });
