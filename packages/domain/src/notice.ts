import { left, right, type Either } from 'fp-ts/Either';
import { currentDeadline, handlingUnitOf } from './case-at';
import type { ExistingCase } from './case-state';
import { assertNever } from './decider';
import { noticeKindLabels, noticeNumber, type NoticeKind } from './notice-kind';
import { domainError, type DomainError } from './errors';
import { REVIEW_REQUEST_DAYS } from './time-limits';
import { dayOf, type Instant } from './time';
import { methodLabels, reviewLevelLabels, reviewOutcomeLabels } from './vocabulary';

/*
 * The written notices of 信访工作条例 (2022) a petitioner receives: whether the matter is accepted, where
 * it went, that it takes longer, what was decided, and what a review decided. Each is filled from the
 * case's own facts (this file) into a template the office may edit (notice-template.ts); printing one
 * records it on the case, so the "告知" step of the campaign plan is proven by the log.
 */

/** What every notice may say, whatever its kind. */
const commonPlaceholders = ['信访人', '事项编号', '文号', '登记日期', '事项', '机关名称', '告知日期'] as const;

/** What each kind may say beyond the common ones: a template naming anything else is refused. */
export const noticePlaceholders: Readonly<Record<NoticeKind, readonly string[]>> = {
  acceptance: [...commonPlaceholders, '受理日期', '办理期限'],
  rejection: [...commonPlaceholders, '决定日期', '不予受理理由'],
  transfer: [...commonPlaceholders, '承办单位', '转交日期', '办理期限'],
  extension: [...commonPlaceholders, '原期限', '延期后期限', '延期理由'],
  opinion: [...commonPlaceholders, '办结日期', '办理方式', '处理意见', '复查申请天数'],
  review: [...commonPlaceholders, '层级', '决定日期', '结论', '后续途径'],
};

/**
 * What a template of each kind must keep, whatever the office rewrites: what the Regulations require the
 * notice to tell (the reason of a refusal, the opinion with the review channel's time limit, …).
 */
export const requiredPlaceholders: Readonly<Record<NoticeKind, readonly string[]>> = {
  acceptance: ['受理日期'],
  rejection: ['不予受理理由'],
  transfer: ['承办单位'],
  extension: ['延期后期限'],
  opinion: ['处理意见', '复查申请天数'],
  review: ['结论', '后续途径'],
};

/** The placeholders a kind requires that a template's text leaves out. */
export const missingPlaceholders = (kind: NoticeKind, text: string): string[] => {
  const named = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string));
  return requiredPlaceholders[kind].filter((name) => !named.has(name));
};

/** `{名称}` in a template's text. */
const PLACEHOLDER = /\{([^{}\s]{1,20})\}/gu;

/** The placeholders a text names that its kind does not know, in order, each once. */
export const unknownPlaceholders = (kind: NoticeKind, text: string): string[] => {
  const known = new Set(noticePlaceholders[kind]);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].filter((name) => !known.has(name));
};

/** The text with every placeholder replaced by its value. */
export const fillPlaceholders = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);

/** 2024-09-18 → 2024年9月18日, as a letter dates things. */
export const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

const dateOf = (instant: Instant): string => chineseDate(dayOf(instant));

/** The fact a notice tells of, as the case stood when it was printed. */
const basisOf = (kase: ExistingCase, kind: NoticeKind): { at: Instant; values: Record<string, string> } | undefined => {
  switch (kind) {
    case 'acceptance': {
      const a = kase.acceptance;
      if (a?.decision !== 'accepted') return undefined;
      const deadline = currentDeadline(kase.deadlines.filter((d) => d.source === 'acceptance'));
      return { at: a.at, values: { 受理日期: dateOf(a.at), 办理期限: deadline === undefined ? '—' : chineseDate(deadline) } };
    }
    case 'rejection': {
      const a = kase.acceptance;
      if (a?.decision !== 'rejected') return undefined;
      return { at: a.at, values: { 决定日期: dateOf(a.at), 不予受理理由: a.reason ?? '不属于本机关受理范围' } };
    }
    case 'transfer': {
      const given = handlingUnitOf(kase);
      if (given === undefined) return undefined;
      const deadline = currentDeadline(kase.deadlines);
      return { at: given.at, values: { 承办单位: given.unit, 转交日期: dateOf(given.at), 办理期限: deadline === undefined ? '—' : chineseDate(deadline) } };
    }
    case 'extension': {
      const e = kase.extension;
      if (e === undefined) return undefined;
      return { at: e.at, values: { 原期限: chineseDate(e.previousDeadline), 延期后期限: chineseDate(e.newDeadline), 延期理由: e.reason } };
    }
    case 'opinion': {
      const r = kase.resolutions[kase.resolutions.length - 1];
      if (r === undefined) return undefined;
      return { at: r.at, values: { 办结日期: dateOf(r.at), 办理方式: methodLabels[r.method], 处理意见: r.summary, 复查申请天数: String(REVIEW_REQUEST_DAYS) } };
    }
    case 'review': {
      const decided = kase.reviews.filter((r) => r.decision !== undefined);
      const last = decided[decided.length - 1]?.decision;
      if (last === undefined) return undefined;
      const next =
        last.level === 'review'
          ? `如对本复查意见不服，可自收到本意见书之日起${REVIEW_REQUEST_DAYS}日内向复查机关的上一级行政机关请求复核。`
          : '本复核意见为最终意见。信访人对同一信访事项以同一事实和理由再提出信访的，不再受理。';
      return { at: last.at, values: { 层级: reviewLevelLabels[last.level], 决定日期: dateOf(last.at), 结论: reviewOutcomeLabels[last.outcome], 后续途径: next } };
    }
    default:
      return assertNever(kind);
  }
};

export const noticeErrors = {
  nothingToNotify: (kind: NoticeKind): DomainError =>
    domainError('nothingToNotify', `该事项尚无可出具${noticeKindLabels[kind]}的办理结果`, `the case has nothing a ${kind} notice tells of yet`, {
      field: 'kind',
      kind,
    }),
};

/** When the fact a notice of this kind tells of happened, or why there is none to tell of. */
export const noticeBasisAt = (kase: ExistingCase, kind: NoticeKind): Either<DomainError, Instant> => {
  const basis = basisOf(kase, kind);
  return basis === undefined ? left(noticeErrors.nothingToNotify(kind)) : right(basis.at);
};

/**
 * Every value a notice of this kind fills in, from the case as it stood when the notice was printed,
 * the petitioners' names (which the case holds only as references) and the office's name.
 */
export const noticeValues = (
  kase: ExistingCase,
  kind: NoticeKind,
  printed: { readonly at: Instant; readonly number: number; readonly officeName: string; readonly petitionerNames: readonly string[] },
): Either<DomainError, Record<string, string>> => {
  const basis = basisOf(kase, kind);
  if (basis === undefined) return left(noticeErrors.nothingToNotify(kind));
  return right({
    信访人: printed.petitionerNames.join('、'),
    事项编号: kase.caseId,
    文号: noticeNumber(kase.caseId, printed.number),
    登记日期: dateOf(kase.registration.registeredAt),
    事项: kase.registration.summary,
    机关名称: printed.officeName,
    告知日期: dateOf(printed.at),
    ...basis.values,
  });
};
