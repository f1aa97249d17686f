import type { Endpoint, Resource } from './endpoint';
import { assessmentRoutes } from './routes/assessment';
import { analysis } from './routes/analysis';
import { audit } from './routes/audit';
import { campaignReport } from './routes/campaign-report';
import { caseQueries } from './routes/case-queries';
import { cases } from './routes/cases';
import { communities } from './routes/communities';
import { caseNotices, noticeTemplates } from './routes/notices';
import { receipts } from './routes/receipts';
import { duties } from './routes/duties';
import { events } from './routes/events';
import { incidents } from './routes/incidents';
import { inspections } from './routes/inspections';
import { kpiQueries } from './routes/kpis';
import { leaders } from './routes/leaders';
import { ledgers } from './routes/ledgers';
import { personQueries } from './routes/person-queries';
import { persons } from './routes/persons';
import { screeningReportQuery } from './routes/screening-report';
import { screeningReports } from './routes/screening-reports';
import { visits } from './routes/visits';

/**
 * Every resource under `/api/v1`, in the order the documentation lists them: the app mounts these, and the
 * OpenAPI document lists their endpoints — the same list.
 */
export const apiResources: readonly Resource[] = [
  communities,
  leaders,
  cases,
  caseQueries,
  receipts,
  caseNotices,
  noticeTemplates,
  visits,
  screeningReports,
  screeningReportQuery,
  duties,
  incidents,
  inspections,
  persons,
  personQueries,
  ledgers,
  kpiQueries,
  assessmentRoutes,
  campaignReport,
  analysis,
  events,
  audit,
];

export const apiEndpoints: readonly Endpoint[] = apiResources.flatMap((r) => r.endpoints);
