import { isLeft, isRight, type Either } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { caseDecider } from './case';
import type { CaseEvent } from './case-events';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import type { DomainError } from './errors';
import { chineseDate, fillPlaceholders, missingPlaceholders, noticeBasisAt, noticePlaceholders, noticeValues, unknownPlaceholders } from './notice';
import { noticeKinds, type NoticeKind } from './notice-kind';
import { defaultNoticeTemplates } from './notice-template';
import { caseOf, caseRegistered } from './test/case-fixtures';

const registered = caseRegistered({ summary: '工地拖欠工资三个月' });
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: '2024-09-20T10:00:00+08:00' } };
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: { responsibleUnit: '劳动保障所', responsibleLeaderId: 'l1', responsiblePerson: '王五', measures: '约谈', deadline: '2024-10-31', at: '2024-09-21T10:00:00+08:00' },
};
const extended: CaseEvent = {
  type: 'DeadlineExtended',
  data: { previousDeadline: '2024-10-31', newDeadline: '2024-11-20', reason: '需调取工程结算资料', approvedBy: '赵主任', at: '2024-10-30T10:00:00+08:00' },
};
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: { at: '2024-11-10T16:00:00+08:00', method: 'mediation', level: 'subdistrict', outcome: 'solved', summary: '施工方于11月8日结清欠薪' },
};
const reviewRequested: CaseEvent = { type: 'ReviewRequested', data: { level: 'review', at: '2024-11-20T09:00:00+08:00' } };
const reviewDecided: CaseEvent = { type: 'ReviewDecided', data: { level: 'review', at: '2024-12-10T09:00:00+08:00', outcome: 'upheld', final: false } };
const worked = [registered, accepted, assigned, extended, resolved, reviewRequested, reviewDecided];

const printed = { at: '2024-12-11T09:00:00+08:00', number: 3, officeName: '东风街道信访办', petitionerNames: ['张三', '李四'] };

const valuesOf = (events: CaseEvent[], kind: NoticeKind): Record<string, string> => {
  const values: Either<DomainError, Record<string, string>> = noticeValues(caseOf(events), kind, printed);
  if (isLeft(values)) throw new Error(values.left.code);
  return values.right;
};

describe('the values of a notice, from the case as it stood', () => {
  it('fill the common facts of every kind', () => {
    const values = valuesOf(worked, 'opinion');
    expect(values).toMatchObject({ 信访人: '张三、李四', 事项编号: 'c1', 文号: 'c1-3', 登记日期: '2024年9月18日', 事项: '工地拖欠工资三个月', 机关名称: '东风街道信访办', 告知日期: '2024年12月11日' });
  });

  it('fill each kind from its own fact', () => {
    expect(valuesOf(worked, 'acceptance')).toMatchObject({ 受理日期: '2024年9月20日', 办理期限: '2024年11月19日' });
    expect(valuesOf(worked, 'transfer')).toMatchObject({ 承办单位: '劳动保障所', 转交日期: '2024年9月21日', 办理期限: '2024年11月20日' });
    expect(valuesOf(worked, 'extension')).toMatchObject({ 原期限: '2024年10月31日', 延期后期限: '2024年11月20日', 延期理由: '需调取工程结算资料' });
    expect(valuesOf(worked, 'opinion')).toMatchObject({ 办结日期: '2024年11月10日', 办理方式: '调解', 处理意见: '施工方于11月8日结清欠薪', 复查申请天数: '30' });
    expect(valuesOf(worked, 'review')).toMatchObject({ 层级: '复查', 结论: '维持', 决定日期: '2024年12月10日' });
    expect(valuesOf(worked, 'review')['后续途径']).toContain('30日内');
    const rejected: CaseEvent = { type: 'CaseRejected', data: { at: '2024-09-19T09:00:00+08:00', reason: '已通过诉讼途径解决' } };
    expect(valuesOf([registered, rejected], 'rejection')).toMatchObject({ 决定日期: '2024年9月19日', 不予受理理由: '已通过诉讼途径解决' });
  });

  it('take the latest transfer after the assignment, and say a re-review is final', () => {
    const transfer: CaseEvent = { type: 'CaseTransferred', data: { toUnit: '区人社局', at: '2024-09-25T09:00:00+08:00' } };
    expect(valuesOf([registered, accepted, assigned, transfer], 'transfer')).toMatchObject({ 承办单位: '区人社局', 转交日期: '2024年9月25日' });
    const reReview: CaseEvent[] = [
      { type: 'ReviewRequested', data: { level: 'reReview', at: '2024-12-20T09:00:00+08:00' } },
      { type: 'ReviewDecided', data: { level: 'reReview', at: '2025-01-06T09:00:00+08:00', outcome: 'changed', final: true } },
    ];
    const values = valuesOf([...worked, ...reReview], 'review');
    expect(values).toMatchObject({ 层级: '复核', 结论: '变更', 决定日期: '2025年1月6日' });
    expect(values['后续途径']).toContain('不再受理');
  });

  it('are refused for a kind whose fact the case does not have yet', () => {
    for (const kind of ['acceptance', 'rejection', 'transfer', 'extension', 'opinion', 'review'] as const) {
      const basis = noticeBasisAt(caseOf([registered]), kind);
      expect(isLeft(basis) && basis.left.code).toBe('nothingToNotify');
    }
    expect(isRight(noticeBasisAt(caseOf([registered, accepted]), 'acceptance'))).toBe(true);
  });
});

describe('the built-in templates', () => {
  it('name only the placeholders their kind fills, and every kind has one', () => {
    for (const kind of noticeKinds) {
      const template = defaultNoticeTemplates[kind];
      expect(unknownPlaceholders(kind, `${template.title}\n${template.body}`)).toEqual([]);
      expect(missingPlaceholders(kind, template.body)).toEqual([]);
    }
  });

  it('are filled to text without a placeholder left', () => {
    const body = fillPlaceholders(defaultNoticeTemplates.opinion.body, valuesOf(worked, 'opinion'));
    expect(body).toContain('施工方于11月8日结清欠薪');
    expect(body).toContain('30日内');
    expect(body).not.toMatch(/\{[^}]+\}/);
    expect(fillPlaceholders('{未知}与{信访人}', { 信访人: '张三' })).toBe('{未知}与张三');
  });

  it('know the review placeholders only for the review notice', () => {
    expect(unknownPlaceholders('acceptance', '{层级}{受理日期}{机关名称}')).toEqual(['层级']);
    expect(noticePlaceholders.review).toContain('后续途径');
    expect(chineseDate('2025-01-06')).toBe('2025年1月6日');
  });
});

describe('printing a notice on a case', () => {
  const spec = deciderSpec(caseDecider);
  const issue = (kind: NoticeKind, at = '2024-12-11T09:00:00+08:00') => ({
    type: 'IssueNotice' as const,
    data: { caseId: 'c1', kind, at, templateVersion: 2, issuedBy: '信访办 王老师' },
  });

  it('records a notice event numbered among the case’s printed notices', () => {
    expectEvents(spec.given(worked).when(issue('opinion')), [
      {
        type: 'PetitionerNotified',
        data: { at: '2024-12-11T09:00:00+08:00', content: '信访事项处理意见书（c1-1）', notice: { kind: 'opinion', number: 1, templateVersion: 2, issuedBy: '信访办 王老师' } },
      },
    ]);
    const first: CaseEvent = {
      type: 'PetitionerNotified',
      data: { at: '2024-09-20T11:00:00+08:00', content: '受理告知书（c1-1）', notice: { kind: 'acceptance', number: 1, templateVersion: 0, issuedBy: 'x' } },
    };
    const plain: CaseEvent = { type: 'PetitionerNotified', data: { at: '2024-09-20T12:00:00+08:00', content: '电话告知' } };
    const next = spec.given([...worked, first, plain]).when(issue('review'));
    expect(isRight(next) && next.right[0]?.type === 'PetitionerNotified' && next.right[0].data.notice?.number).toBe(2);
  });

  it('refuses a notice of a fact not yet there, or dated before it', () => {
    expectRefusal(spec.given([registered]).when(issue('acceptance')), 'nothingToNotify');
    expectRefusal(spec.given([registered, accepted]).when(issue('acceptance', '2024-09-19T09:00:00+08:00')), 'timeOutOfOrder');
  });

  it('prints the rejection notice of a rejected case', () => {
    const rejected: CaseEvent = { type: 'CaseRejected', data: { at: '2024-09-19T09:00:00+08:00', reason: '不属于受理范围' } };
    const result = spec.given([registered, rejected]).when(issue('rejection', '2024-09-19T10:00:00+08:00'));
    expect(isRight(result) && result.right.map((e) => e.type)).toEqual(['PetitionerNotified']);
  });
});
