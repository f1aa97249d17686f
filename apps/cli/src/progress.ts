import cliProgress from 'cli-progress';

/*
 * A progress bar on stderr (stdout stays the result). cli-progress draws only on a terminal; in a pipe or a
 * test it stays silent and the commands print their summary lines alone.
 */

export interface Bar {
  readonly update: (value: number, total: number) => void;
  readonly stop: () => void;
}

export const progressBar = (label: string, unit: string): Bar => {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
      hideCursor: true,
      stream: process.stderr,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (value, total) => {
      if (!started) {
        bar.start(total, value);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(value);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
};
