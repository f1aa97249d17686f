import { weekdayLabel, type Instant, type LocalDate } from '@xinfang/domain';
import { compareText, dayInWindow, toLedger, type Ledger, type Numbered, type Paging } from './ledger';
import { leaderInfo, unitName } from './lookups';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 附件4 领导接访安排表 (REPORTS.md): one row per duty slot of the roster, with the week's announcement, and
 * — beyond the form — whether the leader missed it and who stood in (补位). The roster is public: no
 * personal data here.
 */

/** One row of 附件4, in the form's column order (after `seq` and `dutyId`), then `missed` and `substitute`. */
export interface DutiesRow {
  readonly dutyId: string;
  readonly date: LocalDate;
  /** 星期: 星期一 … 星期日. */
  readonly weekday: string;
  /** 接访领导, 职务, 分管工作: the scheduled leader ('' position/portfolio for an unknown one). */
  readonly leader: string;
  readonly position: string;
  readonly portfolio: string;
  readonly location: string;
  /** 单位: `街道` for the subdistrict, else the community's name. */
  readonly unit: string;
  /** 公告时间: the earliest announcement of that unit's roster for the week, or null when not announced. */
  readonly announcedAt: Instant | null;
  /** The leader could not come: when it was recorded and why; null when the slot was kept. */
  readonly missed: { readonly at: Instant; readonly reason: string } | null;
  /** 补位领导: who took the missed slot (name and position), or null. */
  readonly substitute: { readonly leader: string; readonly position: string } | null;
}

export interface DutiesQuery extends Paging {
  /** Slot days from `from` to `to`, both included. */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  /** `subdistrict` or a communityId (the code, not the name). */
  readonly unit?: string;
}

/**
 * The roster as planned: every slot the view knows of in the date window, future days included (a slot is
 * a plan; see `dutyEventTime`), with its miss and substitute once they happened by T.
 */
export const dutiesLedger = (world: World, view: TimeView, query: DutiesQuery): Ledger<Numbered<DutiesRow>> => {
  const slots = [...world.duty.values()]
    .flatMap((roster) => (roster.status === 'planned' ? roster.slots.map((slot, index) => ({ roster, slot, index })) : []))
    .filter(
      ({ roster, slot }) => dayInWindow(slot.date, query.from, query.to) && (query.unit === undefined || roster.unit === query.unit),
    )
    .sort(
      (a, b) =>
        compareText(a.slot.date, b.slot.date) || compareText(a.roster.unit, b.roster.unit) || a.index - b.index,
    );
  const rows = slots.map(({ roster, slot }): DutiesRow => {
    const leader = leaderInfo(world, slot.leaderId);
    const substituteId = slot.missed?.substituteLeaderId;
    const substitute = substituteId === undefined ? undefined : leaderInfo(world, substituteId);
    return {
      dutyId: slot.dutyId,
      date: slot.date,
      weekday: weekdayLabel(slot.date),
      leader: leader.name,
      position: leader.position,
      portfolio: leader.portfolio,
      location: slot.location,
      unit: unitName(world, roster.unit),
      announcedAt: roster.announcedAt ?? null,
      missed: slot.missed === undefined ? null : { at: slot.missed.at, reason: slot.missed.reason },
      substitute: substitute === undefined ? null : { leader: substitute.name, position: substitute.position },
    };
  });
  return toLedger(view, rows, query);
};
