import { formatRole, parseRole, type Role } from '@xinfang/api';
import { CliError } from './errors';

/** A role as people read it: `office（信访办）`, `community:qinghua（社区）`. */
export const roleLabel = (role: Role): string => {
  const label = { office: '信访办', auditor: '审计', inspector: '纪工委', community: '社区', leader: '领导' }[role.kind];
  return `${formatRole(role)}（${label}）`;
};

export const ROLE_HELP = 'office | auditor | inspector | community:<communityId> | leader:<leaderId>';

export const roleFromText = (text: string): Role => {
  const role = parseRole(text.trim());
  if (role === undefined) throw new CliError(`不认识的角色 / unknown role "${text}": expected ${ROLE_HELP}`);
  return role;
};
