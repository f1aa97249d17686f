import { verifyChain } from '@xinfang/event-store';
import { CliError, messageOf } from '../errors';
import { say } from '../output';
import { openLog } from '../log';
import { existingStore, parseStore } from '../store-location';

/*
 * `xinfang verify`: the hash chain over the whole log, from position 1. Exit 0 when every event is as it
 * was written; exit 1, naming the first broken position, when not.
 */

const reasons = {
  position: '位置不连续（有事件被删除或重排）/ positions are not consecutive (an event was removed or reordered)',
  revision: '流内版本不连续 / a stream\'s revisions are not consecutive',
  prevHash: '与前一事件的哈希不衔接 / it does not name the previous event\'s hash',
  hash: '内容与哈希不符（被改动过）/ its content does not match its hash (it was changed)',
} as const;

export const verify = async (options: { store: string }): Promise<void> => {
  const location = existingStore(parseStore(options.store));
  const store = openLog(location);
  try {
    const started = Date.now();
    let result: Awaited<ReturnType<typeof verifyChain>>;
    try {
      result = await verifyChain(store.readAll());
    } catch (error) {
      throw new CliError(`无法读取日志，日志可能已损坏 / cannot read the log, it may be damaged: ${messageOf(error)}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      say(`日志完好 / OK: ${result.checked} 个事件已校验 / events checked (${seconds} s)`);
      say(`  末尾哈希 head hash: ${result.headHash}`);
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
