/** The address of a case's page (case-page.tsx): what every page links a case with. */
export const casePagePath = (caseId: string): string => `/office/cases/${encodeURIComponent(caseId)}`;
