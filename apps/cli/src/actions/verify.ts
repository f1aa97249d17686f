import { formatLogHead, parseLogHead, type ChainBreak, type ChainVerification } from '@xinfang/event-store';
import { verifyLog } from '@xinfang/api';
import { CliError, messageOf } from '../errors';
import { say } from '../output';
import { openLog } from '../log';
import { recordedChainKeying } from '../stores';
import { existingStore, parseAnyStore } from '../store-location';

/*
 * `xinfang verify [--expect POSITION:HASH]`: the hash chain over the whole log, from position 1, keyed with
 * the chain key of the app database beside the log, and — with `--expect` — against a head noted down
 * earlier (which is how a cut-off tail is caught). Exit 0 when every event is as it was written; exit 1,
 * naming the first broken position, when not.
 */

const reasons: Record<ChainBreak, string> = {
  position: '位置不连续（有事件被删除或重排）/ positions are not consecutive (an event was removed or reordered)',
  revision: '流内版本不连续 / a stream\'s revisions are not consecutive',
  prevHash: '与前一事件的哈希不衔接 / it does not name the previous event\'s hash',
  hash: '内容与哈希不符（被改动过）/ its content does not match its hash (it was changed)',
  keying:
    '链密钥标记与应用数据库的记录不符（标记被删改，或缺少应用数据库、不是这份日志的）/ the chain-key marker does not match ' +
    'the app database\'s record (the marker was removed or changed, or the app database is missing or not this log\'s)',
  anchor: '该位置的哈希与 --expect 给出的不同 / the event there does not have the hash given to --expect',
  truncated: '日志比 --expect 给出的末尾短（末尾的事件被删除）/ the log ends before the head given to --expect (events at its end were removed)',
};

const anchorOf = (text: string | undefined) => {
  if (text === undefined) return undefined;
  const head = parseLogHead(text);
  if (head === undefined) throw new CliError(`--expect 应为 位置:哈希 / --expect takes POSITION:HASH (a position from 1 and 64 hex digits), not "${text}"`);
  return head;
};

export const verify = async (options: { store: string; expect?: string }): Promise<void> => {
  const anchor = anchorOf(options.expect);
  const location = existingStore(parseAnyStore(options.store));
  const keying = await recordedChainKeying(location);
  const store = await openLog(location);
  try {
    const started = Date.now();
    let result: ChainVerification;
    try {
      result = await verifyLog(store, keying, anchor);
    } catch (error) {
      throw new CliError(`无法读取日志，日志可能已损坏 / cannot read the log, it may be damaged: ${messageOf(error)}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      say(`日志完好 / OK: ${result.checked} 个事件已校验 / events checked (${seconds} s)`);
      say(`  末尾哈希 head hash: ${result.headHash}`);
      say(`  末尾 head: ${formatLogHead({ position: result.checked, hash: result.headHash })}（记下它，下次用 --expect 校验 / note it, and pass it to --expect next time）`);
      if (anchor !== undefined) say(`  与 --expect 相符 / matches --expect at position ${anchor.position}`);
      return;
    }
    say(`日志已损坏 / BROKEN at position ${result.firstBrokenPosition}`);
    if (result.reason !== undefined) say(`  原因 reason: ${reasons[result.reason]}`);
    say(`  此前完好 intact before it: ${result.checked} 个事件 / events`);
    throw new CliError(`哈希链在位置 ${result.firstBrokenPosition} 断开 / the hash chain breaks at position ${result.firstBrokenPosition}`);
  } finally {
    await store.close();
  }
};
