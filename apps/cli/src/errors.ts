/**
 * A mistake of the person at the keyboard (a bad option, a missing store, a refused request) or a finding
 * the command reports by failing (a broken hash chain). `main` prints its message as one line, without a
 * stack, and exits with `exitCode`.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The message of anything thrown, for one line of output. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
