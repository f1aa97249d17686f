import { jobs } from './jobs';

/*
 * The child side of `runJob`: `probe.ts JOB ARGS_JSON` runs one job and prints its result as the last line
 * of stdout, with the process's peak RSS. Nothing else of the bench runs in the measured process.
 */

const [name, argsJson] = process.argv.slice(2);
const job = name === undefined ? undefined : jobs[name];
if (job === undefined) {
  process.stderr.write(`probe: no job "${String(name)}"; expected one of ${Object.keys(jobs).join(', ')}\n`);
  process.exit(2);
}
const result = await job(JSON.parse(argsJson ?? '{}') as Record<string, unknown>);
if (result !== undefined) {
  process.stdout.write(`\n${JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
// A store's poll timer or a pool may keep the loop alive: the job is done.
process.exit(0);
