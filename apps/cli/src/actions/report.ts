import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLocalDate } from '@xinfang/domain';
import { readAllUpTo, formatLogHead, readLogHead } from '@xinfang/event-store';
import { buildWorld, campaignSummary } from '@xinfang/projections';
import { campaignDocument, campaignDocx } from '@xinfang/reports';
import { CliError } from '../errors';
import { note, say } from '../output';
import { withLogAndPersonalData } from '../stores';
import { existingStore, parseAnyStore } from '../store-location';
import { latestRecordedAt, timeView } from '../time-view';

/*
 * `xinfang report campaign --from --to`: the campaign summary (总结巩固) of a window as a Word document,
 * the same document `GET /api/v1/reports/campaign?format=docx` gives (the page /office/reports/campaign
 * shows it as printable HTML). Read from the log up to its head, as of `--as-of`/`--known-at`; the head is
 * noted on stderr, as an export notes it.
 */

const dateOption = (name: string, text: string): string => {
  if (!isLocalDate(text.trim())) throw new CliError(`${name} 应为日期 YYYY-MM-DD / ${name} expects a date like 2024-09-15, not "${text}"`);
  return text.trim();
};

export const reportCampaign = async (options: { from: string; to: string; asOf?: string; knownAt?: string; out?: string; store: string }): Promise<void> => {
  const from = dateOption('--from', options.from);
  const to = dateOption('--to', options.to);
  if (from > to) throw new CliError(`--from（${from}）晚于 --to（${to}）/ --from is after --to`);
  const now = new Date().toISOString();
  timeView(options, now); // refuses a bad --as-of or --known-at before opening anything
  const location = existingStore(parseAnyStore(options.store));
  const title = `信访工作总结（${from} 至 ${to}）`;
  const path = resolve(options.out ?? `信访工作总结-${from}-${to}.docx`);
  await withLogAndPersonalData(location, async (store, personal) => {
    const head = await readLogHead(store);
    const view = timeView(options, now, await latestRecordedAt(store));
    const world = await buildWorld(readAllUpTo(store, head.position), view);
    note(`日志末尾 log head: ${formatLogHead(head)}（可用于 verify --expect / for verify --expect）`);
    const bytes = await campaignDocx(campaignDocument(campaignSummary(world, view, { from, to }, personal)), title);
    // Written beside the file and put in its place once whole: a failed report leaves no half file.
    writeFileSync(`${path}.partial`, bytes);
    renameSync(`${path}.partial`, path);
  });
  say(`已生成 / written ${title} → ${path}`);
};
