/**
 * The five roles of API.md. A token carries one. `community:<id>` and `leader:<id>` are scoped to their
 * community or leader; the others are office-wide.
 */
export type Role =
  | { readonly kind: 'office' }
  | { readonly kind: 'auditor' }
  | { readonly kind: 'inspector' }
  | { readonly kind: 'community'; readonly communityId: string }
  | { readonly kind: 'leader'; readonly leaderId: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `office`, `auditor`, `inspector`, `community:<id>` or `leader:<id>`; undefined for anything else. */
export const parseRole = (text: string): Role | undefined => {
  if (text === 'office' || text === 'auditor' || text === 'inspector') return { kind: text };
  const [kind, id, ...rest] = text.split(':');
  if (rest.length > 0 || id === undefined || !ID.test(id)) return undefined;
  if (kind === 'community') return { kind, communityId: id };
  if (kind === 'leader') return { kind, leaderId: id };
  return undefined;
};

export const formatRole = (role: Role): string => {
  switch (role.kind) {
    case 'community':
      return `community:${role.communityId}`;
    case 'leader':
      return `leader:${role.leaderId}`;
    default:
      return role.kind;
  }
};

/** Only the office sees personal data unmasked. */
export const seesPersonalData = (role: Role): boolean => role.kind === 'office';
