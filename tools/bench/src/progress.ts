/* What the bench is doing, on stderr (the report goes to a file). */

const started = Date.now();

export const progress = (message: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}\n`);
};
