import { isRight } from 'fp-ts/Either';
import {
  CaseEvent,
  acceptanceDecisionLabels,
  categoryLabels,
  channelLabels,
  escalationLevelLabels,
  fiveOnesLabels,
  fourResponsibilityLabels,
  levelLabels,
  methodLabels,
  originLabels,
  outcomeLabels,
  patternLabels,
  reviewLevelLabels,
  reviewOutcomeLabels,
  riskFlagLabels,
  type PetitionerRef,
} from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';

/*
 * A case's events as people read them: for each, a short Chinese heading (登记, 受理, 交办, 包案, 化解, …)
 * and the key facts, with the domain's own Chinese labels (vocabulary.ts). Names of leaders, communities,
 * grids and petitioners come from `Names`, so this module stays a pure function of the events.
 */

export interface Names {
  readonly leader: (leaderId: string) => string;
  readonly community: (communityId: string) => string;
  readonly grid: (communityId: string, gridId: string) => string;
  readonly petitioners: (refs: readonly PetitionerRef[]) => string;
}

export interface TimelineEntry {
  /** Business time: when it happened. */
  readonly occurredAt: string;
  /** Recording time: when the system was told. */
  readonly recordedAt: string;
  readonly position: number;
  /** 登记, 受理, 交办, … */
  readonly heading: string;
  /** The key facts, one per line. */
  readonly facts: readonly string[];
}

const join = (items: readonly string[]): string => items.join('、');
const labels = <K extends string>(table: Record<K, string>, codes: readonly K[]): string => join(codes.map((code) => table[code]));
/** `label：value`, or nothing when there is no value. */
const fact = (label: string, value: string | null | undefined): string[] =>
  value === undefined || value === null || value === '' ? [] : [`${label}：${value}`];

export const describeCaseEvent = (event: CaseEvent, names: Names): { heading: string; facts: string[] } => {
  switch (event.type) {
    case 'CaseRegistered': {
      const d = event.data;
      const place = d.gridId === undefined ? names.community(d.communityId) : `${names.community(d.communityId)} ${names.grid(d.communityId, d.gridId)}`;
      return {
        heading: '登记',
        facts: [
          `来源 ${originLabels[d.origin]} · 类别 ${categoryLabels[d.category]} · ${place} · ${d.peopleCount} 人${d.peopleCount >= 5 ? '（集体访）' : ''}${d.firstPetition ? ' · 初信初访' : ''}`,
          ...fact('信访人', names.petitioners(d.petitioners)),
          ...fact('事项', d.summary),
          ...fact('诉求', d.demands),
          ...fact('风险', labels(riskFlagLabels, d.riskFlags)),
          ...fact('特征', labels(patternLabels, d.patterns)),
        ],
      };
    }
    case 'VisitRecorded': {
      const d = event.data;
      return {
        heading: d.repeat ? '来访接待（重复访）' : '来访接待',
        facts: [
          `接访领导 ${names.leader(d.leaderId)} · 地点 ${d.location} · 来访 ${d.visitorCount} 人`,
          ...fact('来访人', names.petitioners(d.petitioners)),
          ...fact('事由', d.matter),
          ...fact('诉求', d.demands),
          ...fact('处理意见', d.handlingOpinion),
        ],
      };
    }
    case 'CaseAccepted':
      return { heading: acceptanceDecisionLabels.accepted, facts: fact('说明', event.data.reason) };
    case 'CaseRejected':
      return { heading: acceptanceDecisionLabels.rejected, facts: fact('理由', event.data.reason) };
    case 'CaseAssigned': {
      const d = event.data;
      return {
        heading: '交办',
        facts: [
          `一案一策：责任单位 ${d.responsibleUnit} · 责任领导 ${names.leader(d.responsibleLeaderId)} · 责任人 ${d.responsiblePerson}`,
          `化解时限 ${d.deadline}`,
          ...fact('化解措施', d.measures),
        ],
      };
    }
    case 'CasePackaged':
      return {
        heading: '领导包案',
        facts: [`包案领导 ${names.leader(event.data.leaderId)}`, ...fact('四包', labels(fourResponsibilityLabels, event.data.responsibilities))],
      };
    case 'FiveOnesRecorded':
      return { heading: `五个一 · ${fiveOnesLabels[event.data.item]}`, facts: [event.data.detail] };
    case 'CaseTransferred':
      return { heading: '转交办', facts: [`转至 ${event.data.toUnit}`, ...fact('说明', event.data.note)] };
    case 'PetitionerNotified':
      return { heading: '告知信访人', facts: [event.data.content] };
    case 'ProgressRecorded':
      return { heading: '办理进展', facts: [event.data.note] };
    case 'DeadlineExtended': {
      const d = event.data;
      return {
        heading: '延期',
        facts: [`化解时限 ${d.previousDeadline} → ${d.newDeadline} · 批准 ${d.approvedBy}`, ...fact('理由', d.reason)],
      };
    }
    case 'CaseResolved': {
      const d = event.data;
      return {
        heading: '化解',
        facts: [`方式 ${methodLabels[d.method]} · 层级 ${levelLabels[d.level]} · ${outcomeLabels[d.outcome]}`, ...fact('情况', d.summary)],
      };
    }
    case 'SatisfactionRecorded':
      return { heading: '满意度评价', facts: [event.data.satisfied ? '满意' : '不满意'] };
    case 'RepeatPetitionRecorded':
      return {
        heading: '重复信访',
        facts: [`渠道 ${channelLabels[event.data.channel]}${event.data.accepted ? '' : ' · 已三级终结，不再受理'}`],
      };
    case 'EscalationRecorded': {
      const d = event.data;
      return {
        heading: '越级上访',
        facts: [[escalationLevelLabels[d.level], ...(d.collective ? ['集体访'] : []), ...(d.abnormal ? ['非正常上访'] : [])].join(' · ')],
      };
    }
    case 'CaseReopened':
      return {
        heading: event.data.cause === 'repeat' ? '重新办理（因重复信访）' : '重新办理',
        facts: fact('理由', event.data.reason),
      };
    case 'ReviewRequested':
      return { heading: `申请${reviewLevelLabels[event.data.level]}`, facts: [] };
    case 'ReviewDecided':
      return {
        heading: `${reviewLevelLabels[event.data.level]}决定`,
        facts: [`${reviewOutcomeLabels[event.data.outcome]}${event.data.final ? ' · 三级终结' : ''}`],
      };
    case 'CaseClosed':
      return { heading: '息诉息访', facts: [] };
  }
};

/** The entries of a case's stored events, oldest business time first (ties in the order recorded). */
export const caseTimeline = (events: readonly RecordedEvent[], names: Names): TimelineEntry[] =>
  events
    .map((recorded): TimelineEntry => {
      const decoded = CaseEvent.decode({ type: recorded.type, data: recorded.data });
      const { heading, facts } = isRight(decoded)
        ? describeCaseEvent(decoded.right, names)
        : { heading: recorded.type, facts: ['（无法识别的事件 / an event this version does not know）'] };
      return {
        occurredAt: recorded.meta.occurredAt,
        recordedAt: recorded.meta.recordedAt,
        position: recorded.meta.position,
        heading,
        facts,
      };
    })
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.position - b.position);
