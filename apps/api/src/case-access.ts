import { leadsCase, type CaseCommand, type ExistingCase } from '@xinfang/domain';
import { auditor, lets, office, ownCases, ownCommunity, ownVisits, roles } from './access';
import type { Role } from './roles';

/*
 * Who may do what to a case (API.md, Roles), as pure functions of the role and the case. The command
 * routes (cases, visits) and the case queries ask here, so the rules are written once.
 *
 * - office: everything.
 * - community:<id>: registers cases and visits for its own community, nothing else on a case.
 * - leader:<id>: records visits it received itself; acts on, and reads, the cases it leads.
 * - auditor: reads every case, writes nothing. inspector: neither (ledgers and KPIs only).
 */

/** A command on an existing case (`POST /cases/{id}/<segment>`); printing a notice has a route of its own (notices.ts). */
export type CaseAction = Exclude<CaseCommand, { type: 'RegisterCase' | 'RecordVisit' | 'IssueNotice' }>;

/** The roles that may register some case (`POST /cases`): refused before the body is read. */
export const registersCases = roles([office, ownCommunity]);
export const mayRegisterCases = (role: Role): boolean => lets(registersCases, role);

/** The roles that may record some visit (`POST /visits`): refused before the body is read. */
export const recordsVisits = roles([office, ownCommunity, ownVisits]);
export const mayRecordVisits = (role: Role): boolean => lets(recordsVisits, role);

/** `POST /cases`: the office, or a community for its own community. */
export const mayRegisterCase = (role: Role, body: { readonly communityId: string }): boolean =>
  role.kind === 'office' || (role.kind === 'community' && role.communityId === body.communityId);

/**
 * `POST /visits`. `onCase` is the existing case the visit is recorded on (undefined for a new case).
 * A leader records only visits it received itself (`leaderId` is its own), on any case: who comes to a
 * reception is not chosen. A community records visits for its own community: the `communityId` it names
 * (if any) and the case the visit goes on must be its own. Without a `communityId`, a new case is refused
 * by the domain (`communityRequired`), not here.
 */
export const mayRecordVisit = (
  role: Role,
  body: { readonly leaderId: string; readonly communityId?: string },
  onCase?: ExistingCase,
): boolean => {
  switch (role.kind) {
    case 'office':
      return true;
    case 'leader':
      return body.leaderId === role.leaderId;
    case 'community':
      return (
        (body.communityId === undefined || body.communityId === role.communityId) &&
        (onCase === undefined || onCase.registration.communityId === role.communityId)
      );
    default:
      return false;
  }
};

/** The roles that may act on some case at all: anyone else is refused before the case is looked up. */
export const actsOnCases = roles([office, ownCases], '只有信访办和负责该事项的领导可以办理 / only the office and the leader of the case act on it');

/**
 * `POST /cases/{id}/…`: the office on any case; a leader on a case it leads, every command. A leader
 * records a 包案 only for itself (`leaderId` its own) and only on a case it already leads: it cannot
 * take on a case it has nothing to do with, nor put another leader's name to a 包案.
 */
export const mayActOnCase = (role: Role, action: CaseAction, kase: ExistingCase): boolean => {
  switch (role.kind) {
    case 'office':
      return true;
    case 'leader':
      return leadsCase(role.leaderId, kase) && (action.type !== 'PackageCase' || action.data.leaderId === role.leaderId);
    default:
      return false;
  }
};

/** The roles that may read some case file: the inspector is refused before the case is looked up. */
export const readsCases = roles(
  [office, auditor, ownCommunity, ownCases],
  '纪工委账号不能查看案卷 / an inspector token reads ledgers and KPIs, not case files',
);
export const mayReadCases = (role: Role): boolean => lets(readsCases, role);

/**
 * Reading a case file (`GET /cases/{id}`, its history): the office and the auditor every case; a
 * community its own community's cases; a leader the cases it leads; the inspector none (it reads
 * ledgers and KPIs). A case the role may not read is a 403, never an empty answer.
 */
export const mayReadCase = (role: Role, kase: ExistingCase): boolean => {
  switch (role.kind) {
    case 'office':
    case 'auditor':
      return true;
    case 'community':
      return kase.registration.communityId === role.communityId;
    case 'leader':
      return leadsCase(role.leaderId, kase);
    case 'inspector':
      return false;
  }
};

/** Giving a case's receipt (its query code): who may register cases, for a case it may read — the office, or the case's own community. */
export const mayGiveReceipt = (role: Role, kase: ExistingCase): boolean => lets(registersCases, role) && mayReadCase(role, kase);
