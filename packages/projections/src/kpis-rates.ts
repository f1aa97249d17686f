import { acceptanceDeadline, caseDeadlineAt, compareInstants, dayOf, decisionAt, resolutionAt, resolvedAt, type ExistingCase } from '@xinfang/domain';
import type { KpiScope } from './kpi-scope';
import { rateOf, type Rate } from './rate';

/*
 * The rates of REPORTS.md's KPI table. Each says, beside it, which cases it counts (the denominator) and
 * which of them succeed (the numerator); the choices REPORTS.md leaves open are written there too.
 */

/** Resolved on or before the deadline in force when it was resolved. */
const onTime = (s: ExistingCase, resolution: { readonly at: string }): boolean => {
  const deadline = caseDeadlineAt(s, resolution.at);
  return deadline !== undefined && dayOf(resolution.at) <= deadline;
};

/** 初信初访一次性化解率: resolved once, on time, and nothing since (any escalation, city included). */
export const firstPetitionOneTimeResolutionKpi = ({ registeredIn, T, byT }: KpiScope): Rate =>
  rateOf(
    registeredIn.filter((s) => s.registration.firstPetition && resolvedAt(s, T)),
    (s) => {
      if (s.repeats.some(byT) || s.escalations.some(byT) || s.reopens.some(byT)) return false;
      const resolution = resolutionAt(s, T);
      return resolution !== undefined && onTime(s, resolution);
    },
  );

/** 及时受理率: a decision (accepted or rejected) by registration + 15 days; due once decided or once those days are over. */
export const timelyAcceptanceKpi = ({ registeredIn, T, today }: KpiScope): Rate =>
  rateOf(
    registeredIn.filter((s) => decisionAt(s, T) !== undefined || acceptanceDeadline(s.registration.registeredAt) < today),
    (s) => {
      const decision = decisionAt(s, T);
      return decision !== undefined && dayOf(decision.at) <= acceptanceDeadline(s.registration.registeredAt);
    },
  );

/** 按期办结率: its resolution at T on or before the deadline in force when it was resolved. */
export const onTimeResolutionKpi = ({ registeredIn, T, today }: KpiScope): Rate =>
  rateOf(
    registeredIn.filter((s) => {
      if (decisionAt(s, T)?.decision !== 'accepted') return false;
      if (resolvedAt(s, T)) return true;
      const deadline = caseDeadlineAt(s, T);
      return deadline !== undefined && deadline < today;
    }),
    (s) => {
      const resolution = resolutionAt(s, T);
      return resolution !== undefined && onTime(s, resolution);
    },
  );

/** 满意率: the satisfaction records of the window. */
export const satisfactionKpi = ({ cases, inWindow }: KpiScope): Rate =>
  rateOf(
    cases.flatMap((s) => s.satisfactions).filter((r) => inWindow(r.at)),
    (r) => r.satisfied,
  );

/** 参评率: a satisfaction record made at or after its (first) resolution in the window, by T (also after the window). */
export const participationKpi = ({ resolvedIn, byT }: KpiScope): Rate =>
  rateOf(resolvedIn, ({ s, first }) => s.satisfactions.some((r) => byT(r) && compareInstants(r.at, first.at) >= 0));

/** 包案化解率: every case packaged by T, except one rejected by T (terminal: there is nothing to resolve). */
export const packageResolutionKpi = ({ cases, T, byT }: KpiScope): Rate =>
  rateOf(
    cases.filter((s) => s.packages.some(byT) && decisionAt(s, T)?.decision !== 'rejected'),
    (s) => resolvedAt(s, T),
  );
