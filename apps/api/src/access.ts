import type { Bilingual } from '@xinfang/reports';
import type { Role } from './roles';

/*
 * Who may call an endpoint (API.md, Roles), as data: the route refuses every other role with a 403 before
 * its body is read, the OpenAPI document lists the roles, and a page shows a form or a menu entry only to
 * the roles its endpoint lets in — one list for all three. A scoped role (a community, a leader) is let in
 * here and limited by the endpoint's own rules (its community, the cases it leads); `scope` says how.
 */

export type RoleKind = Role['kind'];

export interface Access {
  readonly role: RoleKind;
  readonly scope?: Bilingual;
}

/** The roles an endpoint lets in, and what a role it refuses is told. */
export interface Roles {
  readonly access: readonly Access[];
  readonly denied: string;
}

export const roleLabels: Readonly<Record<RoleKind, Bilingual>> = {
  office: { zh: '信访办', en: 'the office' },
  auditor: { zh: '审计', en: 'the auditor' },
  inspector: { zh: '纪工委', en: 'the inspector' },
  community: { zh: '社区', en: 'a community' },
  leader: { zh: '领导干部', en: 'a leader' },
};

/** How a role is written in a token: `community:<communityId>`, `leader:<leaderId>`. */
export const roleCode = (access: Access): string =>
  access.role === 'community' ? 'community:<communityId>' : access.role === 'leader' ? 'leader:<leaderId>' : access.role;

/** `只有信访办和审计可以执行此操作 / only the office and the auditor may do this`. */
const deniedText = (access: readonly Access[]): string => {
  const names = access.map((a) => roleLabels[a.role]);
  const zh = names.map((n) => n.zh).join('、');
  const en =
    names.length === 1
      ? (names[0]?.en ?? '')
      : `${names
          .slice(0, -1)
          .map((n) => n.en)
          .join(', ')} and ${names[names.length - 1]?.en ?? ''}`;
  return `只有${zh}可以执行此操作 / only ${en} may do this`;
};

/** The roles of an endpoint; `denied` says why the others are refused (by default, who may). */
export const roles = (access: readonly Access[], denied?: string): Roles => ({ access, denied: denied ?? deniedText(access) });

/** Whether a role is let in (its scope is the endpoint's own rule). */
export const lets = (rule: Roles, role: Role): boolean => rule.access.some((a) => a.role === role.kind);

export const office: Access = { role: 'office' };
export const auditor: Access = { role: 'auditor' };
export const inspector: Access = { role: 'inspector' };
export const ownCommunity: Access = { role: 'community', scope: { zh: '仅本社区', en: 'its own community only' } };
export const ownCases: Access = {
  role: 'leader',
  scope: { zh: '仅其负责（交办或包案）的事项', en: 'only cases it leads (assignment or package leader)' },
};
export const ownVisits: Access = { role: 'leader', scope: { zh: '仅其接待的来访', en: 'only visits it received' } };
export const anyCommunity: Access = { role: 'community' };
export const anyLeader: Access = { role: 'leader' };

/** Only the office. */
export const officeOnly = roles([office]);

/** Every role: what is public within the office (the roster, the reference lists). */
export const everyRole = roles([office, auditor, inspector, anyCommunity, anyLeader]);
