import type { CaseEvent } from '@xinfang/domain';
import { describe, expect, it } from 'vitest';
import { describeCaseEvent, type Names } from './timeline';

const names: Names = {
  leader: (id) => ({ L01: '王建国（党工委副书记）' })[id] ?? id,
  community: (id) => ({ qinghua: '青华社区' })[id] ?? id,
  grid: (_c, id) => id,
  petitioners: (refs) => refs.map((r) => r.personId).join('、'),
};
const at = '2024-09-20T10:00:00+08:00';
const say = (event: CaseEvent) => describeCaseEvent(event, names);

describe('a case event in Chinese', () => {
  it('uses the domain labels and the names', () => {
    expect(say({ type: 'CaseResolved', data: { at, method: 'publicHearing', level: 'subdistrict', outcome: 'lawEnforced', summary: '依法答复' } })).toEqual({
      heading: '化解',
      facts: ['方式 公开听证 · 层级 街道 · 依法处理', '情况：依法答复'],
    });
    expect(say({ type: 'EscalationRecorded', data: { at, level: 'beijing', collective: true, abnormal: true } })).toEqual({
      heading: '越级上访',
      facts: ['进京 · 集体访 · 非正常上访'],
    });
    expect(say({ type: 'FiveOnesRecorded', data: { item: 'minutes', detail: '9月19日专题会', at } }).heading).toBe('五个一 · 一份会议纪要');
    expect(say({ type: 'ReviewDecided', data: { level: 'reReview', at, outcome: 'upheld', final: true } })).toEqual({
      heading: '复核决定',
      facts: ['维持 · 三级终结'],
    });
    expect(say({ type: 'CaseReopened', data: { at, reason: '信访人不满意', cause: 'repeat' } }).heading).toBe('重新办理（因重复信访）');
    expect(say({ type: 'CaseClosed', data: { at } })).toEqual({ heading: '息诉息访', facts: [] });
    expect(say({ type: 'CaseRejected', data: { at, reason: '不属于信访事项' } })).toEqual({ heading: '不予受理', facts: ['理由：不属于信访事项'] });
  });
});
