import { caseStream, domainError, screeningStream, SubmitScreeningReportBody } from '@xinfang/domain';
import { lets, office, ownCommunity, roles } from '../access';
import { roleOf } from '../auth';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { forbidden, fromDomainError } from '../problem';
import { requireCommunity } from '../references';
import type { Role } from '../roles';

/*
 * `POST /screening-reports`: a community's Wednesday/Friday screening report (排查报送), or a nil report
 * (零报告). The office may send any community's; a `community:<id>` token only its own. A report must
 * not point at what is not there: its community must be registered, and every listed case must exist and
 * be registered for that community.
 */

/** The roles that may send some screening report (a community only its own). */
export const reportsScreening = roles([office, ownCommunity]);
export const mayReport = (role: Role): boolean => lets(reportsScreening, role);

export const screeningReports = resource('/screening-reports').on(
  {
    method: 'POST',
    path: '/',
    operationId: 'submitScreeningReport',
    tag: 'screening',
    summary: { zh: '报送排查情况（每周三、周五）', en: 'Submit a screening report (Wednesdays and Fridays)' },
    body: SubmitScreeningReportBody,
    fieldNotes: { nil: '零报告：caseIds 为空且 nil 为 true / a nil report: empty caseIds with nil true' },
    example: { communityId: 'qinghua', reportDate: '2024-09-18', caseIds: ['case-001'] },
    success: 201,
    reply: 'command',
    roles: reportsScreening,
  },
  async (c) => {
    const role = roleOf(c);
    const body = c.req.valid('json');
    if (role.kind === 'community' && role.communityId !== body.communityId)
      throw forbidden('社区只能报送本社区的排查报告 / a community may only report for itself');
    const context = commandContext(c);
    const { office } = c.var.services;
    await requireCommunity(office, body.communityId);
    for (const caseId of body.caseIds) {
      const { state } = await office.load('case', caseStream(caseId));
      if (state.status === 'none')
        throw fromDomainError(domainError('unknownCase', '报告所列事项不存在', 'a listed case does not exist', { caseId }));
      if (state.registration.communityId !== body.communityId)
        throw fromDomainError(
          domainError('caseNotInCommunity', '报告所列事项不属于本社区', 'a listed case is not registered for this community', {
            caseId,
            communityId: body.communityId,
          }),
        );
    }
    const streamId = screeningStream(body.communityId, body.reportDate);
    const result = await office.execute('screening', streamId, { type: 'SubmitScreeningReport', data: body }, context);
    return commandReply(c, `${body.communityId}-${body.reportDate}`, result, 201);
  },
);
