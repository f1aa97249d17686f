import type { Dataset } from './dataset';
import type { Figure, Section } from './figure';
import { fmt, ratioText } from './format';
import type { Machine } from './machine';
import type { BenchOptions } from './options';

/* BENCHMARKS.md: the machine, the dataset, a summary of every target, then one table per section. */

const spread = (figure: Figure['subject']): string =>
  figure.stat.n <= 1 ? 'one round' : `${fmt(figure.stat.min)}–${fmt(figure.stat.max)}`;

const metText = (figure: Figure): string => (figure.target === undefined ? '' : figure.target.met ? '**met**' : '**not met**');

const row = (figure: Figure): string =>
  [
    figure.what,
    `${fmt(figure.subject.stat.median)} ${figure.subject.unit}`,
    spread(figure.subject),
    figure.reference === undefined ? '—' : `${figure.reference.label}: ${fmt(figure.reference.stat.median)} ${figure.reference.unit}`,
    figure.reference === undefined ? '—' : spread(figure.reference),
    ratioText(figure.ratio),
    figure.target?.text ?? '—',
    metText(figure),
  ].join(' | ');

const table = (figures: readonly Figure[]): string =>
  [
    '| figure | subject (median) | spread | reference (median) | spread | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${row(f)} |`),
  ].join('\n');

export const renderReport = (input: {
  readonly options: BenchOptions;
  readonly machine: Machine;
  readonly dataset: Dataset;
  readonly sections: readonly Section[];
  readonly started: Date;
  readonly seconds: number;
}): string => {
  const { options, machine, dataset, sections } = input;
  const targets = sections.flatMap((s) => s.figures.filter((f) => f.target !== undefined).map((f) => ({ section: s, figure: f })));
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (tools/bench) on ${input.started.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${fmt(input.seconds / 60, 0)} min; ` +
      `options \`--events ${options.events} --rounds ${options.rounds}${options.only === undefined ? '' : ` --only ${options.only.join(',')}`}\`. ` +
      'Every figure is the median of interleaved rounds (reference, subject, reference, subject …, each in a child process of its own) ' +
      'with its spread (min–max) and its ratio to a reference measured in the same run; a rate ratio is subject / reference.',
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores; ${machine.memoryGb} GB RAM; ${machine.os}; Node ${machine.node}`,
    `- load average at the start: ${machine.loadAverage} (the cores are shared with other work: read the spreads)`,
    `- commit ${machine.commit}`,
    `- ${Object.entries(machine.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`,
    '',
    '## Dataset',
    '',
    `The demo campaign (tools/demo-data, seed ${dataset.generation.seed}) replayed by \`xinfang demo --scale ${dataset.generation.scale}\` into a SQLite store ` +
      `(WAL, synchronous = FULL, keyed hash chain): **${fmt(dataset.events, 0)} events**` +
      `${dataset.events < 1_000_000 ? ` — the issue asks for 1,000,000; this run is at a smaller scale (\`--events ${options.events}\`), so every figure below is at ${fmt(dataset.events, 0)} events` : ''}. ` +
      `Generated at ${fmt(dataset.events / dataset.generation.seconds, 0)} events/s${dataset.fresh ? ' in this run' : ` (cached; generated ${dataset.generation.generatedAt.slice(0, 10)})`}, peak RSS ${fmt(dataset.generation.peakRssMb, 0)} MB.`,
    '',
    '## Targets',
    '',
    '| section | figure | value | target | |',
    '| --- | --- | --- | --- | --- |',
    ...targets.map(
      ({ section, figure }) =>
        `| ${section.title} | ${figure.what} | ${figure.ratio === undefined ? `${fmt(figure.subject.stat.median)} ${figure.subject.unit}` : ratioText(figure.ratio)} | ${figure.target?.text ?? ''} | ${metText(figure)} |`,
    ),
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', section.method, '', table(section.figures), '');
    for (const note of section.notes) lines.push(`- ${note}`);
    if (section.notes.length > 0) lines.push('');
  }
  lines.push('## Running it', '', '```sh', 'npm run bench                      # 1,000,000 events, 3 rounds → BENCHMARKS.md', 'npm run bench -- --events 50000 --rounds 3 --only rebuild,verify', '```', '');
  return `${lines.join('\n')}\n`;
};
