import { describe, expect, it } from 'vitest';
import { isLeft } from 'fp-ts/Either';
import { aggregateOfStream } from './aggregates';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  currentNoticeTemplate,
  defaultNoticeTemplates,
  NOTICE_TEMPLATES_STREAM,
  noticeTemplateAt,
  noticeTemplateDecider,
  SetNoticeTemplateBody,
  type NoticeTemplateCommand,
} from './notice-template';

const spec = deciderSpec(noticeTemplateDecider);
const at = '2024-10-08T09:00:00+08:00';
const ours = { officeName: '东风街道信访办', sealText: '东风街道信访办（章）', title: '受理告知书', body: '{信访人}：你于{登记日期}提出的事项已于{受理日期}受理。' };
const set = (data: Partial<NoticeTemplateCommand['data']> = {}): NoticeTemplateCommand => ({
  type: 'SetNoticeTemplate',
  data: { kind: 'acceptance', ...ours, at, ...data },
});

describe('the notice templates', () => {
  it('live in one stream of their own', () => {
    expect(aggregateOfStream(NOTICE_TEMPLATES_STREAM)).toBe('noticeTemplates');
  });

  it('are the built-in ones (version 0) until the office sets its own; each setting is the next version', () => {
    const none = noticeTemplateDecider.initialState;
    expect(currentNoticeTemplate(none, 'acceptance')).toEqual({ version: 0, template: defaultNoticeTemplates.acceptance });
    const first = { type: 'NoticeTemplateSet' as const, data: { kind: 'acceptance' as const, version: 1, ...ours, at } };
    expectEvents(spec.given([]).when(set()), [first]);
    const second = { ...first, data: { ...first.data, version: 2, title: '信访事项受理告知书' } };
    expectEvents(spec.given([first]).when(set({ title: '信访事项受理告知书' })), [second]);
    const state = fold(noticeTemplateDecider, [first, second]);
    expect(currentNoticeTemplate(state, 'acceptance').version).toBe(2);
    expect(noticeTemplateAt(state, 'acceptance', 1)?.title).toBe('受理告知书');
    expect(noticeTemplateAt(state, 'acceptance', 0)).toEqual(defaultNoticeTemplates.acceptance);
    expect(noticeTemplateAt(state, 'acceptance', 3)).toBeUndefined();
    expect(currentNoticeTemplate(state, 'opinion').version).toBe(0);
  });

  it('refuse a placeholder the kind does not fill, naming the field', () => {
    const refused = expectRefusal(spec.given([]).when(set({ body: '{信访人}：{处理意见}' })), 'unknownPlaceholder');
    expect(refused.details).toEqual({ field: 'body', unknown: ['处理意见'] });
    expectRefusal(spec.given([]).when(set({ title: '{层级}告知书' })), 'unknownPlaceholder');
  });

  it('refuse a wording that leaves out what the notice must tell', () => {
    const refused = expectRefusal(spec.given([]).when(set({ kind: 'opinion', title: '处理意见书', body: '{信访人}：{处理意见}' })), 'missingPlaceholder');
    expect(refused.details).toEqual({ field: 'body', missing: ['复查申请天数'] });
    expectRefusal(spec.given([]).when(set({ body: '{信访人}：已受理。' })), 'missingPlaceholder');
  });

  it('take a wording of paragraphs but a one-line title', () => {
    expect(isLeft(SetNoticeTemplateBody.decode({ kind: 'acceptance', ...ours, at }))).toBe(false);
    expect(isLeft(SetNoticeTemplateBody.decode({ kind: 'acceptance', ...ours, title: '受理\n告知书', at }))).toBe(true);
    expect(isLeft(SetNoticeTemplateBody.decode({ kind: 'acceptance', ...ours, body: 'x'.repeat(4_001), at }))).toBe(true);
    expect(isLeft(SetNoticeTemplateBody.decode({ kind: 'letter', ...ours, at }))).toBe(true);
  });
});
