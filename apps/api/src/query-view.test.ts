import { describe, expect, it } from 'vitest';
import { problemOf } from './test-problem';
import { communityScope } from './query-view';

describe('communityScope', () => {
  it('lets office, auditor and inspector name any community, or none', () => {
    for (const kind of ['office', 'auditor', 'inspector'] as const) {
      expect(communityScope({ kind }, undefined)).toBeUndefined();
      expect(communityScope({ kind }, 'qinghua')).toBe('qinghua');
    }
  });

  it('limits a community to its own and refuses another (403)', () => {
    const role = { kind: 'community', communityId: 'qinghua' } as const;
    expect(communityScope(role, undefined)).toBe('qinghua');
    expect(communityScope(role, 'qinghua')).toBe('qinghua');
    expect(problemOf(() => communityScope(role, 'yangguang')).status).toBe(403);
  });

  it('refuses a leader (403)', () => {
    expect(problemOf(() => communityScope({ kind: 'leader', leaderId: 'L01' }, undefined)).status).toBe(403);
  });
});
