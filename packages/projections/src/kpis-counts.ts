import {
  COLLECTIVE_THRESHOLD,
  categoryLabels,
  channelLabels,
  escalationLevelLabels,
  originLabels,
  type Category,
  type Channel,
  type Origin,
} from '@xinfang/domain';
import { countBy, type KpiScope } from './kpi-scope';

/*
 * The counts of the window (REPORTS.md, "KPIs"): volume, visits, escalations, repeat petitions. With a
 * `communityId`, those of the cases registered for that community.
 */

export interface VolumeKpi {
  readonly total: number;
  readonly byOrigin: Readonly<Record<Origin, number>>;
  readonly byCategory: Readonly<Record<Category, number>>;
  /** Every registered community (0 when it registered nothing), and any other community a case names. */
  readonly byCommunity: Readonly<Record<string, number>>;
}

export interface VisitsKpi {
  readonly batches: number;
  /** The sum of `visitorCount`. */
  readonly people: number;
  /** Batches of 5 or more people (集体访). */
  readonly collective: number;
}

export interface EscalationsKpi {
  readonly total: number;
  readonly city: number;
  readonly province: number;
  readonly beijing: number;
  /** Marked abnormal (非正常上访). */
  readonly abnormal: number;
  /** Marked collective on the escalation itself. */
  readonly collective: number;
}

export interface RepeatPetitionsKpi {
  readonly total: number;
  readonly byChannel: Readonly<Record<Channel, number>>;
}

/** Every case registered in the window, whatever its origin or fate (rejected ones included). */
export const volumeKpi = ({ world, window, registeredIn }: KpiScope): VolumeKpi => {
  const byCommunity: Record<string, number> = {};
  if (window.communityId === undefined) {
    for (const c of world.community.values()) if (c.status === 'registered') byCommunity[c.communityId] = 0;
  } else byCommunity[window.communityId] = 0;
  for (const s of registeredIn) byCommunity[s.registration.communityId] = (byCommunity[s.registration.communityId] ?? 0) + 1;
  return {
    total: registeredIn.length,
    byOrigin: countBy(originLabels, registeredIn, (s) => s.registration.origin),
    byCategory: countBy(categoryLabels, registeredIn, (s) => s.registration.category),
    byCommunity: Object.fromEntries(Object.entries(byCommunity).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
};

export const visitsKpi = ({ cases, inWindow }: KpiScope): VisitsKpi => {
  const visitsIn = cases.flatMap((s) => s.visits).filter((v) => inWindow(v.receivedAt));
  return {
    batches: visitsIn.length,
    people: visitsIn.reduce((sum, v) => sum + v.visitorCount, 0),
    collective: visitsIn.filter((v) => v.visitorCount >= COLLECTIVE_THRESHOLD).length,
  };
};

export const escalationsKpi = ({ cases, inWindow }: KpiScope): EscalationsKpi => {
  const escalationsIn = cases.flatMap((s) => s.escalations).filter((e) => inWindow(e.at));
  return {
    total: escalationsIn.length,
    ...countBy(escalationLevelLabels, escalationsIn, (e) => e.level),
    abnormal: escalationsIn.filter((e) => e.abnormal).length,
    collective: escalationsIn.filter((e) => e.collective).length,
  };
};

/** Every repeat petition recorded (a repeat command, or a repeat visit), also one not accepted again on a final case. */
export const repeatPetitionsKpi = ({ cases, inWindow }: KpiScope): RepeatPetitionsKpi => {
  const repeatsIn = cases.flatMap((s) => s.repeats).filter((r) => inWindow(r.at));
  return { total: repeatsIn.length, byChannel: countBy(channelLabels, repeatsIn, (r) => r.channel) };
};
