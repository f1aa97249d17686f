import {
  addDays,
  categoryLabels,
  compareInstants,
  dayOf,
  daysBetween,
  daysFrom,
  matterLinkDecisionAt,
  matterLinkId,
  matterLinkStream,
  mondayOf,
  type Category,
  type ExistingCase,
  type Instant,
  type LocalDate,
  type MatterLinkDecision,
} from '@xinfang/domain';
import { inWindow, type KpiWindow } from './kpi-window';
import { compareText } from './ledger';
import { petitionerView, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * Where the problems come from (专题分析): the cases registered in a window counted by category, community,
 * grid and ISO week, each beside the window of equal length just before (the trend); the people who come
 * back with case after case; and cases that look like one matter brought by several people (串访/联访) —
 * suggestions an officer confirms or dismisses (POST /analysis/matter-links), never merged by themselves.
 */

/** Same matter: registered this close together … */
export const SAME_MATTER_DAYS = 7;
/** … and summaries sharing at least this share of their character pairs (Jaccard of bigrams). */
export const SAME_MATTER_SIMILARITY = 0.3;

export interface HotspotCount {
  readonly count: number;
  /** In the window of equal length just before. */
  readonly previous: number;
}

export interface SameMatterSuggestion {
  /** Names the suggestion (and its stream of decisions): the same cases, the same id. */
  readonly id: string;
  readonly caseIds: readonly string[];
  readonly communityId: string;
  readonly category: Category;
  /** The highest similarity of two of its summaries, 0–1, two decimals. */
  readonly similarity: number;
  /** `suggested` until an officer decides; a dismissed one is not listed. */
  readonly status: 'suggested' | Extract<MatterLinkDecision, 'confirmed'>;
}

export interface Hotspots {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly previous: { readonly from: LocalDate; readonly to: LocalDate };
  readonly byCategory: readonly (HotspotCount & { readonly category: Category; readonly label: string })[];
  readonly byCommunity: readonly (HotspotCount & { readonly communityId: string; readonly name: string })[];
  readonly byGrid: readonly (HotspotCount & { readonly communityId: string; readonly gridId: string; readonly name: string })[];
  /** Every week (by its Monday) the window touches, 0 included. */
  readonly byWeek: readonly { readonly weekOf: LocalDate; readonly count: number }[];
  /** People on two or more cases by T, one of them registered in the window; most cases first. */
  readonly repeatPetitioners: readonly { readonly petitioner: PetitionerView; readonly caseIds: readonly string[] }[];
  readonly sameMatter: readonly SameMatterSuggestion[];
}

/** The character pairs of a text, without spaces and punctuation. */
const bigrams = (text: string): Set<string> => {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
  return pairs;
};

/** The share of pairs two texts have in common (Jaccard): 0 when either has none. */
export const similarity = (a: string, b: string): number => {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const pair of x) if (y.has(pair)) common += 1;
  return common / (x.size + y.size - common);
};

const counted = <K extends string>(keys: readonly K[], now: Map<K, number>, before: Map<K, number>) =>
  keys.map((key) => ({ key, count: now.get(key) ?? 0, previous: before.get(key) ?? 0 }));

const tally = <K>(items: readonly ExistingCase[], key: (s: ExistingCase) => K | undefined): Map<K, number> => {
  const counts = new Map<K, number>();
  for (const s of items) {
    const k = key(s);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

const byCount = <R extends HotspotCount>(rows: R[], name: (row: R) => string): R[] => rows.sort((a, b) => b.count - a.count || compareText(name(a), name(b)));

/** Groups of cases that may be one matter: same community and category, close in time, other people, like words. */
const sameMatter = (world: World, cases: readonly ExistingCase[], T: Instant): SameMatterSuggestion[] => {
  const groups = new Map<string, ExistingCase[]>();
  for (const s of cases) {
    const key = `${s.registration.communityId}\u0000${s.registration.category}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const suggestions: SameMatterSuggestion[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => compareInstants(a.registration.registeredAt, b.registration.registeredAt));
    // Union–find over the pairs that qualify: a chain of like cases is one suggestion.
    const parent = sorted.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] as number)));
    const best = new Map<number, number>();
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as ExistingCase;
      const people = new Set(a.registration.petitioners.map((p) => p.personId));
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j] as ExistingCase;
        if (daysBetween(dayOf(a.registration.registeredAt), dayOf(b.registration.registeredAt)) > SAME_MATTER_DAYS) break;
        if (b.registration.petitioners.some((p) => people.has(p.personId))) continue;
        const score = similarity(a.registration.summary, b.registration.summary);
        if (score < SAME_MATTER_SIMILARITY) continue;
        const [ri, rj] = [root(i), root(j)];
        const top = Math.max(score, best.get(ri) ?? 0, best.get(rj) ?? 0);
        parent[rj] = ri;
        best.set(ri, top);
      }
    }
    const clusters = new Map<number, ExistingCase[]>();
    sorted.forEach((s, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), s]));
    for (const [r, members] of clusters) {
      if (members.length < 2) continue;
      const caseIds = members.map((s) => s.caseId).sort(compareText);
      const id = matterLinkId(caseIds);
      const decided = world.matter.get(matterLinkStream(id));
      const decision = decided === undefined ? undefined : matterLinkDecisionAt(decided, T);
      if (decision === 'dismissed') continue;
      const first = members[0] as ExistingCase;
      suggestions.push({
        id,
        caseIds,
        communityId: first.registration.communityId,
        category: first.registration.category,
        similarity: Math.round((best.get(r) ?? 0) * 100) / 100,
        status: decision === 'confirmed' ? 'confirmed' : 'suggested',
      });
    }
  }
  return suggestions.sort((a, b) => b.similarity - a.similarity || compareText(a.id, b.id));
};

/** The hotspots of the window as of the view (one community's, with `communityId`). */
export const hotspots = (world: World, view: TimeView, window: KpiWindow, personal: PersonalDataReader): Hotspots => {
  const T = view.asOf;
  const length = daysBetween(window.from, window.to) + 1;
  const previous = { from: addDays(window.from, -length), to: addDays(window.from, -1) };
  const registered = [...world.case.values()].flatMap((s) =>
    s.status !== 'none' &&
    compareInstants(s.registration.registeredAt, T) <= 0 &&
    (window.communityId === undefined || s.registration.communityId === window.communityId)
      ? [s]
      : [],
  );
  const now = registered.filter((s) => inWindow(window, T)(s.registration.registeredAt));
  const before = registered.filter((s) => inWindow(previous, T)(s.registration.registeredAt));
  const communities = [...world.community.values()].flatMap((c) =>
    c.status === 'registered' && (window.communityId === undefined || c.communityId === window.communityId) ? [c] : [],
  );
  const categories = Object.keys(categoryLabels) as Category[];
  const byCategory = counted(categories, tally(now, (s) => s.registration.category), tally(before, (s) => s.registration.category)).map(
    ({ key, ...c }) => ({ category: key, label: categoryLabels[key], ...c }),
  );
  const communityIds = communities.map((c) => c.communityId);
  const byCommunity = counted(communityIds, tally(now, (s) => s.registration.communityId), tally(before, (s) => s.registration.communityId)).map(
    ({ key, ...c }) => ({ communityId: key, name: communities.find((x) => x.communityId === key)?.name ?? key, ...c }),
  );
  const gridKey = (s: ExistingCase) => (s.registration.gridId === undefined ? undefined : `${s.registration.communityId}/${s.registration.gridId}`);
  const grids = communities.flatMap((c) => c.grids.map((g) => ({ key: `${c.communityId}/${g.gridId}`, communityId: c.communityId, gridId: g.gridId, name: `${c.name}${g.name}` })));
  const gridNow = tally(now, gridKey);
  const gridBefore = tally(before, gridKey);
  const byGrid = grids.map(({ key, ...g }) => ({ ...g, count: gridNow.get(key) ?? 0, previous: gridBefore.get(key) ?? 0 }));
  const weeks = [...new Set(daysFrom(window.from, window.to).map(mondayOf))];
  const weekCounts = tally(now, (s) => mondayOf(dayOf(s.registration.registeredAt)));
  const casesOf = new Map<string, ExistingCase[]>();
  for (const s of registered) for (const p of s.registration.petitioners) casesOf.set(p.personId, [...(casesOf.get(p.personId) ?? []), s]);
  const inWin = new Set(now.map((s) => s.caseId));
  const repeatPetitioners = [...casesOf.entries()]
    .filter(([, cases]) => cases.length >= 2 && cases.some((s) => inWin.has(s.caseId)))
    .map(([personId, cases]) => ({ petitioner: petitionerView(world, personId, personal), caseIds: cases.map((s) => s.caseId).sort(compareText) }))
    .sort((a, b) => b.caseIds.length - a.caseIds.length || compareText(a.petitioner.personId, b.petitioner.personId));
  return {
    from: window.from,
    to: window.to,
    previous,
    byCategory: byCount(byCategory, (r) => r.category),
    byCommunity: byCount(byCommunity, (r) => r.communityId),
    byGrid: byCount(byGrid, (r) => `${r.communityId}/${r.gridId}`),
    byWeek: weeks.map((weekOf) => ({ weekOf, count: weekCounts.get(weekOf) ?? 0 })),
    repeatPetitioners,
    sameMatter: sameMatter(world, now, T),
  };
};
