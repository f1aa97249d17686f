import { caseStream, incidentTypeLabels, type IncidentType } from '@xinfang/domain';
import { countBy, type KpiScope } from './kpi-scope';
import { receptionCompliance, type ComplianceRule, type ReceptionCompliance } from './reception-compliance';
import { screeningCompliance, type ScreeningGap } from './screening-compliance';

/*
 * What the plan requires of the office and the communities, rule by rule (reception, screening reports),
 * and 三个不发生 (REPORTS.md, "KPIs").
 */

export type IncidentsKpi = Readonly<Record<IncidentType, number>> & {
  readonly total: number;
  /** 三个不发生: true when there was no incident of any type. */
  readonly held: boolean;
};

export const receptionComplianceKpi = ({ world, T, window, calendar }: KpiScope): ReceptionCompliance =>
  receptionCompliance(world, T, window, calendar);

export const screeningReportsKpi = ({ world, T, window, calendar }: KpiScope): ComplianceRule<ScreeningGap> =>
  screeningCompliance(world, T, window, calendar);

/** With a `communityId`: the incidents recorded on a case of that community (an incident on no case is the subdistrict's). */
export const incidentsKpi = ({ world, window, inWindow }: KpiScope): IncidentsKpi => {
  const communityOfCase = (caseId: string): string | undefined => {
    const s = world.case.get(caseStream(caseId));
    return s === undefined || s.status === 'none' ? undefined : s.registration.communityId;
  };
  const incidentsIn = [...world.incident.values()].flatMap((i) =>
    i.status === 'recorded' &&
    inWindow(i.at) &&
    (window.communityId === undefined || (i.caseId !== undefined && communityOfCase(i.caseId) === window.communityId))
      ? [i]
      : [],
  );
  return { ...countBy(incidentTypeLabels, incidentsIn, (i) => i.type), total: incidentsIn.length, held: incidentsIn.length === 0 };
};
