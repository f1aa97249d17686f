import { Command, Option } from 'commander';
import { DEFAULT_STORE, STORE_ENV } from './store-location';

/** `xinfang export --form N`: the numbers of the ledger table's forms. */
export const FORM_NUMBERS = ['1', '2', '3', '4'] as const;

/*
 * The `xinfang` command and its subcommands, each with `--help`. Only the definitions live here: each
 * action is imported when it runs, so `--help` or `verify` do not load the whole app.
 */

/** The projections `rebuild` knows (checked against the runner's list by a test). */
export const PROJECTION_NAMES = ['aggregates', 'dutyIndex', 'personIndex', 'streamBounds', 'streamHeads', 'logBounds'] as const;

/** Every command takes `--store` (or XINFANG_STORE). */
const withStore = (command: Command): Command =>
  command.addOption(
    new Option('--store <store>', '存储 / the store: sqlite:PATH, or postgres://…[?schema=NAME&local=DIR] (read models and app database in DIR, default ./data/pg-NAME; backup, restore and demo take SQLite only)')
      .env(STORE_ENV)
      .default(DEFAULT_STORE),
  );

const AS_OF = ['--as-of <date|instant>', '业务时间截至（默认现在）/ business time: as things stood then (default now)'] as const;
const KNOWN_AT = ['--known-at <date|instant>', '录入时间截至（默认现在）/ recording time: what the system knew then (default now)'] as const;

export const createProgram = (): Command => {
  const program = new Command('xinfang')
    .description(
      'xinfang 信访：信访办的服务、令牌、演示数据、案件回放、日志校验、读模型重建与台账导出\n' +
        "the petition office's server, tokens, demo data, case replay, log verification, read-model rebuilds and form exports",
    )
    .helpCommand('help [command]', '显示命令帮助 / help for a command')
    .helpOption('-h, --help', '显示帮助 / show help')
    .showHelpAfterError('（加 --help 查看用法 / add --help for usage）')
    .showSuggestionAfterError(true)
    // Before the subcommands are added, so that they inherit it: main decides the exit code.
    .exitOverride();

  withStore(
    program
      .command('serve')
      .summary("启动信访办的服务（API 与网页）/ serve the office's app: the HTTP API and the web pages")
      .description(
        "启动信访办的服务（API 与网页）/ serve the office's app: the HTTP API and the web pages.\n" +
          '存储中还没有任何令牌时，创建一个 office 令牌并打印带令牌的登录网址，仅此一次。\n' +
          'When the store has no token at all, makes one office token and prints a login URL carrying it, once.',
      )
      .addOption(new Option('--port <port>', '端口 / port (0: any free port)').env('PORT').default('3000'))
      .addOption(
        new Option('--host <host>', '监听地址，默认只对本机开放 / address to listen on (only this machine by default)')
          .env('HOST')
          .default('127.0.0.1'),
      ),
  ).action(async (options: { port: string; host: string; store: string }) => (await import('./actions/serve')).serve(options));

  const token = program
    .command('token')
    .summary('管理 API 令牌 / manage API tokens')
    .description('管理 API 令牌（只保存哈希）/ create, list and revoke the API\'s bearer tokens (stored hashed)');
  withStore(
    token
      .command('create')
      .description('创建令牌；令牌单独打印在最后一行，只显示这一次 / make a token; it is printed alone on the last line, once')
      .requiredOption('--role <role>', '角色 / role: office | auditor | inspector | community:<communityId> | leader:<leaderId>')
      .option('--name <name>', '名称，如持有人 / a name, e.g. who holds it'),
  ).action(async (options: { role: string; name?: string; store: string }) => (await import('./actions/token')).tokenCreate(options));
  withStore(token.command('list').description('列出令牌（从不显示令牌本身）/ list the tokens (never their secrets)')).action(
    async (options: { store: string }) => (await import('./actions/token')).tokenList(options),
  );
  withStore(
    token
      .command('revoke')
      .description('吊销令牌，立即生效 / revoke a token, at once')
      .argument('<id>', "令牌编号，见 token list / the token's id, from token list"),
  ).action(async (id: string, options: { store: string }) => (await import('./actions/token')).tokenRevoke(id, options));

  withStore(
    program
      .command('demo')
      .summary('载入演示活动数据 / load a realistic demo campaign')
      .description(
        '载入一次逼真的演示活动数据：逐条经由 API 重放，业务时间与录入时间如实。服务运行时也可载入同一存储。\n' +
          'Loads a realistic demo campaign by replaying its requests through the API, with their recording times; ' +
          'a server may be using the same store meanwhile.',
      )
      .option('--seed <n>', '随机种子：同一种子生成同样的数据 / the seed: the same seed makes the same data', '2024')
      .option('--scale <n>', '规模倍数，如 0.1 或 2 / the size, e.g. 0.1 or 2', '1')
      .option('--force', '存储中已有事件时仍然载入 / load even when the store already holds events'),
  ).action(async (options: { seed: string; scale: string; force?: boolean; store: string }) => (await import('./actions/demo')).demo(options));

  withStore(
    program
      .command('replay')
      .summary('回放一个信访事项 / replay a case')
      .description(
        "按时间回放一个信访事项的经过（业务时间、录入时间、发生了什么），及其当时的状态 / a case's history as a timeline " +
          '(business time, recording time, what happened) and its state as of then',
      )
      .argument('<caseId>', '信访事项编号 / the case id')
      .option(...AS_OF)
      .option(...KNOWN_AT),
  ).action(async (caseId: string, options: { asOf?: string; knownAt?: string; store: string }) =>
    (await import('./actions/replay')).replay(caseId, options),
  );

  withStore(
    program
      .command('verify')
      .description('校验整个事件日志的哈希链，损坏时退出码为 1 / check the hash chain over the whole log; exit code 1 when broken')
      .option(
        '--expect <position:hash>',
        '此前记下的末尾（如 verify、导出或备份所打印），日志须仍在该位置有该哈希 / a head noted earlier (as verify, an export or a backup printed it): the log must still have this hash there',
      ),
  ).action(async (options: { store: string; expect?: string }) => (await import('./actions/verify')).verify(options));

  withStore(
    program
      .command('backup')
      .description(
        '在线备份日志与应用数据库（服务可继续运行），并打印日志末尾 / back up the log and the app database online ' +
          '(the server may keep running), with a manifest; prints the log head',
      )
      .requiredOption('--to <dir>', '备份目录（须为空或不存在）/ the backup folder (empty or new)'),
  ).action(async (options: { store: string; to: string }) => {
    await (await import('./actions/backup')).backup(options);
  });

  withStore(
    program
      .command('restore')
      .description('从备份恢复存储（请先停止服务）；读模型随后重建 / restore a store from a backup (stop the server first); read models are rebuilt')
      .requiredOption('--from <dir>', '备份目录 / the backup folder')
      .option('--force', '覆盖已有的存储 / overwrite an existing store'),
  ).action(async (options: { store: string; from: string; force?: boolean }) => (await import('./actions/backup')).restore(options));

  program
    .command('migrate')
    .description(
      '把整个日志（及应用数据库）复制到另一个存储，保留顺序、编号、时间与哈希；中断后再运行即接续 / copy a whole log ' +
        '(and the app database) into another store, keeping order, ids, times and hashes; run it again after an interruption to go on',
    )
    .requiredOption('--from <store>', '源存储 / the store to copy: sqlite:PATH or postgres://…[?schema=NAME]')
    .requiredOption('--to <store>', '目标存储 / the store to copy into: sqlite:PATH or postgres://…[?schema=NAME]')
    .option('--batch <n>', '每批事件数（一批一个事务）/ events per batch (one transaction each)', '2000')
    .action(async (options: { from: string; to: string; batch?: string }) => {
      await (await import('./actions/migrate')).migrate(options);
    });

  withStore(
    program
      .command('rebuild')
      .summary('从日志重建读模型（请先停止服务）/ rebuild read models from the log (stop the server first)')
      .description(
        '从日志重建读模型，显示进度；请先停止使用该存储的服务。\n' +
          'Throws read models away and builds them again from the log, with a progress bar; stop the server using the store first.',
      )
      .addOption(new Option('--projection <name>', '只重建这一个（默认全部）/ only this one (default: all)').choices(PROJECTION_NAMES)),
  ).action(async (options: { projection?: string; store: string }) => (await import('./actions/rebuild')).rebuild(options));

  withStore(
    program
      .command('export')
      .summary('导出官方表格（附件1–4）/ export an official form (附件1–4) as CSV or XLSX')
      .description(
        '导出官方表格 / export an official form as CSV or XLSX, from the log as of a date:\n' +
          '  1 附件1 矛盾纠纷排查化解清单        2 附件2 信访积案和突出问题化解清单\n' +
          '  3 附件3 领导干部接待群众来访登记表  4 附件4 领导接访安排表',
      )
      // The numbers of the ledger table (@xinfang/reports), written out: loading the reports (exceljs) here would
      // cost every start of the CLI 0.55 s. program.test.ts checks they are the table's.
      .addOption(new Option('--form <n>', '表格 / the form').choices(FORM_NUMBERS).makeOptionMandatory())
      .addOption(new Option('--format <format>', '格式 / the format').choices(['csv', 'xlsx']).makeOptionMandatory())
      .option(...AS_OF)
      .option(...KNOWN_AT)
      .option('--community <id>', '只导出该社区（附件4 为单位，subdistrict 即街道）/ one community only (form 4: the unit; subdistrict for the 街道)')
      .option('--from <date>', '起始日期（附件1、3、4）/ first day (forms 1, 3, 4)')
      .option('--to <date>', '截止日期，含当天（附件1、3、4）/ last day, included (forms 1, 3, 4)')
      .option('--out <file>', '输出文件，- 为标准输出；默认如 附件1-2024-10-15.xlsx / the output file (- for stdout); default e.g. 附件1-2024-10-15.xlsx'),
  ).action(
    async (options: {
      form: '1' | '2' | '3' | '4';
      format: 'csv' | 'xlsx';
      asOf?: string;
      knownAt?: string;
      community?: string;
      from?: string;
      to?: string;
      out?: string;
      store: string;
    }) => (await import('./actions/export')).exportForm(options),
  );

  const report = program.command('report').description('工作报告 / written reports');
  withStore(
    report
      .command('campaign')
      .description('专项工作总结（Word 文档）：指标及环比、积案化解、排查与接访缺项、社区考核 / the campaign summary as a Word document')
      .requiredOption('--from <date>', '起始日期 / first day')
      .requiredOption('--to <date>', '截止日期，含当天 / last day, included')
      .option(...AS_OF)
      .option(...KNOWN_AT)
      .option('--out <file>', '输出文件；默认 信访工作总结-FROM-TO.docx / the output file'),
  ).action(async (options: { from: string; to: string; asOf?: string; knownAt?: string; out?: string; store: string }) =>
    (await import('./actions/report')).reportCampaign(options),
  );

  withStore(
    program
      .command('notice <caseId>')
      .description('出具书面告知（Word 文档）并记入事项，或重印已出具的 / print a written notice of a case (recorded on it), or print one again')
      .option('--kind <kind>', 'acceptance 受理 | rejection 不予受理 | transfer 转送交办 | extension 延期 | opinion 处理意见 | review 复查复核')
      .option('--number <n>', '重印该事项第 n 份告知书，不再记录 / print the case’s nth notice again, recording nothing')
      .option('--at <time>', '告知时间（默认现在）/ when it is given (default now)')
      .option('--by <name>', '出具人（默认 命令行 + 系统用户名）/ who prints it')
      .option('--out <file>', '输出文件 / the output file'),
  ).action(async (caseId: string, options: { kind?: string; number?: string; at?: string; by?: string; out?: string; store: string }) =>
    (await import('./actions/notice')).notice(caseId, options),
  );

  return program;
};
