import { addDays, mondayOf, type Instant, type LocalDate } from '@xinfang/domain';
import { dutiesLedger, type DutiesRow } from './duties-ledger';
import { compareText } from './ledger';
import { unitName } from './lookups';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 接访公告 (API.md v1.1, `GET /duties/announcement`): the roster of a day or a week as ready-to-post
 * Chinese text — who receives visitors, where and when, with position and portfolio — and whether each
 * unit's roster of the week was published, and when (the campaign plan: 提前公布领导接访时间、地点).
 */

export type AnnouncementPeriod = { readonly date: LocalDate } | { readonly weekOf: LocalDate };

export interface AnnouncementRoster {
  readonly unit: string;
  readonly unitName: string;
  readonly weekOf: LocalDate;
  /** The first publication of that roster, or null while it was never published. */
  readonly publishedAt: Instant | null;
}

export interface Announcement {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly text: string;
  readonly slots: readonly DutiesRow[];
  /** Every roster the period's slots belong to. */
  readonly rosters: readonly AnnouncementRoster[];
  /** Every one of them published (false when there is none). */
  readonly published: boolean;
}

/** `2024年9月16日`. */
const chineseDate = (date: LocalDate): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
};

const slotLine = (row: DutiesRow): string => {
  const who = `${row.leader}（${[row.position, row.portfolio === '' ? '' : `分管${row.portfolio}`].filter((part) => part !== '').join('，')}）`;
  const change =
    row.missed === null
      ? ''
      : row.substitute === null
        ? `（原定领导因故不能接访：${row.missed.reason}）`
        : `（原定领导因故不能接访，由${row.substitute.leader}（${row.substitute.position}）接访）`;
  return `${chineseDate(row.date)}（${row.weekday}） ${who}，地点：${row.location}${change}`;
};

const announcementText = (from: LocalDate, to: LocalDate, unitTitle: string, slots: readonly DutiesRow[]): string => {
  const period = from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`;
  const head = `${unitTitle}领导干部接访公告（${period}）`;
  if (slots.length === 0) return `${head}\n本期暂无领导接访安排。`;
  return [
    head,
    `为畅通群众诉求表达渠道，及时就地解决群众合理诉求，现将${from === to ? '当日' : '本周'}领导干部接访安排公告如下：`,
    ...slots.map((row, i) => `${i + 1}. ${slotLine(row)}`),
    '欢迎群众依法逐级、有序到场反映诉求。',
  ].join('\n');
};

/** The announcement of a day or a week (of one unit, or of all), as the view knows the roster. */
export const announcement = (world: World, view: TimeView, period: AnnouncementPeriod, unit: string | undefined): Announcement => {
  const from = 'date' in period ? period.date : period.weekOf;
  const to = 'date' in period ? period.date : addDays(period.weekOf, 6);
  const slots = dutiesLedger(world, view, { from, to, ...(unit === undefined ? {} : { unit }) }).rows.map(({ seq: _seq, ...row }) => row);
  const rosters = [...world.duty.values()]
    .flatMap((roster) =>
      roster.status === 'planned' &&
      (unit === undefined || roster.unit === unit) &&
      roster.weekOf === mondayOf(from) &&
      roster.slots.some((slot) => slot.date >= from && slot.date <= to)
        ? [{ unit: roster.unit, unitName: unitName(world, roster.unit), weekOf: roster.weekOf, publishedAt: roster.announcedAt ?? null }]
        : [],
    )
    .sort((a, b) => compareText(a.unit, b.unit));
  const title = unit === undefined ? (rosters.length === 1 ? (rosters[0] as AnnouncementRoster).unitName : '') : unitName(world, unit);
  return {
    from,
    to,
    text: announcementText(from, to, title, slots),
    slots,
    rosters,
    published: rosters.length > 0 && rosters.every((roster) => roster.publishedAt !== null),
  };
};
