import * as t from 'io-ts';

/*
 * The enumerations of DESIGN.md. Each is one object of English code → Chinese label: the codec takes
 * its keys, and pages and exports take its labels, so a code and its label are never kept twice.
 */

const enumeration = <L extends Record<string, string>>(labels: L, name: string) => t.keyof(labels, name);

export const originLabels = { screening: '排查', visit: '来访', letter: '来信', online: '网上信访', phone: '来电' } as const;
export const Origin = enumeration(originLabels, 'Origin');
export type Origin = t.TypeOf<typeof Origin>;

export const categoryLabels = {
  wageArrears: '欠薪',
  realEstate: '房地产',
  neighbour: '邻里纠纷',
  landAndDemolition: '征地拆迁',
  labour: '劳动社保',
  other: '其他',
} as const;
export const Category = enumeration(categoryLabels, 'Category');
export type Category = t.TypeOf<typeof Category>;

export const riskFlagLabels = {
  escalation: '越级上访风险',
  collective: '集体访风险',
  extremeAct: '个人极端风险',
  opinionHype: '负面舆论炒作风险',
} as const;
export const RiskFlag = enumeration(riskFlagLabels, 'RiskFlag');
export type RiskFlag = t.TypeOf<typeof RiskFlag>;

export const patternLabels = { repeat: '重复访', crossPetition: '串访', jointPetition: '联访' } as const;
export const Pattern = enumeration(patternLabels, 'Pattern');
export type Pattern = t.TypeOf<typeof Pattern>;

export const channelLabels = { visit: '来访', letter: '来信', online: '网上信访', phone: '来电' } as const;
export const Channel = enumeration(channelLabels, 'Channel');
export type Channel = t.TypeOf<typeof Channel>;

export const levelLabels = { grid: '网格', community: '社区', subdistrict: '街道', above: '上交' } as const;
export const ResolutionLevel = enumeration(levelLabels, 'ResolutionLevel');
export type ResolutionLevel = t.TypeOf<typeof ResolutionLevel>;

export const outcomeLabels = {
  solved: '解决问题到位',
  educated: '思想教育到位',
  assisted: '帮扶救助到位',
  lawEnforced: '依法处理',
} as const;
export const ResolutionOutcome = enumeration(outcomeLabels, 'ResolutionOutcome');
export type ResolutionOutcome = t.TypeOf<typeof ResolutionOutcome>;

export const methodLabels = {
  onSite: '当场化解',
  mediation: '调解',
  adminReview: '行政三级办理',
  specialReview: '专案评审',
  publicHearing: '公开听证',
  panel: '信访评理',
  socialForces: '社会力量参与',
} as const;
export const ResolutionMethod = enumeration(methodLabels, 'ResolutionMethod');
export type ResolutionMethod = t.TypeOf<typeof ResolutionMethod>;

export const escalationLevelLabels = { city: '到市', province: '到省', beijing: '进京' } as const;
export const EscalationLevel = enumeration(escalationLevelLabels, 'EscalationLevel');
export type EscalationLevel = t.TypeOf<typeof EscalationLevel>;

export const fiveOnesLabels = {
  leader: '一个领导包案',
  taskForce: '一个工作专班',
  plan: '一套化解方案',
  minutes: '一份会议纪要',
  stabilization: '一套稳控措施',
} as const;
export const FiveOnesItem = enumeration(fiveOnesLabels, 'FiveOnesItem');
export type FiveOnesItem = t.TypeOf<typeof FiveOnesItem>;

export const fourResponsibilityLabels = {
  situation: '包掌握情况',
  education: '包思想教育',
  resolution: '包解决化解',
  closure: '包息诉息访',
} as const;
export type FourResponsibility = keyof typeof fourResponsibilityLabels;
export const fourResponsibilities = Object.keys(fourResponsibilityLabels) as FourResponsibility[];

export const acceptanceDecisionLabels = { accepted: '受理', rejected: '不予受理' } as const;
export const AcceptanceDecision = enumeration(acceptanceDecisionLabels, 'AcceptanceDecision');
export type AcceptanceDecision = t.TypeOf<typeof AcceptanceDecision>;

export const reviewLevelLabels = { review: '复查', reReview: '复核' } as const;
export const ReviewLevel = enumeration(reviewLevelLabels, 'ReviewLevel');
export type ReviewLevel = t.TypeOf<typeof ReviewLevel>;

export const reviewOutcomeLabels = { upheld: '维持', changed: '变更' } as const;
export const ReviewOutcome = enumeration(reviewOutcomeLabels, 'ReviewOutcome');
export type ReviewOutcome = t.TypeOf<typeof ReviewOutcome>;

export const incidentTypeLabels = {
  massPetition: '大规模集体上访',
  extremeAct: '个人极端事件',
  opinionHype: '负面舆论炒作',
} as const;
export const IncidentType = enumeration(incidentTypeLabels, 'IncidentType');
export type IncidentType = t.TypeOf<typeof IncidentType>;

export const caseStatusLabels = { open: '未化解', inProgress: '化解中', resolved: '已化解', closed: '已息诉' } as const;
export type LedgerStatus = keyof typeof caseStatusLabels;

export const backlogReasonLabels = {
  overdue: '未按期办结',
  repeat: '重复信访',
  escalation: '越级上访',
  reopened: '重新办理',
} as const;
export type BacklogReason = keyof typeof backlogReasonLabels;

/** Cases with this many people or more are collective (集体访). */
export const COLLECTIVE_THRESHOLD = 5;
