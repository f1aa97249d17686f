import * as t from 'io-ts';
import { caseLedgerStatusLabels, caseListDues, caseListSorts } from '@xinfang/projections';
import {
  AssignCaseBody,
  AnnounceRosterBody,
  Category,
  Origin,
  CloseCaseBody,
  DecideAcceptanceBody,
  DecideReviewBody,
  ExtendDeadlineBody,
  Id,
  InstantC,
  LocalDateC,
  MarkDutyMissedBody,
  NotifyPetitionerBody,
  PackageCaseBody,
  RecordEscalationBody,
  RecordFiveOnesBody,
  RecordIncidentBody,
  RecordInspectionBody,
  RecordProgressBody,
  RecordRectificationBody,
  RecordRepeatBody,
  RecordSatisfactionBody,
  RecordVisitBody,
  RegisterCaseBody,
  RegisterCommunityBody,
  RegisterLeaderBody,
  ReopenCaseBody,
  RequestReviewBody,
  ResolveCaseBody,
  ScheduleDutyBody,
  SubmitScreeningReportBody,
  TransferCaseBody,
} from '@xinfang/domain';
import { formTitle, ledgerEntries, type LedgerEntry, type LedgerFilter } from '@xinfang/reports';
import { toJsonSchema, type JsonSchema } from './io-ts-schema';
import { MAX_LISTED_ERRORS } from './problem';
import { FEED_MAX_LIMIT } from './routes/events';
import { API_BODY_LIMIT } from './validator';

/*
 * The OpenAPI 3.1 document of API.md, generated: every endpoint is one row of `endpoints` below, and every
 * request body schema is derived from the io-ts codec the route decodes it with (io-ts-schema.ts). The
 * test compares this table with API.md's tables, so an endpoint cannot be forgotten, and the docs page
 * (routes/docs.ts) is rendered from the same document.
 */

export const API_BASE = '/api/v1';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Who may call an endpoint (API.md, Roles); `scope` says what a scoped role is limited to. */
export interface Access {
  readonly role: 'office' | 'auditor' | 'inspector' | 'community' | 'leader';
  readonly scope?: Bilingual;
}

export const roleLabels: Readonly<Record<Access['role'], Bilingual>> = {
  office: { zh: '信访办', en: 'the office' },
  auditor: { zh: '审计', en: 'auditor' },
  inspector: { zh: '纪工委', en: 'inspector' },
  community: { zh: '社区', en: 'community' },
  leader: { zh: '领导干部', en: 'leader' },
};

/** How a role is written in a token: `community:<communityId>`, `leader:<leaderId>`. */
export const roleCode = (access: Access): string =>
  access.role === 'community' ? 'community:<communityId>' : access.role === 'leader' ? 'leader:<leaderId>' : access.role;

export type Tag = 'reference' | 'cases' | 'visits' | 'screening' | 'duties' | 'incidents' | 'inspections' | 'persons' | 'ledgers' | 'kpis' | 'feed' | 'system';

export const tags: Readonly<Record<Tag, Bilingual>> = {
  reference: { zh: '基础数据', en: 'Reference data' },
  cases: { zh: '信访事项', en: 'Cases' },
  visits: { zh: '来访接待', en: 'Visits' },
  screening: { zh: '排查报送', en: 'Screening reports' },
  duties: { zh: '接访值班', en: 'Reception roster' },
  incidents: { zh: '三个不发生', en: 'Incidents' },
  inspections: { zh: '督查整改', en: 'Inspections' },
  persons: { zh: '一人一档', en: 'Persons' },
  ledgers: { zh: '台账与报表', en: 'Ledgers and reports' },
  kpis: { zh: '指标', en: 'KPIs' },
  feed: { zh: '事件流与审计', en: 'Event feed and audit' },
  system: { zh: '系统', en: 'System' },
};

/** What a successful call answers. */
export type Reply =
  | 'command' // {id, revision, position}
  | 'visit' // {id, caseId, revision, position}
  | 'ledger' // {asOf, knownAt, total, rows} | CSV | XLSX
  | 'object' // a JSON object, described in `summary`
  | 'stream' // text/event-stream
  | 'verify' // {ok, checked, firstBrokenPosition?}
  | 'health' // {status: "ok" | "degraded", reason?, position?, head?, attempts?}
  | 'openapi' // this document
  | 'html'; // a web page

export interface QueryParam {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly description: Bilingual;
  readonly required?: boolean;
  readonly example?: string;
}

export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** As API.md writes it: under `/api/v1` unless `root`. Path parameters in braces, `{id}`. */
  readonly path: string;
  readonly root?: boolean;
  readonly operationId: string;
  readonly tag: Tag;
  readonly summary: Bilingual;
  /** Further notes (Chinese / English), shown under the summary. */
  readonly notes?: Bilingual;
  /** The codec the route decodes the JSON body with: the request body schema is generated from it. */
  readonly body?: t.Decoder<unknown, unknown>;
  /** Notes on single body fields, by property path (`petitioners.idNumber`), added to their description. */
  readonly fieldNotes?: Readonly<Record<string, string>>;
  /** Example body values that read better than the generated ones (merged over them). */
  readonly example?: Readonly<Record<string, unknown>>;
  readonly query?: readonly QueryParam[];
  readonly success: 200 | 201;
  readonly reply: Reply;
  /** `'public'`: no token needed. Otherwise the roles that may call it (every caller needs a token). */
  readonly roles: readonly Access[] | 'public';
}

// ——— roles ———

const office: Access = { role: 'office' };
const auditor: Access = { role: 'auditor' };
const inspector: Access = { role: 'inspector' };
const ownCommunity: Access = { role: 'community', scope: { zh: '仅本社区', en: 'its own community only' } };
const ownCases: Access = {
  role: 'leader',
  scope: { zh: '仅其负责（交办或包案）的事项', en: 'only cases it leads (assignment or package leader)' },
};
const ownVisits: Access = { role: 'leader', scope: { zh: '仅其接待的来访', en: 'only visits it received' } };
const anyLeader: Access = { role: 'leader' };
const anyCommunity: Access = { role: 'community' };

const onCase: readonly Access[] = [office, ownCases];
const readers: readonly Access[] = [office, auditor, inspector, ownCommunity];

// ——— query parameters ———

const schemaOf = (codec: t.Decoder<unknown, unknown>): JsonSchema => toJsonSchema(codec);

/** `asOf`/`knownAt`: an instant, or a date meaning the end of that day in Asia/Shanghai. */
const momentSchema: JsonSchema = { anyOf: [schemaOf(InstantC), schemaOf(LocalDateC)] };

const asOf: QueryParam = {
  name: 'asOf',
  schema: momentSchema,
  description: {
    zh: '业务时间：当时的情况（默认现在；只给日期则为当天结束时）',
    en: 'business time: the world as it stood then (default now; a date means the end of that day)',
  },
  example: '2024-10-01',
};
const knownAt: QueryParam = {
  name: 'knownAt',
  schema: momentSchema,
  description: {
    zh: '记录时间：系统当时所知（默认现在，日志中有更晚的记录时间时取其最晚者；只给日期则为当天结束时）',
    en: 'recording time: what the system knew then (default now, or the latest recording time in the log if later; a date means the end of that day)',
  },
  example: '2024-10-05',
};
const view = [asOf, knownAt] as const;
const format: QueryParam = {
  name: 'format',
  schema: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
  description: { zh: 'json、csv 或 xlsx（导出带官方表格的中文表头）', en: 'json, csv or xlsx (exports carry the official form’s Chinese headers)' },
};
const paging: readonly QueryParam[] = [
  {
    name: 'limit',
    schema: { type: 'integer', minimum: 0 },
    description: { zh: '最多返回的行数（默认全部）', en: 'at most this many rows (default: every row)' },
  },
  {
    name: 'offset',
    schema: { type: 'integer', minimum: 0 },
    description: { zh: '跳过的行数', en: 'rows to skip' },
  },
];
const ledgerParams = [...view, format, ...paging] as const;
const param = (name: string, codec: t.Decoder<unknown, unknown>, description: Bilingual, required = false): QueryParam => ({
  name,
  schema: schemaOf(codec),
  description,
  ...(required ? { required } : {}),
});
const communityFilter = param('communityId', Id, { zh: '社区（社区角色默认本社区）', en: 'community (a community token defaults to its own)' });
const fromDate = (what: Bilingual, required = false) =>
  param('from', LocalDateC, { zh: `${what.zh}起始日期（含）`, en: `first day of ${what.en} (inclusive)` }, required);
const toDate = (what: Bilingual, required = false) =>
  param('to', LocalDateC, { zh: `${what.zh}截止日期（含）`, en: `last day of ${what.en} (inclusive)` }, required);

/** A filter of a ledger as a query parameter. */
const ledgerFilterParam = (filter: LedgerFilter, entry: LedgerEntry): QueryParam => {
  const period = entry.period ?? { zh: '', en: 'the period' };
  switch (filter) {
    case 'communityId':
      return communityFilter;
    case 'from':
      return fromDate(period);
    case 'to':
      return toDate(period);
    case 'category':
      return param('category', Category, { zh: '类别', en: 'category' });
    case 'leaderId':
      return param('leaderId', Id, { zh: '接访领导', en: 'the receiving leader' });
    case 'unit':
      return param('unit', Id, { zh: '单位："subdistrict" 或社区标识', en: 'unit: "subdistrict" or a communityId' });
  }
};

// ——— the endpoints ———

/** A ledger's endpoint, from the ledger table (@xinfang/reports): its filters, period, summary, notes and readers. */
const ledgerEndpoint = (entry: LedgerEntry): Endpoint => ({
  method: 'GET',
  path: `/ledgers/${entry.name}`,
  operationId: `${entry.name}Ledger`,
  tag: 'ledgers',
  summary: { zh: formTitle(entry.form), en: entry.summary },
  ...(entry.notes === undefined ? {} : { notes: entry.notes }),
  query: [...ledgerParams, ...entry.filters.map((filter) => ledgerFilterParam(filter, entry))],
  success: 200,
  reply: 'ledger',
  roles: entry.public ? [office, auditor, inspector, anyCommunity, anyLeader] : readers,
});


const caseCommand = (
  path: string,
  operationId: string,
  body: t.Decoder<unknown, unknown>,
  summary: Bilingual,
  extra: Partial<Endpoint> = {},
): Endpoint => ({
  method: 'POST',
  path: `/cases/{id}/${path}`,
  operationId,
  tag: 'cases',
  summary,
  body,
  success: 200,
  reply: 'command',
  roles: onCase,
  ...extra,
});

/** Every endpoint of API.md, in its order: commands, then queries, then the root. */
export const endpoints: readonly Endpoint[] = [
  {
    method: 'POST',
    path: '/communities',
    operationId: 'registerCommunity',
    tag: 'reference',
    summary: { zh: '登记社区及其网格', en: 'Register a community and its grids' },
    body: RegisterCommunityBody,
    example: { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] },
    success: 201,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/leaders',
    operationId: 'registerLeader',
    tag: 'reference',
    summary: { zh: '登记领导干部', en: 'Register a leader' },
    body: RegisterLeaderBody,
    fieldNotes: {
      unit: '"subdistrict"（街道）或社区标识 / "subdistrict" or a communityId',
      principal: '党政主要领导 / principal Party or government leader',
      firstGridLeader: '第一网格长 / first grid leader',
    },
    example: { leaderId: 'L01', name: '王建国', position: '街道党工委书记', portfolio: '全面工作', unit: 'subdistrict', principal: true },
    success: 201,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/cases',
    operationId: 'registerCase',
    tag: 'cases',
    summary: { zh: '登记信访事项（矛盾纠纷）', en: 'Register a case' },
    notes: {
      zh: '每位信访人：有 personId 则关联已有档案；否则身份证号已在档的（按密钥哈希匹配，从不比对明文）关联该人；否则新建档案。',
      en: 'Each petitioner: a personId links an existing file; else an id number already on file (matched by a keyed hash, never by plain text) links that person; else a new file is made.',
    },
    body: RegisterCaseBody,
    fieldNotes: {
      caseId: '不填则由服务器生成 / generated by the server when left out',
      'petitioners.personId': '已有档案的 personId / the personId of an existing file',
      peopleCount: '默认为信访人数 / default: the number of petitioners',
      firstPetition: '初信初访，默认 true / first petition, default true',
    },
    example: {
      origin: 'visit',
      communityId: 'qinghua',
      category: 'wageArrears',
      summary: '某工地拖欠工资三个月',
      registeredAt: '2024-09-18T09:30:00+08:00',
      petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '15800009011' }],
      demands: '结清欠薪',
    },
    success: 201,
    reply: 'command',
    roles: [office, ownCommunity],
  },
  {
    method: 'POST',
    path: '/visits',
    operationId: 'recordVisit',
    tag: 'visits',
    summary: { zh: '登记来访（领导接访）', en: 'Record a visit' },
    notes: {
      zh: '带 caseId：记在该事项上（该事项已有来访或已化解的，记为重复访）；不带 caseId：以来源"来访"登记新事项。回复中含所记事项的 caseId。',
      en: 'With caseId: recorded on that case (as a repeat petition when it already had a visit or was resolved). Without: registers a new case with origin visit. The reply carries the caseId.',
    },
    body: RecordVisitBody,
    fieldNotes: {
      visitId: '不填则由服务器生成 / generated by the server when left out',
      caseId: '已有事项 / an existing case',
    },
    example: {
      leaderId: 'L01',
      receivedAt: '2024-09-18T09:30:00+08:00',
      location: '街道信访接待室',
      visitorCount: 2,
      matter: '反映小区停车位被占用',
      petitioners: [{ name: '李四', phone: '15800009011' }],
      communityId: 'qinghua',
      category: 'neighbour',
    },
    success: 201,
    reply: 'visit',
    roles: [office, ownCommunity, ownVisits],
  },
  caseCommand('acceptance', 'decideAcceptance', DecideAcceptanceBody, { zh: '受理或不予受理', en: 'Accept or reject a case' }),
  caseCommand('assignment', 'assignCase', AssignCaseBody, { zh: '交办（一案一策）', en: 'Assign a case (one plan per case)' }, {
    fieldNotes: { deadline: '化解时限（日期）/ the deadline (a date)' },
  }),
  caseCommand('package', 'packageCase', PackageCaseBody, { zh: '领导包案（四包）', en: 'Package a case to a leader (the four responsibilities)' }),
  caseCommand('five-ones', 'recordFiveOnes', RecordFiveOnesBody, { zh: '记录"五个一"', en: 'Record a five-ones item' }),
  caseCommand('transfer', 'transferCase', TransferCaseBody, { zh: '转交办', en: 'Transfer a case' }),
  caseCommand('notice', 'notifyPetitioner', NotifyPetitionerBody, { zh: '告知信访人', en: 'Notify the petitioner' }),
  caseCommand('progress', 'recordProgress', RecordProgressBody, { zh: '记录办理进展', en: 'Record progress' }),
  caseCommand('extension', 'extendDeadline', ExtendDeadlineBody, { zh: '延期办理', en: 'Extend the deadline' }),
  caseCommand('resolution', 'resolveCase', ResolveCaseBody, { zh: '化解办结（三到位一处理）', en: 'Resolve a case' }),
  caseCommand('satisfaction', 'recordSatisfaction', RecordSatisfactionBody, { zh: '记录满意度', en: 'Record satisfaction' }),
  caseCommand('repeat', 'recordRepeat', RecordRepeatBody, { zh: '记录重复访', en: 'Record a repeat petition' }),
  caseCommand('escalation', 'recordEscalation', RecordEscalationBody, { zh: '记录越级上访', en: 'Record an escalation' }, {
    fieldNotes: { collective: '集体访 / collective', abnormal: '非正常上访 / abnormal petition' },
  }),
  caseCommand('reopen', 'reopenCase', ReopenCaseBody, { zh: '重新办理', en: 'Reopen a case' }),
  caseCommand('review', 'requestReview', RequestReviewBody, { zh: '申请复查或复核', en: 'Request a review or re-review' }, {
    notes: { zh: '信访人在办结后申请。', en: 'Requested by the petitioner after a resolution.' },
  }),
  caseCommand('review-decision', 'decideReview', DecideReviewBody, { zh: '复查或复核结论', en: 'Decide a review' }, {
    notes: { zh: '复核已决的事项即告终结（三级终结）。', en: 'A decided re-review makes the case final.' },
  }),
  caseCommand('closure', 'closeCase', CloseCaseBody, { zh: '息诉息访', en: 'Close a case' }),
  {
    method: 'POST',
    path: '/screening-reports',
    operationId: 'submitScreeningReport',
    tag: 'screening',
    summary: { zh: '报送排查情况（每周三、周五）', en: 'Submit a screening report (Wednesdays and Fridays)' },
    body: SubmitScreeningReportBody,
    fieldNotes: { nil: '零报告：caseIds 为空且 nil 为 true / a nil report: empty caseIds with nil true' },
    example: { communityId: 'qinghua', reportDate: '2024-09-18', caseIds: ['case-001'] },
    success: 201,
    reply: 'command',
    roles: [office, ownCommunity],
  },
  {
    method: 'POST',
    path: '/duties',
    operationId: 'scheduleDuty',
    tag: 'duties',
    summary: { zh: '安排领导接访值班', en: 'Schedule a reception duty slot' },
    body: ScheduleDutyBody,
    fieldNotes: {
      unit: '"subdistrict"（街道）或社区标识 / "subdistrict" or a communityId',
      dutyId: '不填则由服务器生成 / generated by the server when left out',
    },
    example: { date: '2024-09-18', leaderId: 'L01', location: '街道信访接待室', unit: 'subdistrict' },
    success: 201,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/duties/{id}/missed',
    operationId: 'markDutyMissed',
    tag: 'duties',
    summary: { zh: '领导未能到岗（补位）', en: 'The leader could not come (substitute)' },
    body: MarkDutyMissedBody,
    fieldNotes: { substituteLeaderId: '补位领导 / the substitute leader' },
    example: { reason: '临时到市里开会', substituteLeaderId: 'L02' },
    success: 200,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/duties/announcements',
    operationId: 'announceRoster',
    tag: 'duties',
    summary: { zh: '公告一周接访安排', en: 'Announce a week’s roster' },
    body: AnnounceRosterBody,
    fieldNotes: { weekOf: '该周的周一 / the Monday of the week' },
    example: { unit: 'subdistrict', weekOf: '2024-09-23', publishedAt: '2024-09-20T17:00:00+08:00', channel: '街道公众号' },
    success: 201,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/incidents',
    operationId: 'recordIncident',
    tag: 'incidents',
    summary: { zh: '记录"三个不发生"事件', en: 'Record an incident' },
    body: RecordIncidentBody,
    success: 201,
    reply: 'command',
    roles: [office],
  },
  {
    method: 'POST',
    path: '/inspections',
    operationId: 'recordInspection',
    tag: 'inspections',
    summary: { zh: '记录督查发现的问题', en: 'Record an inspection finding' },
    body: RecordInspectionBody,
    example: { unit: 'qinghua', finding: '排查报送不及时', at: '2024-09-20T10:00:00+08:00', dueDate: '2024-09-30' },
    success: 201,
    reply: 'command',
    roles: [office, inspector],
  },
  {
    method: 'POST',
    path: '/inspections/{id}/rectification',
    operationId: 'recordRectification',
    tag: 'inspections',
    summary: { zh: '记录整改情况', en: 'Record a rectification' },
    body: RecordRectificationBody,
    success: 200,
    reply: 'command',
    roles: [office, inspector],
  },
  {
    method: 'DELETE',
    path: '/persons/{id}',
    operationId: 'erasePerson',
    tag: 'persons',
    summary: { zh: '删除信访人个人信息', en: 'Forget a petitioner' },
    notes: {
      zh: '销毁其个人信息的密钥；事件保留，个人信息显示为 [已删除]。',
      en: 'The key of their personal data is destroyed; the events stay, the data reads [已删除].',
    },
    success: 200,
    reply: 'command',
    roles: [office],
  },

  // ——— queries ———
  {
    method: 'GET',
    path: '/cases/{id}',
    operationId: 'getCase',
    tag: 'cases',
    summary: { zh: '事项详情：状态、时限、积案原因、信访人、版本', en: 'A case: state, deadline, backlog reasons, petitioners, revision' },
    query: view,
    success: 200,
    reply: 'object',
    roles: [office, auditor, ownCommunity, ownCases],
  },
  {
    method: 'GET',
    path: '/cases/{id}/history',
    operationId: 'getCaseHistory',
    tag: 'cases',
    summary: { zh: '事项的全部事件及元数据（按时间先后）', en: 'Every event of the case with its metadata, oldest first' },
    query: view,
    success: 200,
    reply: 'object',
    roles: [office, auditor, ownCommunity, ownCases],
  },
  {
    method: 'GET',
    path: '/persons/{id}',
    operationId: 'getPerson',
    tag: 'persons',
    summary: { zh: '一人一档：其事项与来访', en: 'The person’s file: their cases and visits' },
    query: view,
    success: 200,
    reply: 'object',
    roles: [office, auditor],
  },
  // ——— lists and look-ups (API.md v1.1) ———
  {
    method: 'GET',
    path: '/communities',
    operationId: 'listCommunities',
    tag: 'reference',
    summary: { zh: '社区及其网格列表', en: 'The communities and their grids' },
    query: paging,
    success: 200,
    reply: 'object',
    roles: [office, auditor, inspector, anyCommunity, anyLeader],
  },
  {
    method: 'GET',
    path: '/leaders',
    operationId: 'listLeaders',
    tag: 'reference',
    summary: { zh: '领导列表：职务、分管工作、单位', en: 'The leaders: position, portfolio, unit' },
    query: paging,
    success: 200,
    reply: 'object',
    roles: [office, auditor, inspector, anyCommunity, anyLeader],
  },
  {
    method: 'GET',
    path: '/cases',
    operationId: 'listCases',
    tag: 'cases',
    summary: { zh: '事项列表（待办）：筛选、排序、分页', en: 'The case list (the to-do view): filtered, sorted, paged' },
    notes: {
      zh: '社区角色只见本社区，领导只见其负责或包案的事项；信访人信息除信访办外均脱敏。',
      en: 'A community sees its own cases, a leader the cases it leads; petitioners masked for every role but the office.',
    },
    query: [
      param('status', t.keyof(caseLedgerStatusLabels), { zh: '化解状态', en: 'status' }),
      communityFilter,
      param('category', Category, { zh: '类型', en: 'category' }),
      param('origin', Origin, { zh: '来源', en: 'origin' }),
      param('leaderId', Id, { zh: '责任领导或包案领导', en: 'the assignment’s or a package leader' }),
      { name: 'due', schema: { type: 'string', enum: [...caseListDues] }, description: { zh: 'overdue 已超期；soon 3 天内到期', en: 'overdue, or soon: due within 3 days' } },
      { name: 'backlog', schema: { type: 'boolean' }, description: { zh: '仅积案', en: 'only cases in the backlog' } },
      { name: 'q', schema: { type: 'string', maxLength: 100 }, description: { zh: '事项编号、基本情况或诉求中的文字', en: 'text in the case id, summary or demands' } },
      fromDate({ zh: '登记', en: 'registration' }),
      toDate({ zh: '登记', en: 'registration' }),
      { name: 'sort', schema: { type: 'string', enum: [...caseListSorts], default: '-registeredAt' }, description: { zh: '排序', en: 'order' } },
      ...paging,
    ],
    success: 200,
    reply: 'object',
    roles: [office, auditor, ownCommunity, ownCases],
  },
  {
    method: 'GET',
    path: '/persons',
    operationId: 'findPersons',
    tag: 'persons',
    summary: { zh: '按姓名、电话或身份证号查找信访人', en: 'Find petitioners by name, phone or id number' },
    notes: {
      zh: '身份证号须完整，经其密钥散列匹配，从不明文扫描。',
      en: 'An id number must be whole: it is matched through its keyed hash, never by a plaintext scan.',
    },
    query: [{ name: 'q', required: true, schema: { type: 'string', maxLength: 50 }, description: { zh: '姓名或电话的一部分，或完整身份证号', en: 'part of a name or phone, or a whole id number' } }, ...paging],
    success: 200,
    reply: 'object',
    roles: [office],
  },
  {
    method: 'GET',
    path: '/duties/announcement',
    operationId: 'rosterAnnouncement',
    tag: 'duties',
    summary: { zh: '接访公告：当日或本周的公告文本、安排及是否已公布', en: 'The 接访公告 of a day or a week: ready-to-post text, slots, published or not' },
    query: [
      param('date', LocalDateC, { zh: '某一天（与 weekOf 二选一）', en: 'a day (or weekOf)' }),
      param('weekOf', LocalDateC, { zh: '某周的星期一（与 date 二选一）', en: 'the Monday of a week (or date)' }),
      param('unit', Id, { zh: 'subdistrict 或社区编号', en: 'subdistrict or a communityId' }),
    ],
    success: 200,
    reply: 'object',
    roles: [office, auditor, inspector, anyCommunity, anyLeader],
  },
  ...ledgerEntries.map(ledgerEndpoint),
  {
    method: 'GET',
    path: '/reports/screening',
    operationId: 'screeningReport',
    tag: 'ledgers',
    summary: { zh: '社区周三、周五排查报送清单', en: 'The Wednesday/Friday list a community sends to the office' },
    notes: {
      zh: '上一个报送日以来以"排查"登记的事项，加上截至 asOf 仍未化解的本社区事项，以及当天提交的报告。',
      en: 'The cases registered with origin screening since the previous report day, plus every case of the community still unresolved at asOf, and the report submitted that day.',
    },
    query: [
      ...view,
      ...paging,
      param('communityId', Id, {
        zh: '社区（必填；社区角色默认本社区）',
        en: 'community (required, but a community token defaults to its own)',
      }),
      param('date', LocalDateC, { zh: '报送日期（周三或周五）', en: 'the report day (a Wednesday or Friday)' }, true),
    ],
    success: 200,
    reply: 'object',
    roles: readers,
  },
  {
    method: 'GET',
    path: '/kpis',
    operationId: 'kpis',
    tag: 'kpis',
    summary: { zh: '工作指标（见 REPORTS.md）', en: 'The KPIs of REPORTS.md' },
    query: [
      fromDate({ zh: '统计', en: 'the window' }, true),
      toDate({ zh: '统计', en: 'the window' }, true),
      communityFilter,
      ...view,
    ],
    success: 200,
    reply: 'object',
    roles: readers,
  },
  {
    method: 'GET',
    path: '/events',
    operationId: 'events',
    tag: 'feed',
    summary: { zh: '全局事件流（供其他系统读取）', en: 'The global event feed for other tools' },
    query: [
      { name: 'after', schema: { type: 'integer', minimum: 0 }, description: { zh: '从此位置之后', en: 'events after this position' } },
      {
        name: 'limit',
        schema: { type: 'integer', minimum: 0, maximum: FEED_MAX_LIMIT },
        description: { zh: '最多返回的事件数', en: 'at most this many events' },
      },
    ],
    success: 200,
    reply: 'object',
    roles: [office, auditor],
  },
  {
    method: 'GET',
    path: '/events/stream',
    operationId: 'eventStream',
    tag: 'feed',
    summary: { zh: '全局事件流（Server-Sent Events，实时）', en: 'The global feed as Server-Sent Events, live' },
    query: [{ name: 'after', schema: { type: 'integer', minimum: 0 }, description: { zh: '从此位置之后', en: 'events after this position' } }],
    success: 200,
    reply: 'stream',
    roles: [office, auditor],
  },
  {
    method: 'GET',
    path: '/audit/verify',
    operationId: 'verifyLog',
    tag: 'feed',
    summary: { zh: '校验整个事件日志的哈希链', en: 'Verify the hash chain over the whole log' },
    query: [
      {
        name: 'expect',
        schema: { type: 'string', pattern: '^[1-9][0-9]{0,15}:[0-9a-f]{64}$' },
        description: {
          zh: '此前记下的末尾 位置:哈希：日志须仍在该位置有该哈希（可发现末尾被删除）',
          en: 'a head noted earlier, POSITION:HASH: the log must still have this hash there (catches a cut-off tail)',
        },
      },
    ],
    success: 200,
    reply: 'verify',
    roles: [office, auditor],
  },

  // ——— at the root ———
  {
    method: 'GET',
    path: '/health',
    root: true,
    operationId: 'health',
    tag: 'system',
    summary: { zh: '健康检查', en: 'Health check' },
    success: 200,
    reply: 'health',
    roles: 'public',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    root: true,
    operationId: 'openApi',
    tag: 'system',
    summary: { zh: '本 API 的 OpenAPI 3.1 描述', en: 'This API as an OpenAPI 3.1 document' },
    success: 200,
    reply: 'openapi',
    roles: 'public',
  },
  {
    method: 'GET',
    path: '/docs',
    root: true,
    operationId: 'docsPage',
    tag: 'system',
    summary: { zh: 'API 文档页面', en: 'This documentation as a web page' },
    success: 200,
    reply: 'html',
    roles: 'public',
  },
];

/** The full path of an endpoint (`/api/v1/cases/{id}`). */
export const fullPath = (endpoint: Endpoint): string => (endpoint.root === true ? endpoint.path : `${API_BASE}${endpoint.path}`);

/** The names of an endpoint's path parameters (`{id}` → `id`). */
export const pathParams = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');

// ——— examples ———

const exampleByKey: Readonly<Record<string, unknown>> = {
  communityId: 'qinghua',
  gridId: 'qh-1',
  leaderId: 'L01',
  responsibleLeaderId: 'L01',
  substituteLeaderId: 'L02',
  caseId: 'case-001',
  caseIds: ['case-001'],
  visitId: 'visit-001',
  dutyId: 'duty-001',
  incidentId: 'incident-001',
  inspectionId: 'inspection-001',
  personId: 'person-001',
  unit: 'subdistrict',
  name: '张三',
  summary: '某工地拖欠工资三个月',
  matter: '反映拖欠工资问题',
  location: '街道信访接待室',
  position: '街道办事处主任',
  portfolio: '信访维稳',
  responsibleUnit: '街道劳动保障所',
  responsiblePerson: '刘科长',
  measures: '约谈用工单位，限期结清欠薪',
  reason: '情况复杂，需要协调多部门',
  note: '已约谈用工单位',
  content: '已书面告知受理结果',
  detail: '成立欠薪问题工作专班',
  toUnit: '区人社局',
  approvedBy: '街道党工委书记',
  finding: '排查报送不及时',
  channel: '街道公众号',
  visitorCount: 2,
  deadline: '2024-11-18',
  newDeadline: '2024-12-18',
  weekOf: '2024-09-23',
  reportDate: '2024-09-18',
  dueDate: '2024-09-30',
  from: '2024-09-01',
  to: '2024-09-30',
  date: '2024-09-18',
};

/** A value the schema accepts; `key` picks a readable one. Optional properties are left out. */
export const exampleOf = (schema: JsonSchema, key?: string): unknown => {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  if (key !== undefined && key in exampleByKey && schema.type !== 'object') return exampleByKey[key];
  if (schema.examples !== undefined && schema.examples.length > 0) return schema.examples[0];
  const alternative = (schema.oneOf ?? schema.anyOf)?.[0];
  if (alternative !== undefined) return exampleOf(alternative, key);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, exampleOf(schema.properties?.[name] ?? {}, name)]),
      );
    case 'array':
      return (schema.minItems ?? 0) > 0 || key !== undefined
        ? [exampleOf(schema.items === false || schema.items === undefined ? {} : schema.items, key)]
        : [];
    case 'string':
      return schema.title === 'Id' ? 'example-1' : '示例';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
};

/** The example body of an endpoint: the generated required fields, with the endpoint's own values over them. */
export const exampleBody = (endpoint: Endpoint): Record<string, unknown> | undefined => {
  if (endpoint.body === undefined) return undefined;
  const generated = exampleOf(toJsonSchema(endpoint.body)) as Record<string, unknown>;
  return { ...generated, ...(endpoint.example ?? {}) };
};

// ——— the document ———

/** Adds a field note to the property at `path` (`petitioners.idNumber` goes through the array's items). */
const withFieldNotes = (schema: JsonSchema, notes: Readonly<Record<string, string>>): JsonSchema => {
  const copy = structuredClone(schema);
  for (const [path, note] of Object.entries(notes)) {
    let node: JsonSchema | undefined = copy;
    for (const key of path.split('.')) {
      const container: JsonSchema | undefined = node?.type === 'array' && node.items !== false ? node.items : node;
      node = container?.properties?.[key];
    }
    if (node !== undefined) node.description = node.description === undefined ? note : `${note}. ${node.description}`;
  }
  return copy;
};

/** The request body schema of an endpoint: generated from its codec, with its field notes. */
export const bodySchema = (endpoint: Endpoint): JsonSchema | undefined =>
  endpoint.body === undefined ? undefined : withFieldNotes(toJsonSchema(endpoint.body), endpoint.fieldNotes ?? {});

const problemRef = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const okResponse = (endpoint: Endpoint): Record<string, unknown> => {
  const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
  switch (endpoint.reply) {
    case 'command':
      return json({ $ref: '#/components/schemas/CommandReply' }, endpoint.success === 201 ? '已创建 / created' : '已记录 / recorded');
    case 'visit':
      return json({ $ref: '#/components/schemas/VisitReply' }, '已创建 / created');
    case 'ledger':
      return {
        description: '台账 / the ledger',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Ledger' } },
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          },
        },
        headers: {
          'X-Xinfang-Head': {
            description:
              'CSV、XLSX：导出时日志的末尾 位置:哈希，可用于 verify --expect / CSV, XLSX: the log head when exported, POSITION:HASH, for verify --expect',
            schema: { type: 'string', pattern: '^[0-9]{1,16}:[0-9a-f]{64}$' },
          },
        },
      };
    case 'object':
      return json({ type: 'object' }, `${endpoint.summary.zh} / ${endpoint.summary.en}`);
    case 'stream':
      return { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: { type: 'string' } } } };
    case 'verify':
      return json(
        {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            checked: { type: 'integer', minimum: 0 },
            firstBrokenPosition: { type: 'integer', minimum: 1 },
            headHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            reason: { type: 'string', enum: ['position', 'revision', 'prevHash', 'hash', 'keying', 'anchor', 'truncated'] },
          },
          required: ['ok', 'checked'],
        },
        '哈希链校验结果 / the result of the check',
      );
    case 'health':
      return json(
        {
          type: 'object',
          properties: {
            status: { enum: ['ok', 'degraded'] },
            reason: { type: 'string' },
            position: { type: 'integer' },
            head: { type: 'integer' },
            attempts: { type: 'integer' },
          },
          required: ['status'],
        },
        'ok，或读模型落后时 degraded（附原因与位置）/ ok, or degraded with the reason and positions while the read models are behind',
      );
    case 'openapi':
      return json({ type: 'object' }, 'OpenAPI 3.1');
    case 'html':
      return { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } };
  }
};

const rolesText = (roles: Endpoint['roles']): string =>
  roles === 'public'
    ? '公开，无需令牌 / public, no token'
    : roles.map((a) => `${roleCode(a)}${a.scope === undefined ? '' : ` (${a.scope.zh} / ${a.scope.en})`}`).join(', ');

const operation = (endpoint: Endpoint): Record<string, unknown> => {
  const path = fullPath(endpoint);
  const parameters: unknown[] = [
    ...pathParams(path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: toJsonSchema(Id),
      description: '标识 / the id',
    })),
    ...(endpoint.query ?? []).map((q) => ({
      name: q.name,
      in: 'query',
      required: q.required === true,
      schema: q.schema,
      description: `${q.description.zh} / ${q.description.en}`,
      ...(q.example === undefined ? {} : { example: q.example }),
    })),
    ...(endpoint.method === 'GET' ? [] : [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/IfMatch' }]),
  ];
  const isPublic = endpoint.roles === 'public';
  const errors: Record<string, unknown> = {};
  if (endpoint.body !== undefined || endpoint.query !== undefined || endpoint.method !== 'GET') {
    errors['400'] = { $ref: '#/components/responses/BadRequest' };
  }
  if (!isPublic) {
    errors['401'] = { $ref: '#/components/responses/Unauthorized' };
    errors['403'] = { $ref: '#/components/responses/Forbidden' };
  }
  if (pathParams(path).length > 0 || endpoint.method !== 'GET') errors['404'] = { $ref: '#/components/responses/NotFound' };
  if (endpoint.method !== 'GET') {
    errors['409'] = { $ref: '#/components/responses/Conflict' };
    if (endpoint.root !== true) errors['413'] = { $ref: '#/components/responses/PayloadTooLarge' };
    errors['422'] = { $ref: '#/components/responses/Unprocessable' };
  }
  // Every API endpoint reads or writes the store; a busy, full or read-only store (or, for a query, a full
  // pool of query workers) is a 503 to retry.
  if (endpoint.root !== true) errors['503'] = { $ref: '#/components/responses/StoreUnavailable' };
  const body = bodySchema(endpoint);
  const notes = endpoint.notes === undefined ? '' : `\n\n${endpoint.notes.zh}\n\n${endpoint.notes.en}`;
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: `${endpoint.summary.zh} / ${endpoint.summary.en}`,
    description: `角色 / roles: ${rolesText(endpoint.roles)}${notes}`,
    'x-roles': endpoint.roles === 'public' ? [] : endpoint.roles.map(roleCode),
    ...(isPublic ? { security: [] } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: body, example: exampleBody(endpoint) } } } }),
    responses: { [String(endpoint.success)]: okResponse(endpoint), ...errors },
  };
};

const components = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: '令牌由 CLI 创建：xinfang token create --role ROLE / tokens are made with the CLI: xinfang token create --role ROLE',
    },
  },
  parameters: {
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
      description: '同一个键再次提交返回首次结果，不重复写入 / the same key again returns the first response and writes nothing',
    },
    IfMatch: {
      name: 'If-Match',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^(W/)?"?\\d{1,15}"?$' },
      description: '客户端看到的版本号；记录已更新则 409 / the revision the client saw; 409 when the stream moved on',
    },
  },
  schemas: {
    FieldError: {
      type: 'object',
      properties: { path: { type: 'string' }, message: { type: 'string' } },
      required: ['path', 'message'],
    },
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details',
      properties: {
        type: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string', description: '业务规则的代码（422）/ the domain rule’s code (422)' },
        currentRevision: { type: 'integer', description: '当前版本（409）/ the current revision (409)' },
        errors: {
          type: 'array',
          maxItems: MAX_LISTED_ERRORS,
          items: { $ref: '#/components/schemas/FieldError' },
          description: `出错的字段，至多 ${MAX_LISTED_ERRORS} 项（400）/ the bad fields, at most ${MAX_LISTED_ERRORS} (400)`,
        },
        moreErrors: { type: 'integer', minimum: 1, description: '未列出的其余错误数（400）/ how many more errors were not listed (400)' },
        limit: { type: 'integer', description: '请求内容的上限，字节（413）/ the body limit in bytes (413)' },
      },
      required: ['type', 'title', 'status', 'detail'],
    },
    CommandReply: {
      type: 'object',
      properties: {
        id: toJsonSchema(Id),
        revision: { type: 'integer', minimum: 1 },
        position: { type: 'integer', minimum: 1 },
      },
      required: ['id', 'revision', 'position'],
    },
    VisitReply: {
      type: 'object',
      properties: {
        id: toJsonSchema(Id),
        caseId: toJsonSchema(Id),
        revision: { type: 'integer', minimum: 1 },
        position: { type: 'integer', minimum: 1 },
      },
      required: ['id', 'caseId', 'revision', 'position'],
    },
    Ledger: {
      type: 'object',
      properties: {
        asOf: toJsonSchema(InstantC),
        knownAt: toJsonSchema(InstantC),
        total: { type: 'integer', minimum: 0, description: '分页前的行数 / rows before paging' },
        rows: { type: 'array', items: { type: 'object' } },
      },
      required: ['asOf', 'knownAt', 'total', 'rows'],
    },
  },
  responses: {
    BadRequest: problemRef('请求内容或参数有误，errors 列出每个字段 / a bad body or query; errors names each field'),
    Unauthorized: problemRef('缺少或无法识别的令牌 / missing or unknown token'),
    Forbidden: problemRef('当前角色无权执行 / this role may not do this'),
    NotFound: problemRef('标识不存在 / unknown id'),
    Conflict: problemRef('记录已被修改（If-Match）/ the stream moved on (If-Match)'),
    PayloadTooLarge: problemRef(
      `请求内容超过 ${API_BODY_LIMIT} 字节，未读取 / the body is over ${API_BODY_LIMIT} bytes and was not read`,
    ),
    Unprocessable: problemRef(
      '业务规则不允许，见 code（如 unknownCommunity、unknownGrid：引用的社区或网格未登记；businessTimeInFuture：业务时间晚于当前时间 5 分钟以上；errors 指明字段）/ refused by a rule of the domain, see code (e.g. unknownCommunity, unknownGrid: the community or grid named is not registered; businessTimeInFuture: a business time more than 5 minutes after now; errors names the field)',
    ),
    StoreUnavailable: {
      ...problemRef(
        '暂不可用，未写入任何内容，请在 Retry-After 秒后重试：存储繁忙、磁盘已满或只读（code 为 storeUnavailable）；台账、统计、报表或档案的查询线程全忙且排队已满（queriesBusy），或处理该查询的线程中断（queryWorkerFailed） / ' +
          'unavailable for now, nothing was written: retry after Retry-After seconds — the store is busy, full or read-only (code storeUnavailable); every query worker of the ledgers, KPIs, reports and files is busy and their queue is full (queriesBusy), or the worker answering this query stopped (queryWorkerFailed)',
      ),
      headers: {
        'Retry-After': { description: '建议的重试等待秒数 / seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
      },
    },
  },
};

export type OpenApiDocument = {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
} & Record<string, unknown>;

/** The OpenAPI 3.1 document of every endpoint: a fresh object on every call. */
export const openApiDocument = (): OpenApiDocument => {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const endpoint of endpoints) {
    const path = fullPath(endpoint);
    paths[path] = { ...(paths[path] ?? {}), [endpoint.method.toLowerCase()]: operation(endpoint) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'xinfang 信访 API',
      version: '1',
      description:
        '街道信访办的 HTTP API（API.md）。JSON 字段为英文 camelCase，枚举值为英文代码；时间为 ISO 8601，日期为北京时间的日。' +
        '\n\nThe HTTP API of a subdistrict petition office (API.md). JSON with camelCase English names and English enumeration codes; times are ISO 8601, dates are days in Asia/Shanghai.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(tags).map(([name, label]) => ({ name, description: `${label.zh} / ${label.en}` })),
    security: [{ bearer: [] }],
    paths,
    components: structuredClone(components),
  };
};
