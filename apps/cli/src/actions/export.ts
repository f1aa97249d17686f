import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { SUBDISTRICT_UNIT, communityStream, dayOf, isLocalDate, type Instant } from '@xinfang/domain';
import {
  backlogPlan,
  communityName,
  disputesPlan,
  dutiesLedger,
  openLogWorld,
  streamCaseLedger,
  visitsPlan,
  type LogWorld,
  type PersonalDataReader,
  type TimeView,
} from '@xinfang/projections';
import { formatLogHead, readLogHead } from '@xinfang/event-store';
import { csvChunks, formTitle, ledgerNumbered, writeXlsx, type Form, type FormName, type LedgerEntry } from '@xinfang/reports';
import { CliError } from '../errors';
import { note, say } from '../output';
import { withLogAndPersonalData } from '../stores';
import { existingStore, parseAnyStore } from '../store-location';
import { latestRecordedAt, timeView } from '../time-view';

/*
 * `xinfang export --form 1|2|3|4 --format csv|xlsx`: one official form (附件1–4) as the ledger stood as of
 * a date, as known at a date, from the log itself (the same ledgers as the API's), written by
 * @xinfang/reports. The office's export: personal data unmasked. It notes the log's head on stderr (stdout
 * may be the file itself, with --out -): kept with the file, it anchors the log for `verify --expect`.
 *
 * Streamed, so that a log of any length exports in little memory: the ledger is made from the log a case at
 * a time (`streamCaseLedger`, never the whole World) and each row is written out as it is made.
 */

interface Filters {
  readonly communityId?: string;
  readonly from?: string;
  readonly to?: string;
}

interface XlsxMeta {
  readonly asOf: Instant;
  readonly knownAt?: Instant;
  readonly generatedAt: Instant;
  readonly communityName?: string;
}

/** How the rows of a form are made for a view, as they come (the form, its number and its filters are the ledger table's). */
type RowsOf = (log: LogWorld, view: TimeView, filters: Filters, personal: PersonalDataReader) => AsyncIterable<unknown> | Iterable<unknown>;

const window = (filters: Filters) => ({
  ...(filters.from === undefined ? {} : { from: filters.from }),
  ...(filters.to === undefined ? {} : { to: filters.to }),
});
const community = (filters: Filters) => (filters.communityId === undefined ? {} : { communityId: filters.communityId });

const rowsOf: Record<FormName, RowsOf> = {
  disputes: (log, view, filters, personal) => streamCaseLedger(log, disputesPlan, view, { ...community(filters), ...window(filters) }, personal),
  backlog: (log, view, filters, personal) => streamCaseLedger(log, backlogPlan, view, community(filters), personal),
  visits: (log, view, filters, personal) => streamCaseLedger(log, visitsPlan, view, { ...community(filters), ...window(filters) }, personal),
  // The roster is in the log's small World already.
  duties: (log, view, filters) =>
    dutiesLedger(log.world, view, { ...window(filters), ...(filters.communityId === undefined ? {} : { unit: filters.communityId }) }).rows,
};

/** Counts the rows as they pass. */
async function* counted<Row>(rows: AsyncIterable<Row> | Iterable<Row>, count: { rows: number }): AsyncGenerator<Row> {
  for await (const row of rows) {
    count.rows += 1;
    yield row;
  }
}

/** Writes the form to `output` as the rows come; resolves once all of it is written (`output` left open). */
const writeForm = async (format: 'csv' | 'xlsx', form: Form<unknown>, rows: AsyncIterable<unknown>, output: Writable, meta: XlsxMeta): Promise<void> => {
  if (format === 'csv') {
    await pipeline(Readable.from(csvChunks(form, rows)), output, { end: false });
    return;
  }
  // The workbook writer ends the stream it is given: give it one of its own, piped on.
  const own = new PassThrough();
  own.pipe(output, { end: false });
  await writeXlsx(form, rows, own, meta);
  await finished(own);
};

const dateOption = (name: string, text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  if (!isLocalDate(text.trim())) throw new CliError(`${name} 应为日期 YYYY-MM-DD / ${name} expects a date like 2024-09-15, not "${text}"`);
  return text.trim();
};

export const exportForm = async (options: {
  form: '1' | '2' | '3' | '4';
  format: 'csv' | 'xlsx';
  asOf?: string;
  knownAt?: string;
  community?: string;
  from?: string;
  to?: string;
  out?: string;
  store: string;
}): Promise<void> => {
  const chosen: LedgerEntry = ledgerNumbered(Number(options.form))!;
  // An option the form does not take would be silently ignored, and the office would trust a table it did not ask for.
  if (chosen.period === undefined && (options.from !== undefined || options.to !== undefined)) {
    throw new CliError(
      `附件${options.form} 不按起止日期导出，请用 --as-of / form ${options.form} has no period: --from and --to do not apply (use --as-of)`,
    );
  }
  const now = new Date().toISOString();
  const asOf = timeView(options, now).asOf; // also refuses a bad --as-of or --known-at before opening anything
  const filters: Filters = {
    ...(options.community === undefined ? {} : { communityId: options.community.trim() }),
    ...(options.from === undefined ? {} : { from: dateOption('--from', options.from) }),
    ...(options.to === undefined ? {} : { to: dateOption('--to', options.to) }),
  };
  const location = existingStore(parseAnyStore(options.store));
  const title = formTitle(chosen.form);
  const suffix = filters.communityId === undefined ? '' : `-${filters.communityId}`;
  const path = options.out === '-' ? undefined : resolve(options.out ?? `${chosen.form.number}${suffix}-${dayOf(asOf)}.${options.format}`);
  const count = { rows: 0 };
  const unitName = await withLogAndPersonalData(location, async (store, personal) => {
    // The head first, and the form up to it: the head printed is the log the form was made from, even
    // while a server appends meanwhile.
    const head = await readLogHead(store);
    const view = timeView(options, now, await latestRecordedAt(store));
    const log = await openLogWorld(store, head.position, view);
    let unitName: string | undefined;
    if (filters.communityId !== undefined) {
      const known = filters.communityId === SUBDISTRICT_UNIT && options.form === '4';
      if (!known && log.world.community.get(communityStream(filters.communityId))?.status !== 'registered') {
        throw new CliError(`没有这个社区 / no community "${filters.communityId}" as of then`);
      }
      unitName = known ? '街道' : communityName(log.world, filters.communityId);
    }
    const meta: XlsxMeta = {
      asOf: view.asOf,
      ...(options.knownAt === undefined ? {} : { knownAt: view.knownAt }),
      generatedAt: now,
      ...(unitName === undefined ? {} : { communityName: unitName }),
    };
    note(`日志末尾 log head: ${formatLogHead(head)}（可用于 verify --expect / for verify --expect）`);
    const rows = counted(rowsOf[chosen.name](log, view, filters, personal), count);
    if (path === undefined) {
      await writeForm(options.format, chosen.form as Form<unknown>, rows, process.stdout, meta);
      return unitName;
    }
    // Written beside the file and put in its place once whole: a failed export leaves no half file.
    const partial = `${path}.partial`;
    const file = createWriteStream(partial);
    try {
      await writeForm(options.format, chosen.form as Form<unknown>, rows, file, meta);
      file.end();
      await finished(file);
      renameSync(partial, path);
    } catch (error) {
      file.destroy();
      rmSync(partial, { force: true });
      throw error;
    }
    return unitName;
  });
  if (path === undefined) return;
  say(`已导出 / exported ${title}${unitName === undefined ? '' : `（${unitName}）`}：${count.rows} 行 rows → ${path}`);
};
