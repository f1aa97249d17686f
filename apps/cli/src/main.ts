import { CommanderError } from 'commander';
import { CliError, messageOf } from './errors';
import { createProgram } from './program';

/*
 * The entry point `bin/xinfang.js` loads. A user's mistake (a CliError) is one line on stderr and a
 * non-zero exit; anything else is a bug, shown as one line too, with the stack only when XINFANG_DEBUG is set.
 */

const main = async (argv: readonly string[]): Promise<void> => {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (or the help) already.
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`错误 / error: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    if (process.env.XINFANG_DEBUG) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stderr.write(`意外错误 / unexpected error: ${messageOf(error)}${process.env.XINFANG_DEBUG ? '' : ' (XINFANG_DEBUG=1 shows the stack)'}\n`);
    process.exitCode = 70;
  }
};

await main(process.argv);
