export { generateCampaign, campaignSummary, campaignShape, estimatedRequests, requestKind } from './campaign';
export type { CampaignOptions, CampaignShape, CampaignSummary } from './campaign';
export { API_BASE } from './request';
export type { DemoRequest } from './request';
export { idNumberOf, personOf, JINJIANG_AREA_CODE, PERSON_CAPACITY } from './people';
export type { Person } from './people';
export { mulberry32, hashInts } from './random';
export { createDomainCheck, checkAgainstDomain } from './domain-check';
export type { DomainCheck, Refusal } from './domain-check';
