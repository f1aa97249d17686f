import { isLeft } from 'fp-ts/Either';
import {
  Id,
  backlogReasonLabels,
  caseStream,
  dayOf,
  fiveOnesLabels,
  type FiveOnesItem,
} from '@xinfang/domain';
import {
  buildWorld,
  caseFile,
  caseLedgerStatusLabels,
  communityName,
  gridName,
  isVisible,
  leaderInfo,
  petitionerView,
  type CaseFile,
  type World,
} from '@xinfang/projections';
import { CliError } from '../errors';
import { say } from '../output';
import { withLogAndPersonalData } from '../stores';
import { existingStore, parseAnyStore } from '../store-location';
import { caseTimeline, type Names, type TimelineEntry } from '../timeline';
import { describeView, latestRecordedAt, shanghaiTime, timeView } from '../time-view';

/*
 * `xinfang replay <caseId>`: the case's events as a readable Chinese timeline — business time, recording
 * time, what happened — limited to what the view shows (`--as-of`, `--known-at`), then the case's state as
 * of then, folded by the same projections the ledgers use.
 */

const namesIn = (world: World, personal: Parameters<typeof petitionerView>[2]): Names => ({
  leader: (leaderId) => {
    const leader = leaderInfo(world, leaderId);
    return leader.position === '' ? leader.name : `${leader.name}（${leader.position}）`;
  },
  community: (communityId) => communityName(world, communityId),
  grid: (communityId, gridId) => gridName(world, communityId, gridId),
  petitioners: (refs) => refs.map((ref) => petitionerView(world, ref.personId, personal).name).join('、'),
});

const entryLines = (entry: TimelineEntry): string[] => {
  const late = dayOf(entry.recordedAt) !== dayOf(entry.occurredAt);
  return [
    `[${shanghaiTime(entry.occurredAt)}] ${entry.heading}（${late ? '补录' : '录入'} ${shanghaiTime(entry.recordedAt)} · #${entry.position}）`,
    ...entry.facts.map((fact) => `    ${fact}`),
  ];
};

const fiveOnesItems: readonly FiveOnesItem[] = ['leader', 'taskForce', 'plan', 'minutes', 'stabilization'];

const stateLines = (file: CaseFile): string[] => {
  const lines = [`  状态 status：${caseLedgerStatusLabels[file.status]}`];
  if (file.acceptance !== null) lines.push(`  受理 acceptance：${file.acceptance.decision === 'accepted' ? '受理' : '不予受理'}（${shanghaiTime(file.acceptance.at)}）`);
  lines.push(
    `  化解时限 deadline：${file.deadline ?? '—'}${file.extension === null ? '' : `（已延期，原 ${file.extension.previousDeadline}）`}`,
  );
  const { backlog } = file;
  lines.push(
    backlog.inBacklog
      ? `  积案 backlog：是 — ${backlog.reasons.map((r) => backlogReasonLabels[r]).join('、')}${backlog.listedSince === null ? '' : `（自 ${backlog.listedSince} 列入）`}`
      : `  积案 backlog：否${backlog.firstListed === null ? '' : `（曾于 ${backlog.firstListed} 列入）`}`,
  );
  if (file.assignment !== null) {
    const a = file.assignment;
    lines.push(`  一案一策：${a.responsibleUnit} · 责任领导 ${a.responsibleLeader.name} · 责任人 ${a.responsiblePerson}`);
  }
  if (file.packages.length > 0) lines.push(`  包案领导：${file.packages.map((p) => p.leader.name).join('、')}`);
  const missing = fiveOnesItems.filter((item) => file.fiveOnes[item] === null && !(item === 'leader' && file.packages.length > 0));
  // 五个一 is asked of packaged (backlog) cases; a case with none of it says nothing about it.
  if (missing.length < fiveOnesItems.length) {
    lines.push(`  五个一：${file.fiveOnesComplete ? '已落实' : `未落实（缺 ${missing.map((item) => fiveOnesLabels[item]).join('、')}）`}`);
  }
  if (file.resolutions.length > 0) lines.push(`  化解次数：${file.resolutions.length}`);
  if (file.final) lines.push('  三级终结：是');
  if (file.closedAt !== null) lines.push(`  息诉息访：${shanghaiTime(file.closedAt)}`);
  lines.push(`  信访人 petitioners：${file.petitioners.map((p) => p.name).join('、') || '—'}`);
  return lines;
};

export const replay = async (caseId: string, options: { asOf?: string; knownAt?: string; store: string }): Promise<void> => {
  if (isLeft(Id.decode(caseId))) throw new CliError(`事项编号应为 1–64 个字母、数字、- 或 _ / a case id is 1–64 letters, digits, - and _, not "${caseId}"`);
  const now = new Date().toISOString();
  timeView(options, now); // refuse a bad --as-of or --known-at before opening anything
  const location = existingStore(parseAnyStore(options.store));
  await withLogAndPersonalData(location, async (store, personal) => {
    const view = timeView(options, now, await latestRecordedAt(store));
    const events = await store.readStream(caseStream(caseId));
    if (events.length === 0) throw new CliError(`没有这个信访事项 / no case "${caseId}" in ${location.kind === 'sqlite' ? location.path : location.text}`);
    const visible = events.filter((event) => isVisible(event, view));
    const hidden = events.length - visible.length;
    const world = await buildWorld(store.readAll(), view);
    say(`信访事项 ${caseId} 的经过 / timeline of case ${caseId}`);
    say(describeView(view, now));
    say(
      `事件 events：${visible.length}${hidden === 0 ? '' : `（另有 ${hidden} 个在此时间之后发生或录入 / ${hidden} more happened or were recorded after this view）`}`,
    );
    say('');
    for (const entry of caseTimeline(visible, namesIn(world, personal))) for (const line of entryLines(entry)) say(line);
    const file = caseFile(world, view, caseId, personal);
    say('');
    if (file === undefined) {
      say('此时该事项尚未登记 / as of then the case was not registered yet');
      return;
    }
    say(`当时状态 / state as of ${shanghaiTime(view.asOf)}`);
    for (const line of stateLines(file)) say(line);
  });
};
