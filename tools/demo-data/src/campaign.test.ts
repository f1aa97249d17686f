import { describe, expect, it } from 'vitest';
import {
  addDays,
  backlogReasonsAt,
  mondayOf,
  dayOf,
  isIdNumber,
  officialCalendar,
  weekdayOf,
  type CaseState,
  type PetitionerInput,
} from '@xinfang/domain';
import { campaignShape, campaignSummary, checkAgainstDomain, estimatedRequests, generateCampaign, requestKind, type DemoRequest } from './index';

/*
 * The scale-1 campaign is generated once and looked at from every side: its counts, its bodies, its order,
 * and whether the domain accepts every request of it.
 */

type Body = Record<string, unknown>;
const campaign = [...generateCampaign()];
const bodyOf = (r: DemoRequest): Body => r.body as Body;
const ofKind = (kind: string): DemoRequest[] => campaign.filter((r) => requestKind(r) === kind);
const take = <T>(iterable: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
};
const petitionersOf = (r: DemoRequest): PetitionerInput[] => (bodyOf(r)['petitioners'] as PetitionerInput[] | undefined) ?? [];

describe('determinism', () => {
  it('the same seed gives the same requests and counts', () => {
    expect(take(generateCampaign({ seed: 2024 }), 3000)).toEqual(campaign.slice(0, 3000));
    expect(take(generateCampaign({}), 500)).toEqual(campaign.slice(0, 500));
    const counts: Record<string, number> = {};
    for (const r of campaign) counts[requestKind(r)] = (counts[requestKind(r)] ?? 0) + 1;
    expect(campaignSummary(2024, 1).byKind).toEqual(counts);
  });

  it('another seed gives another campaign', () => {
    const other = take(generateCampaign({ seed: 7 }), 3000);
    expect(other).not.toEqual(campaign.slice(0, 3000));
    const cases = (rs: DemoRequest[]) => rs.filter((r) => requestKind(r) === 'POST /cases').map((r) => bodyOf(r)['summary']);
    expect(cases(other)).not.toEqual(cases(campaign.slice(0, 3000)));
  });

  it('a summary counts the requests by kind', () => {
    const summary = campaignSummary(2024, 0.25);
    const small = [...generateCampaign({ scale: 0.25 })];
    expect(summary.requests).toBe(small.length);
    expect(summary.byKind['POST /cases']).toBe(small.filter((r) => requestKind(r) === 'POST /cases').length);
    expect(Object.values(summary.byKind).reduce((a, b) => a + b, 0)).toBe(small.length);
    expect(summary.first).toBe(small[0]?.recordedAt);
    expect(summary.last).toBe(small[small.length - 1]?.recordedAt);
    expect(summary.shape.targetCases).toBe(500);
  });
});

describe('the scale-1 campaign', () => {
  it('has eight communities of five grids, and thirty leaders', () => {
    const communities = ofKind('POST /communities').map(bodyOf);
    expect(communities).toHaveLength(8);
    expect(communities.flatMap((c) => c['grids'] as unknown[])).toHaveLength(40);
    expect(communities.map((c) => c['name'])).toContain('青华社区');
    const leaders = ofKind('POST /leaders').map(bodyOf);
    expect(leaders).toHaveLength(30);
    const principals = leaders.filter((l) => l['principal'] === true);
    expect(principals.map((l) => l['position'])).toEqual(['党工委书记', '党工委副书记、办事处主任']);
    expect(principals.every((l) => l['unit'] === 'subdistrict')).toBe(true);
    expect(leaders.filter((l) => l['firstGridLeader'] === true)).toHaveLength(8);
  });

  it('has about 2,000 cases of every origin and category, some collective', () => {
    const registrations = ofKind('POST /cases').map(bodyOf);
    expect(registrations.length).toBeGreaterThan(1900);
    expect(registrations.length).toBeLessThan(2100);
    const count = (key: string) =>
      registrations.reduce<Record<string, number>>((m, b) => ({ ...m, [String(b[key])]: (m[String(b[key])] ?? 0) + 1 }), {});
    expect(Object.keys(count('origin')).sort()).toEqual(['letter', 'online', 'phone', 'screening', 'visit']);
    const categories = count('category');
    expect(Object.keys(categories).sort()).toEqual(['labour', 'landAndDemolition', 'neighbour', 'other', 'realEstate', 'wageArrears']);
    const sorted = Object.entries(categories).sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(sorted.slice(0, 2)).toEqual(['neighbour', 'wageArrears']);
    expect(registrations.filter((b) => (b['peopleCount'] as number) >= 5).length).toBeGreaterThan(40);
    expect(ofKind('POST /visits').filter((r) => (bodyOf(r)['visitorCount'] as number) >= 5).length).toBeGreaterThan(10);
    const flags = new Set(registrations.flatMap((b) => (b['riskFlags'] as string[] | undefined) ?? []));
    expect([...flags].sort()).toEqual(['collective', 'escalation', 'extremeAct', 'opinionHype']);
    const patterns = new Set(registrations.flatMap((b) => (b['patterns'] as string[] | undefined) ?? []));
    expect([...patterns].sort()).toEqual(['crossPetition', 'jointPetition', 'repeat']);
  });

  it('lives its cases through: rejections, 包案, 五个一, transfers, extensions, repeats, escalations, reviews, a reopen', () => {
    const decisions = ofKind('POST /cases/{id}/acceptance').map((r) => bodyOf(r)['decision']);
    expect(decisions.filter((d) => d === 'rejected').length).toBeGreaterThan(5);
    expect(decisions.filter((d) => d === 'rejected').length).toBeLessThan(decisions.length * 0.05);
    for (const kind of ['package', 'five-ones', 'transfer', 'notice', 'progress', 'extension', 'resolution', 'satisfaction', 'closure', 'repeat', 'reopen'])
      expect(ofKind(`POST /cases/{id}/${kind}`).length, kind).toBeGreaterThan(0);
    const levels = ofKind('POST /cases/{id}/escalation').map((r) => bodyOf(r)['level']);
    expect(levels.filter((l) => l === 'beijing')).toHaveLength(1);
    expect(levels).toContain('province');
    expect(levels).toContain('city');
    const resolutionLevels = ofKind('POST /cases/{id}/resolution').map((r) => bodyOf(r)['level'] as string);
    const local = resolutionLevels.filter((l) => l === 'grid' || l === 'community').length;
    expect(local / resolutionLevels.length).toBeGreaterThan(0.5);
    expect(resolutionLevels).toContain('above');
    const reviewDecisions = ofKind('POST /cases/{id}/review-decision').map((r) => bodyOf(r)['level']);
    expect(reviewDecisions).toContain('reReview');
    // Visits on a case that already had one (重复访): more visits than visit-origin cases.
    const visitCases = ofKind('POST /cases').filter((r) => bodyOf(r)['origin'] === 'visit').length;
    expect(ofKind('POST /visits').length).toBeGreaterThan(visitCases);
  });

  it('keeps a roster: a subdistrict slot every working day, each principal and first-grid leader weekly, announced ahead but once', () => {
    const duties = ofKind('POST /duties').map(bodyOf);
    const leaders = ofKind('POST /leaders').map(bodyOf);
    const subdistrictDays = new Set(duties.filter((d) => d['unit'] === 'subdistrict').map((d) => d['date']));
    for (const day of officialCalendar.workingDaysIn('2024-09-15', '2024-10-15')) expect(subdistrictDays.has(day), day).toBe(true);
    expect(subdistrictDays.has('2024-10-01')).toBe(false);
    expect(subdistrictDays.has('2024-09-29')).toBe(true); // 调休上班
    const weeks = [...new Set(duties.map((d) => mondayOf(d['date'] as string)))];
    expect(weeks).toHaveLength(5);
    for (const leader of leaders.filter((l) => l['principal'] === true || l['firstGridLeader'] === true))
      for (const week of weeks)
        expect(duties.some((d) => d['leaderId'] === leader['leaderId'] && mondayOf(d['date'] as string) === week), `${String(leader['leaderId'])} ${week}`).toBe(true);
    const announcements = ofKind('POST /duties/announcements').map(bodyOf);
    expect(announcements).toHaveLength(9 * 5);
    const late = announcements.filter((a) => dayOf(a['publishedAt'] as string) > addDays(a['weekOf'] as string, -2));
    expect(late).toHaveLength(1);
    expect(dayOf(late[0]?.['publishedAt'] as string)).toBe(late[0]?.['weekOf']);
    const onTime = announcements.filter((a) => !late.includes(a)).map((a) => weekdayOf(dayOf(a['publishedAt'] as string)));
    expect(new Set(onTime).has(5)).toBe(true);
    expect(new Set(onTime).has(6)).toBe(true);
    const missed = ofKind('POST /duties/{id}/missed').map(bodyOf);
    expect(missed).toHaveLength(2);
    expect(missed.every((m) => typeof m['substituteLeaderId'] === 'string')).toBe(true);
  });

  it('has the Wednesday and Friday screening reports, nil ones among them, and a few missing', () => {
    const reports = ofKind('POST /screening-reports').map(bodyOf);
    const reportDays = officialCalendar.workingDaysIn('2024-09-15', '2024-10-15').filter((d) => weekdayOf(d) === 3 || weekdayOf(d) === 5);
    expect(reportDays).toEqual(['2024-09-18', '2024-09-20', '2024-09-25', '2024-09-27', '2024-10-09', '2024-10-11']);
    const missing = reportDays.length * 8 - reports.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThanOrEqual(6);
    expect(reports.filter((r) => r['nil'] === true && (r['caseIds'] as unknown[]).length === 0).length).toBeGreaterThan(0);
    expect(reports.filter((r) => (r['caseIds'] as unknown[]).length > 0).length).toBeGreaterThan(20);
  });

  it('has one incident linked to a case, and an inspection with its rectification', () => {
    const incidents = ofKind('POST /incidents').map(bodyOf);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.['type']).toBe('opinionHype');
    expect(typeof incidents[0]?.['caseId']).toBe('string');
    expect(ofKind('POST /inspections')).toHaveLength(1);
    expect(ofKind('POST /inspections/{id}/rectification')).toHaveLength(1);
  });

  it('gives petitioners valid Jinjiang id numbers and mobile numbers; returning petitioners reuse theirs', () => {
    const petitioners = campaign.flatMap(petitionersOf);
    const ids = petitioners.flatMap((p) => (p.idNumber === undefined ? [] : [p.idNumber]));
    expect(ids.length).toBeGreaterThan(2000);
    for (const id of ids) {
      expect(isIdNumber(id), id).toBe(true);
      expect(id.startsWith('350582')).toBe(true);
      expect(Number(id.slice(6, 10))).toBeGreaterThanOrEqual(1952);
    }
    for (const p of petitioners) if (p.phone !== undefined) expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
    // One person, one name and one number: the same id number always comes with the same name.
    const names = new Map<string, string>();
    for (const p of petitioners) if (p.idNumber !== undefined) expect(names.set(p.idNumber, names.get(p.idNumber) ?? p.name).get(p.idNumber)).toBe(p.name);
    // Returning petitioners: an id number on more than one case.
    const casesById = new Map<string, Set<string>>();
    for (const r of [...ofKind('POST /cases'), ...ofKind('POST /visits')])
      for (const p of petitionersOf(r))
        if (p.idNumber !== undefined) casesById.set(p.idNumber, (casesById.get(p.idNumber) ?? new Set()).add(String(bodyOf(r)['caseId'])));
    expect([...casesById.values()].filter((s) => s.size > 1).length).toBeGreaterThan(10);
  });

  it('is typed in in order, never before what it records', () => {
    expect(campaign[0]?.recordedAt.startsWith('2024-09-12')).toBe(true);
    for (let i = 1; i < campaign.length; i += 1)
      expect(Date.parse((campaign[i] as DemoRequest).recordedAt)).toBeGreaterThanOrEqual(Date.parse((campaign[i - 1] as DemoRequest).recordedAt));
    expect(Date.parse(campaign[campaign.length - 1]?.recordedAt ?? '')).toBeLessThanOrEqual(Date.parse('2024-10-15T23:59:59.999+08:00'));
    for (const r of campaign) expect(r.path.startsWith('/api/v1/')).toBe(true);
  });

  it('is accepted by the domain, request by request, and leaves a backlog on 15 October', () => {
    const { refusals, check } = checkAgainstDomain(campaign);
    expect(refusals).toEqual([]);
    const end = '2024-10-15T23:59:59+08:00';
    const states = [...check.cases.values()].filter((s): s is Exclude<CaseState, { status: 'none' }> => s.status !== 'none');
    expect(states.length).toBe(ofKind('POST /cases').length);
    const backlog = states.map((s) => backlogReasonsAt(s, end)).filter((reasons) => reasons.length > 0);
    expect(backlog.filter((reasons) => reasons.includes('overdue')).length).toBeGreaterThan(20);
    expect(backlog.filter((reasons) => reasons.includes('escalation')).length).toBeGreaterThan(0);
    expect(states.filter((s) => s.final)).toHaveLength(1);
    expect(states.some((s) => s.reopens.some((r) => r.cause === 'reopen'))).toBe(true);
    expect(states.some((s) => s.repeats.some((r) => !r.accepted))).toBe(true); // 不再受理 after finality
    expect(states.filter((s) => s.status === 'closed').length).toBeGreaterThan(20);
  });
});

describe('other seeds and scales', () => {
  it('are accepted by the domain too', () => {
    expect(checkAgainstDomain(generateCampaign({ seed: 99, scale: 1.5 })).refusals).toEqual([]);
  });

  it('grows with the scale: more communities, a longer period, a million cases at 500', () => {
    expect(campaignShape(1)).toMatchObject({ communities: 8, grids: 40, periods: 1, start: '2024-09-15', end: '2024-10-15', targetCases: 2000 });
    const big = campaignShape(500);
    expect(big.targetCases).toBe(1_000_000);
    expect(big.communities).toBe(184);
    expect(big.end).toBe('2026-07-28');
    expect(() => campaignShape(0)).toThrow(RangeError);
  });

  it('is lazy: the first requests of scale 500 come at once', () => {
    const started = Date.now();
    const first = take(generateCampaign({ scale: 500 }), 2000);
    expect(first).toHaveLength(2000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(first.filter((r) => requestKind(r) === 'POST /communities')).toHaveLength(184);
  });

  it('estimates the requests of a campaign within a tenth of its count (for the progress bar of xinfang demo)', () => {
    for (const scale of [1, 2]) {
      const count = campaignSummary(2024, scale).requests;
      expect(Math.abs(estimatedRequests(scale) - count) / count).toBeLessThan(0.1);
    }
    expect(estimatedRequests(0)).toBe(1);
  });
});
