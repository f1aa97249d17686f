import pino, { type Logger } from 'pino';

/** A line for people, on stdout. */
export const say = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

/** A line about the run (warnings, progress notes), on stderr, so that stdout stays the result. */
export const note = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** The app's JSON log, on stderr (stdout is for people); `LOG_LEVEL` overrides the level. */
export const stderrLogger = (level: string): Logger =>
  pino({ level: process.env.LOG_LEVEL ?? level }, pino.destination({ fd: 2, sync: true }));
