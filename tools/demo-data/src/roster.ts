import { dateOf, mondayOf, workingDaysIn, workingOnOrBefore } from './clock';
import type { LeaderInfo, Org } from './org';
import { RECEPTION_ROOM, communityReceptionRoom } from './places';

/*
 * The reception roster (接访安排, 附件4) as a pure function of the week: the subdistrict has a leader on
 * duty every working day, each principal at least once a week, the deputies in turn on the other days;
 * each community has its secretary (第一网格长) once a week and its other leaders on the other days.
 * Only days of the campaign are on it.
 */

export interface Slot {
  readonly dutyId: string;
  readonly day: number;
  readonly leader: LeaderInfo;
  readonly unit: string;
  readonly location: string;
}

/** A slot whose leader could not come, and who stood in. */
export interface Miss {
  readonly slot: Slot;
  readonly substitute: LeaderInfo;
  readonly reason: string;
}

export const SUBDISTRICT = 'subdistrict';

const compactDate = (day: number): string => dateOf(day).replaceAll('-', '');

export class Roster {
  private readonly cache = new Map<string, readonly Slot[]>();
  private readonly misses = new Map<string, Miss>();

  constructor(
    private readonly org: Org,
    /** First and last day of the campaign. */
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** Week number of a Monday, counted from the campaign's first week. */
  weekIndex(monday: number): number {
    return Math.round((monday - mondayOf(this.start)) / 7);
  }

  /** The working days of the campaign in the week of `monday`. */
  days(monday: number): number[] {
    return workingDaysIn(Math.max(monday, this.start), Math.min(monday + 6, this.end));
  }

  /** The slots of `unit` (`subdistrict` or a community index) in the week of `monday`. */
  week(unit: typeof SUBDISTRICT | number, monday: number): readonly Slot[] {
    const key = `${unit}:${monday}`;
    let slots = this.cache.get(key);
    if (slots === undefined) {
      slots = unit === SUBDISTRICT ? this.subdistrictWeek(monday) : this.communityWeek(unit, monday);
      this.cache.set(key, slots);
      if (this.cache.size > 4096) this.cache.delete(this.cache.keys().next().value as string);
    }
    return slots;
  }

  /** The slots on `day` (the subdistrict's, or a community's). */
  on(unit: typeof SUBDISTRICT | number, day: number): Slot[] {
    return this.week(unit, mondayOf(day)).filter((s) => s.day === day);
  }

  /** Who receives visitors for `unit` on `day`: the leader on duty, or the substitute of a missed slot. */
  receiving(unit: typeof SUBDISTRICT | number, day: number): { leader: LeaderInfo; location: string } | undefined {
    const slot = this.on(unit, day)[0];
    if (slot === undefined) return undefined;
    const miss = this.misses.get(slot.dutyId);
    return { leader: miss?.substitute ?? slot.leader, location: slot.location };
  }

  /** Marks a slot as missed: `receiving` then names the substitute. */
  markMissed(miss: Miss): void {
    this.misses.set(miss.slot.dutyId, miss);
  }

  /**
   * When a unit publishes the roster of the week of `monday`: the last working day on or before the
   * Friday before (a roster due in a holiday is published before it).
   */
  announceDay(monday: number): number {
    return workingOnOrBefore(monday - 3);
  }

  private subdistrictWeek(monday: number): Slot[] {
    const days = this.days(monday);
    if (days.length === 0) return [];
    const w = this.weekIndex(monday);
    const { principals, deputies } = this.org;
    const slots: Slot[] = [];
    const taken = new Map<number, number>();
    const add = (day: number, leader: LeaderInfo): void => {
      const n = (taken.get(day) ?? 0) + 1;
      taken.set(day, n);
      slots.push({
        dutyId: `d-${SUBDISTRICT}-${compactDate(day)}${n > 1 ? `-${n}` : ''}`,
        day,
        leader,
        unit: SUBDISTRICT,
        location: RECEPTION_ROOM,
      });
    };
    // Principals on their days (the 书记 early in the week, the 主任 later); deputies in turn elsewhere.
    const first = w % days.length;
    const principalDays = principals.map((_, i) => days[(first + i * Math.max(1, Math.floor(days.length / 2))) % days.length] as number);
    days.forEach((day, i) => {
      const onDay = principals.filter((_, p) => principalDays[p] === day);
      if (onDay.length > 0) onDay.forEach((leader) => add(day, leader));
      else add(day, deputies[(w * 5 + i) % deputies.length] as LeaderInfo);
    });
    return slots.sort((a, b) => a.day - b.day);
  }

  private communityWeek(c: number, monday: number): Slot[] {
    const days = this.days(monday);
    const leaders = this.org.communityLeaders[c];
    const community = this.org.communities[c];
    if (days.length === 0 || leaders === undefined || community === undefined) return [];
    const [secretary, ...others] = leaders as [LeaderInfo, ...LeaderInfo[]];
    const w = this.weekIndex(monday);
    const secretaryDay = days[(w + c) % days.length] as number;
    let turn = w + c;
    return days.map((day) => {
      const leader = day === secretaryDay || others.length === 0 ? secretary : (others[turn++ % others.length] as LeaderInfo);
      return {
        dutyId: `d-${community.communityId}-${compactDate(day)}`,
        day,
        leader,
        unit: community.communityId,
        location: communityReceptionRoom(community),
      };
    });
  }
}
