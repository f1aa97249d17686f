import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUBDISTRICT_UNIT, communityStream, dayOf, isLocalDate, type Instant } from '@xinfang/domain';
import {
  backlogLedger,
  buildWorld,
  communityName,
  disputesLedger,
  dutiesLedger,
  visitsLedger,
  type PersonalDataReader,
  type TimeView,
  type World,
} from '@xinfang/projections';
import { formatLogHead, readAllUpTo, readLogHead } from '@xinfang/event-store';
import { backlogForm, disputesForm, dutiesForm, formTitle, toCsv, toXlsx, visitsForm, type Form } from '@xinfang/reports';
import { CliError } from '../errors';
import { note, say } from '../output';
import { withLogAndPersonalData } from '../stores';
import { existingStore, parseStore } from '../store-location';
import { latestRecordedAt, timeView } from '../time-view';

/*
 * `xinfang export --form 1|2|3|4 --format csv|xlsx`: one official form (附件1–4) as the ledger stood as of
 * a date, as known at a date, from the log itself (the same projections as the API's ledgers), written by
 * @xinfang/reports. The office's export: personal data unmasked. It notes the log's head on stderr (stdout
 * may be the file itself, with --out -): kept with the file, it anchors the log for `verify --expect`.
 */

interface Filters {
  readonly communityId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** One form: its rows for a view, and how reports writes them. */
interface FormExport {
  readonly form: Form<never>;
  /** Whether the form lists a period (`--from`/`--to`): 附件2 is the backlog as of a day, not a period. */
  readonly period: boolean;
  readonly write: (format: 'csv' | 'xlsx', world: World, view: TimeView, filters: Filters, personal: PersonalDataReader, meta: XlsxMeta) => Promise<{ rows: number; bytes: Buffer }>;
}

interface XlsxMeta {
  readonly asOf: Instant;
  readonly knownAt?: Instant;
  readonly generatedAt: Instant;
  readonly communityName?: string;
}

const render = async <Row>(form: Form<Row>, rows: readonly Row[], format: 'csv' | 'xlsx', meta: XlsxMeta) => ({
  rows: rows.length,
  bytes: format === 'csv' ? Buffer.from(toCsv(form, rows), 'utf8') : await toXlsx(form, rows, meta),
});

const window = (filters: Filters) => ({
  ...(filters.from === undefined ? {} : { from: filters.from }),
  ...(filters.to === undefined ? {} : { to: filters.to }),
});
const community = (filters: Filters) => (filters.communityId === undefined ? {} : { communityId: filters.communityId });

const formExports: Record<'1' | '2' | '3' | '4', FormExport> = {
  '1': {
    period: true,
    form: disputesForm,
    write: (format, world, view, filters, personal, meta) =>
      render(disputesForm, disputesLedger(world, view, { ...community(filters), ...window(filters) }, personal).rows, format, meta),
  },
  '2': {
    period: false,
    form: backlogForm,
    write: (format, world, view, filters, personal, meta) =>
      render(backlogForm, backlogLedger(world, view, community(filters), personal).rows, format, meta),
  },
  '3': {
    period: true,
    form: visitsForm,
    write: (format, world, view, filters, personal, meta) =>
      render(visitsForm, visitsLedger(world, view, { ...community(filters), ...window(filters) }, personal).rows, format, meta),
  },
  '4': {
    period: true,
    form: dutiesForm,
    write: (format, world, view, filters, _personal, meta) =>
      render(
        dutiesForm,
        dutiesLedger(world, view, { ...window(filters), ...(filters.communityId === undefined ? {} : { unit: filters.communityId }) }).rows,
        format,
        meta,
      ),
  },
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
  const chosen = formExports[options.form];
  // An option the form does not take would be silently ignored, and the office would trust a table it did not ask for.
  if (!chosen.period && (options.from !== undefined || options.to !== undefined)) {
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
  const location = existingStore(parseStore(options.store));
  const { rows, bytes, unitName, head } = await withLogAndPersonalData(location, async (store, personal) => {
    // The head first, and the World up to it: the head printed is the log the form was made from, even
    // while a server appends meanwhile.
    const head = await readLogHead(store);
    const view = timeView(options, now, await latestRecordedAt(store));
    const world = await buildWorld(readAllUpTo(store, head.position), view);
    let unitName: string | undefined;
    if (filters.communityId !== undefined) {
      const known = filters.communityId === SUBDISTRICT_UNIT && options.form === '4';
      if (!known && world.community.get(communityStream(filters.communityId))?.status !== 'registered') {
        throw new CliError(`没有这个社区 / no community "${filters.communityId}" as of then`);
      }
      unitName = known ? '街道' : communityName(world, filters.communityId);
    }
    const meta: XlsxMeta = {
      asOf: view.asOf,
      ...(options.knownAt === undefined ? {} : { knownAt: view.knownAt }),
      generatedAt: now,
      ...(unitName === undefined ? {} : { communityName: unitName }),
    };
    const written = await chosen.write(options.format, world, view, filters, personal, meta);
    return { ...written, unitName, head };
  });
  note(`日志末尾 log head: ${formatLogHead(head)}（可用于 verify --expect / for verify --expect）`);
  const title = formTitle(chosen.form);
  if (options.out === '-') {
    process.stdout.write(bytes);
    return;
  }
  const suffix = filters.communityId === undefined ? '' : `-${filters.communityId}`;
  const path = resolve(options.out ?? `${chosen.form.number}${suffix}-${dayOf(asOf)}.${options.format}`);
  writeFileSync(path, bytes);
  say(`已导出 / exported ${title}${unitName === undefined ? '' : `（${unitName}）`}：${rows} 行 rows → ${path}`);
};
