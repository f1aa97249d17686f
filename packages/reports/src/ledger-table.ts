import { forms, type FormName } from './forms';

/*
 * The four ledgers, each declared once for everyone who serves them: the API's route (`GET /ledgers/{name}`,
 * its filters) and its OpenAPI entry (summary, notes, what the period bounds), the CLI's `xinfang export
 * --form N`, and the office's 台账 pages (their filter fields). The columns are the form's (forms.ts).
 */

/** A filter a ledger takes: a query parameter of the API, a field of the page, an option of the CLI. */
export type LedgerFilter = 'communityId' | 'from' | 'to' | 'category' | 'leaderId' | 'unit';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface LedgerEntry {
  /** `/ledgers/{name}`, `/office/ledgers/{name}`. */
  readonly name: FormName;
  /** `xinfang export --form N`: the form's number, 附件N. */
  readonly number: 1 | 2 | 3 | 4;
  readonly form: (typeof forms)[FormName];
  /** The filters it takes, in the order a page shows them. */
  readonly filters: readonly LedgerFilter[];
  /** What `from`/`to` bound (the ledger lists a period), e.g. 登记 (registration); absent for a ledger as of a day. */
  readonly period?: Bilingual;
  /** The OpenAPI summary in English (the Chinese one is the form's title). */
  readonly summary: string;
  readonly notes?: Bilingual;
  /** Every role may read it (the roster is public); the others are read by the office, the auditor, the inspector and a community (its own). */
  readonly public: boolean;
}

export const ledgerTable: { readonly [Name in FormName]: LedgerEntry & { readonly name: Name } } = {
  disputes: {
    name: 'disputes',
    number: 1,
    form: forms.disputes,
    filters: ['communityId', 'from', 'to', 'category'],
    period: { zh: '登记', en: 'registration' },
    summary: 'Form 1: disputes screened and resolved',
    public: false,
  },
  backlog: {
    name: 'backlog',
    number: 2,
    form: forms.backlog,
    filters: ['communityId'],
    summary: 'Form 2: backlog cases and pressing problems',
    notes: {
      zh: '截至 asOf 的全部积案，含积案原因、包案领导和"五个一"情况。',
      en: 'Every case in backlog as of asOf, with its reasons, package leader and five-ones status.',
    },
    public: false,
  },
  visits: {
    name: 'visits',
    number: 3,
    form: forms.visits,
    filters: ['communityId', 'from', 'to', 'leaderId'],
    period: { zh: '接待', en: 'reception' },
    summary: 'Form 3: visits received by leaders',
    public: false,
  },
  duties: {
    name: 'duties',
    number: 4,
    form: forms.duties,
    filters: ['from', 'to', 'unit'],
    period: { zh: '值班', en: 'duty' },
    summary: 'Form 4: the reception roster',
    notes: { zh: '接访安排是公开的：任何角色都可读取。', en: 'The roster is public: every role may read it.' },
    public: true,
  },
};

/** The ledgers in the order of their numbers. */
export const ledgerEntries: readonly LedgerEntry[] = Object.values(ledgerTable).sort((a, b) => a.number - b.number);

/** The ledger a name (from a path) names, or undefined: only these four, never an inherited key. */
export const ledgerNamed = (name: string): LedgerEntry | undefined =>
  Object.hasOwn(ledgerTable, name) ? ledgerTable[name as FormName] : undefined;

/** The ledger of `xinfang export --form N`. */
export const ledgerNumbered = (number: number): LedgerEntry | undefined => ledgerEntries.find((entry) => entry.number === number);
