import { lockAllSlots, ReadModelsInUseError, type ReadModelsLock } from '@xinfang/api';
import { CliError } from './errors';

/*
 * The commands that replace a store's read models (rebuild, restore) refuse, before they touch anything,
 * while another process keeps them — a running server holds its slot's lock for as long as it serves, and
 * every server on the store has one (read-models-slot.ts).
 */

/** What the command would have done, in both languages: `{ zh: '重建', en: 'rebuild' }`. */
export interface Action {
  readonly zh: string;
  readonly en: string;
}

/** The one line such a command fails with. */
export const inUseError = (action: Action): CliError =>
  new CliError(
    `服务正在运行（或另一个命令正在重建），读模型正被使用：请先停止它，再${action.zh}；未做任何改动 / ` +
      `a server is running (or another command is rebuilding) and keeps the read models: stop it, then ${action.en}; nothing was changed`,
  );

/** Takes the lock of the store's read models for a command, or refuses with `inUseError`. */
export const lockOrRefuse = (storePath: string, action: Action): ReadModelsLock => {
  try {
    return lockAllSlots(storePath);
  } catch (error) {
    if (error instanceof ReadModelsInUseError) throw inUseError(action);
    throw error;
  }
};
