import type { Category } from '@xinfang/domain';
import { chineseName } from './people';
import { communityPlace, type CommunityPlace } from './places';
import { Stream, chance, rngFor } from './random';

/*
 * The subdistrict's organisation: its communities and the leaders who receive visitors, take duty slots
 * and lead cases. Twelve subdistrict leaders (the two principals — 党工委书记 and 办事处主任 — and ten
 * deputies with their portfolios) and two or three leaders per community, its secretary being the
 * community's 第一网格长: thirty leaders for the eight communities of scale 1.
 */

export type LeaderKind = 'principal' | 'deputy' | 'communitySecretary' | 'communityDeputy';

export interface LeaderInfo {
  readonly leaderId: string;
  readonly name: string;
  readonly position: string;
  readonly portfolio: string;
  /** `"subdistrict"` or a communityId. */
  readonly unit: string;
  readonly kind: LeaderKind;
  /** The categories of case this leader is the natural one to lead. */
  readonly focus: readonly Category[];
}

export interface Org {
  readonly communities: readonly CommunityPlace[];
  /** The two principals first, then the deputies. */
  readonly subdistrict: readonly LeaderInfo[];
  readonly principals: readonly LeaderInfo[];
  readonly deputies: readonly LeaderInfo[];
  /** Per community (same index): its secretary first, then its other leaders. */
  readonly communityLeaders: readonly (readonly LeaderInfo[])[];
  /** The 纪工委书记: records inspections. */
  readonly discipline: LeaderInfo;
  /** The deputy whose portfolio covers `category`. */
  readonly deputyFor: (category: Category) => LeaderInfo;
}

const SUBDISTRICT: readonly (readonly [string, string, LeaderKind, readonly Category[]])[] = [
  ['党工委书记', '主持街道党工委全面工作，负总责', 'principal', []],
  ['党工委副书记、办事处主任', '主持办事处全面工作，负责政府系统工作', 'principal', []],
  ['党工委副书记', '协助抓党建工作，分管信访维稳、综治、平安建设', 'deputy', ['neighbour', 'other']],
  ['人大工委主任', '负责人大工作，联系重点项目建设和房地产领域风险化解', 'deputy', ['realEstate']],
  ['党工委委员、纪工委书记', '负责纪检监察工作，牵头信访月专项活动督导检查', 'deputy', []],
  ['党工委委员、政法委员', '分管政法、信访、矛盾纠纷多元化解，联系司法所、派出所', 'deputy', ['neighbour']],
  ['党工委委员、武装部部长', '分管武装、应急管理、安全生产、消防', 'deputy', ['other']],
  ['党工委委员、组织委员', '分管组织、人事、社区建设、网格化服务管理', 'deputy', ['neighbour']],
  ['党工委委员、宣传委员', '分管宣传、网信、统战、文化工作，负责舆情应对', 'deputy', ['other']],
  ['办事处副主任', '分管城乡建设、征迁安置、市容环境、综合执法', 'deputy', ['landAndDemolition', 'realEstate']],
  ['办事处副主任', '分管经济发展、劳动保障、市场监管、企业服务', 'deputy', ['wageArrears', 'labour']],
  ['办事处副主任', '分管社会事务、民政、卫生健康、教育、退役军人事务', 'deputy', ['labour', 'other']],
];

const leaderName = (seed: number, n: number): string => {
  const random = rngFor(seed, Stream.leader, n);
  return chineseName(random, chance(random, 0.72));
};

/** The organisation for `communityCount` communities. */
export const orgOf = (seed: number, communityCount: number): Org => {
  const communities = Array.from({ length: communityCount }, (_, i) => communityPlace(i));
  const subdistrict: LeaderInfo[] = SUBDISTRICT.map(([position, portfolio, kind, focus], i) => ({
    leaderId: `l-sd${String(i + 1).padStart(2, '0')}`,
    name: leaderName(seed, i),
    position,
    portfolio,
    unit: 'subdistrict',
    kind,
    focus,
  }));
  // The two largest communities of scale 1 also have a deputy director of the residents' committee.
  const communityLeaders = communities.map((community, c) => {
    const base = 100 + c * 3;
    const leaders: LeaderInfo[] = [
      {
        leaderId: `l-${community.communityId}-1`,
        name: leaderName(seed, base),
        position: `${community.name}党委书记、居委会主任（第一网格长）`,
        portfolio: '主持社区全面工作，负责社区信访维稳第一责任',
        unit: community.communityId,
        kind: 'communitySecretary',
        focus: [],
      },
      {
        leaderId: `l-${community.communityId}-2`,
        name: leaderName(seed, base + 1),
        position: `${community.name}党委副书记`,
        portfolio: '负责社区综治、人民调解、网格管理和信访接待',
        unit: community.communityId,
        kind: 'communityDeputy',
        focus: ['neighbour', 'other'],
      },
    ];
    if (community.weight >= 1.2)
      leaders.push({
        leaderId: `l-${community.communityId}-3`,
        name: leaderName(seed, base + 2),
        position: `${community.name}居委会副主任`,
        portfolio: '负责社区民政、物业管理、劳动保障服务',
        unit: community.communityId,
        kind: 'communityDeputy',
        focus: ['realEstate', 'labour', 'wageArrears'],
      });
    return leaders;
  });
  const principals = subdistrict.filter((l) => l.kind === 'principal');
  const deputies = subdistrict.filter((l) => l.kind === 'deputy');
  const discipline = subdistrict[4] as LeaderInfo;
  const deputyFor = (category: Category): LeaderInfo => deputies.find((d) => d.focus[0] === category) ?? deputies.find((d) => d.focus.includes(category)) ?? (deputies[0] as LeaderInfo);
  return { communities, subdistrict, principals, deputies, communityLeaders, discipline, deputyFor };
};
