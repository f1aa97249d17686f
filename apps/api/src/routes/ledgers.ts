import type { Context } from 'hono';
import { Category, dayOf } from '@xinfang/domain';
import type { Ledger, Numbered, TimeView } from '@xinfang/projections';
import { PassThrough, Readable } from 'node:stream';
import {
  CSV_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  csvChunks,
  formTitle,
  forms,
  ledgerEntries,
  writeXlsx,
  type Form,
  type FormName,
  type LedgerEntry,
  type LedgerFilter,
} from '@xinfang/reports';
import { everyRole } from '../access';
import { answerHead, HEAD_HEADER } from '../answer-head';
import { roleOf } from '../auth';
import { resource, type EndpointSpec } from '../endpoint';
import type { AppEnv } from '../env';
import { forRole } from '../masking';
import type { QueryKind } from '../queries';
import { kinds, param, type ParsedQuery } from '../query-params';
import { communityParam, communityScope, pagingParams, periodParams, readsFigures, viewOf, viewParams } from '../query-view';

/*
 * The four official ledgers (附件1–4, REPORTS.md), as of `asOf`/`knownAt`, in JSON (`{asOf, knownAt,
 * total, rows}`, the default), CSV (UTF-8 with BOM, the Chinese headers) or XLSX (the printable form),
 * with `limit`/`offset` applied to every format alike.
 *
 * Who reads what (API.md, Roles): the office, the auditor and the inspector every ledger of every
 * community; a `community:` token its own community's (a query naming none is limited to it, naming
 * another is a 403); the roster (附件4) is public to every role. A leader reads the roster only: API.md
 * gives it the cases it leads, and these ledgers list every case of a community, so 附件1–3 are a 403.
 * Petitioners are masked for every role but the office, in the exports too.
 *
 * A CSV or XLSX export is streamed: written out as it is made, never held whole (an XLSX workbook of a long
 * ledger takes far more memory than its rows).
 *
 * Every answer carries the log's head it is as of in `X-Xinfang-Head: POSITION:HASH` (answer-head.ts):
 * kept with an export, it anchors the log (`xinfang verify --expect POSITION:HASH` later shows whether
 * events were cut off since).
 */

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const ledgerParams = {
  ...viewParams,
  format: param(kinds.oneOf(FORMATS, 'json'), {
    zh: 'json、csv 或 xlsx（导出带官方表格的中文表头）',
    en: 'json, csv or xlsx (exports carry the official form’s Chinese headers)',
  }),
  ...pagingParams,
} as const;

/** Each filter of the ledger table (@xinfang/reports) as a query parameter of a ledger that lists `period`. */
const filterParams = (period: LedgerEntry['period'] = { zh: '', en: 'the period' }) =>
  ({
    communityId: communityParam,
    ...periodParams(period),
    category: param(kinds.keyOf(Category), { zh: '类别', en: 'category' }),
    leaderId: param(kinds.id, { zh: '接访领导', en: 'the receiving leader' }),
    unit: param(kinds.id, { zh: '单位："subdistrict" 或社区标识', en: 'unit: "subdistrict" or a communityId' }),
  }) as const satisfies Record<LedgerFilter, unknown>;

type LedgerParams = typeof ledgerParams & Partial<ReturnType<typeof filterParams>>;

/** A ledger's endpoint, from the ledger table: its filters, period, summary, notes and readers. */
const ledgerEndpoint = (entry: LedgerEntry): EndpointSpec<LedgerParams, never> => {
  const filters = filterParams(entry.period);
  return {
    method: 'GET',
    path: `/${entry.name}`,
    operationId: `${entry.name}Ledger`,
    tag: 'ledgers',
    summary: { zh: formTitle(entry.form), en: entry.summary },
    ...(entry.notes === undefined ? {} : { notes: entry.notes }),
    query: { ...ledgerParams, ...Object.fromEntries(entry.filters.map((filter) => [filter, filters[filter]])) },
    success: 200,
    reply: 'ledger',
    roles: entry.public ? everyRole : readsFigures,
  };
};

/** What a file's name says: the form and the day it is as of. */
const contentDisposition = (name: FormName, view: TimeView, extension: 'csv' | 'xlsx'): string => {
  const form = forms[name];
  const day = dayOf(view.asOf);
  const ascii = `${name}-${day}.${extension}`;
  const full = `${form.number}-${form.title}-${day}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`;
};

interface Answer<Row> {
  readonly view: TimeView;
  /** The query named `knownAt`: then the XLSX title line says it. */
  readonly knownAtGiven: boolean;
  readonly format: Format | undefined;
  readonly ledger: Ledger<Numbered<Row>>;
  /** The name of the community the ledger is limited to, if any (for the XLSX title line). */
  readonly communityName?: string;
  /** The log position the ledger is as of. */
  readonly position: number;
}

/** Text pieces as UTF-8 bytes, for a response body. */
async function* utf8(pieces: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const piece of pieces) yield Buffer.from(piece, 'utf8');
}

const webStream = (stream: Readable): ReadableStream<Uint8Array> => Readable.toWeb(stream) as ReadableStream<Uint8Array>;

/** Answers a ledger in the asked format, with every petitioner masked for the caller's role. */
const sendLedger = async <Row extends object>(c: Context<AppEnv>, name: FormName, form: Form<Numbered<Row>>, answer: Answer<Row>): Promise<Response> => {
  const shown = forRole(roleOf(c), answer.ledger);
  const format = answer.format ?? 'json';
  const head = await answerHead(c, answer.position);
  if (format === 'json') return c.json(shown as object, 200, { [HEAD_HEADER]: head });
  switch (format) {
    case 'csv':
      return c.body(webStream(Readable.from(utf8(csvChunks(form, shown.rows)))), 200, {
        'content-type': CSV_CONTENT_TYPE,
        'content-disposition': contentDisposition(name, answer.view, 'csv'),
        [HEAD_HEADER]: head,
      });
    case 'xlsx': {
      const file = new PassThrough();
      // A failure half-way ends the body with an error (the client sees a broken download, never a short file).
      writeXlsx(form, shown.rows, file, {
        asOf: answer.view.asOf,
        ...(answer.knownAtGiven ? { knownAt: answer.view.knownAt } : {}),
        generatedAt: c.var.services.clock.now(),
        ...(answer.communityName === undefined ? {} : { communityName: answer.communityName }),
      }).catch((error: unknown) => file.destroy(error instanceof Error ? error : new Error(String(error))));
      return c.body(webStream(file), 200, {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': contentDisposition(name, answer.view, 'xlsx'),
        [HEAD_HEADER]: head,
      });
    }
  }
};

type LedgerQuery = Extract<QueryKind, { kind: 'ledger' }>;

/** Runs a ledger query for its view (in a query worker, or here) and sends it in the asked format. */
const ledgerAnswer = async <Row extends object>(
  c: Context<AppEnv>,
  form: Form<Numbered<Row>>,
  q: { readonly asOf?: string; readonly knownAt?: string; readonly format?: Format },
  ledgerQuery: LedgerQuery,
): Promise<Response> => {
  const { view, shown, atLeast } = await viewOf(c, q);
  const { answer: { ledger, communityName }, position } = await c.var.services.queries.run({ ...ledgerQuery, view, shown, atLeast });
  return sendLedger(c, ledgerQuery.form, form, {
    view,
    knownAtGiven: q.knownAt !== undefined,
    format: q.format,
    ledger: ledger as unknown as Ledger<Numbered<Row>>,
    position,
    ...(communityName === undefined ? {} : { communityName }),
  });
};

const paging = (q: { readonly limit?: number; readonly offset?: number }) => ({
  limit: q.limit,
  offset: q.offset,
});

type LedgerArgs = ParsedQuery<LedgerParams>;

/** How each ledger's filters reach its query (the community of a `community:` token is its own). */
const ledgerQueries: { readonly [Name in FormName]: (c: Context<AppEnv>, q: LedgerArgs) => LedgerQuery } = {
  /** 附件1 矛盾纠纷排查化解清单: every case registered in the window; `communityId, from, to, category`. */
  disputes: (c, q) => {
    const communityId = communityScope(roleOf(c), q.communityId);
    const filter = { ...paging(q), communityId, from: q.from, to: q.to, category: q.category };
    return { kind: 'ledger', form: 'disputes', filter, ...(communityId === undefined ? {} : { communityId }) };
  },
  /** 附件2 信访积案和突出问题化解清单: every case in backlog at `asOf`; `communityId` (an addition). */
  backlog: (c, q) => {
    const communityId = communityScope(roleOf(c), q.communityId);
    return { kind: 'ledger', form: 'backlog', filter: { ...paging(q), communityId }, ...(communityId === undefined ? {} : { communityId }) };
  },
  /**
   * 附件3 领导干部接待群众来访登记表: one row per visit; `from, to, leaderId`, and `communityId` (an
   * addition: the community of the case the visit was recorded on).
   */
  visits: (c, q) => {
    const communityId = communityScope(roleOf(c), q.communityId);
    const filter = { ...paging(q), communityId, from: q.from, to: q.to, leaderId: q.leaderId };
    return { kind: 'ledger', form: 'visits', filter, ...(communityId === undefined ? {} : { communityId }) };
  },
  /** 附件4 领导接访安排表, public to every role: `from, to, unit` (`subdistrict` or a communityId). */
  duties: (_c, q) => {
    const communityId = q.unit !== undefined && q.unit !== 'subdistrict' ? q.unit : undefined;
    const filter = { ...paging(q), from: q.from, to: q.to, unit: q.unit };
    return { kind: 'ledger', form: 'duties', filter, ...(communityId === undefined ? {} : { communityId }) };
  },
};

export const ledgers = resource('/ledgers');
for (const entry of ledgerEntries) {
  ledgers.on(ledgerEndpoint(entry), async (c) => {
    const q = c.req.valid('query');
    return ledgerAnswer(c, forms[entry.name] as Form<Numbered<object>>, q, ledgerQueries[entry.name](c, q));
  });
}
