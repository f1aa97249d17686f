import { renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { isId, isInstant, isLocalDate, isNoticeNumber, noticeKindLabels, noticeKinds, type NoticeKind } from '@xinfang/domain';
import { HttpProblem, issueNotice, openServices, printedNotice } from '@xinfang/api';
import { noticeDocx } from '@xinfang/reports';
import { CliError, messageOf } from '../errors';
import { note, say, stderrLogger } from '../output';
import { existingStore, parseAnyStore, postgresLog } from '../store-location';

/*
 * `xinfang notice <caseId> --kind …`: prints a written notice of the case as a Word document and records
 * it on the case, as the case page's 出具并打印 and `POST /api/v1/cases/{id}/notices` do (the same
 * template version in force, the same numbering); `--number N` prints a notice printed before again,
 * recording nothing.
 */

/** `--at`: an instant, or a day (its 09:00 in Shanghai); default now. */
const atOption = (text: string | undefined): string => {
  if (text === undefined) return new Date().toISOString();
  const value = text.trim();
  if (isInstant(value)) return value;
  if (isLocalDate(value)) return `${value}T09:00:00+08:00`;
  throw new CliError(`--at 应为时间或日期 / --at expects a time like 2024-09-20T10:30:00+08:00 or a date, not "${text}"`);
};

export const notice = async (
  caseId: string,
  options: { kind?: string; number?: string; at?: string; by?: string; out?: string; store: string },
): Promise<void> => {
  if (!isId(caseId)) throw new CliError(`事项编号无效 / not a case id: "${caseId}"`);
  if (options.kind === undefined && options.number === undefined) throw new CliError('须给出 --kind（出具新告知书）或 --number（重印已出具的）/ give --kind, or --number');
  if (options.kind !== undefined && !noticeKinds.includes(options.kind as NoticeKind)) {
    throw new CliError(`--kind 应为 ${noticeKinds.map((k) => `${k}（${noticeKindLabels[k]}）`).join('、')} / --kind expects one of ${noticeKinds.join(', ')}`);
  }
  if (options.number !== undefined && !isNoticeNumber(options.number)) throw new CliError(`--number 应为正整数 / --number expects a whole number ≥ 1`);
  const at = atOption(options.at);
  const location = existingStore(parseAnyStore(options.store));
  const services = await openServices({ storePath: location.path, ...postgresLog(location), readModels: 'lookups', queryWorkers: 0, logger: stderrLogger('warn') });
  try {
    let number = Number(options.number);
    if (options.kind !== undefined) {
      const issuedBy = options.by ?? `命令行 ${userInfo().username}`;
      const { notice: recorded } = await issueNotice(
        services,
        caseId,
        { kind: options.kind as NoticeKind, at },
        { actor: { id: 'cli', role: 'office' }, commandId: services.ids.next() },
        issuedBy,
      );
      number = recorded.number;
      note(`已记入事项 / recorded on the case: ${noticeKindLabels[recorded.kind]} ${caseId}-${number}（模板第 ${recorded.templateVersion} 版 / template v${recorded.templateVersion}）`);
    }
    const printed = await printedNotice(services, caseId, number);
    const path = resolve(options.out ?? `${printed.document.title}-${caseId}-${number}.docx`);
    // Written beside the file and put in its place once whole: a failed print leaves no half file.
    writeFileSync(`${path}.partial`, await noticeDocx(printed.document));
    renameSync(`${path}.partial`, path);
    say(`已生成 / written ${printed.document.title}（${caseId}-${number}）→ ${path}`);
  } catch (error) {
    if (error instanceof HttpProblem) throw new CliError(`${error.body.title}：${error.body.detail}`);
    throw error;
  } finally {
    await services.close().catch((error: unknown) => note(`关闭时出错 / while closing: ${messageOf(error)}`));
  }
};
