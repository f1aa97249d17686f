import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Section } from './figure';

/*
 * The sections measured on a dataset, kept beside it in the cache (`sections.json`), each with when and at
 * which commit it was measured: with `--keep`, a run of some sections (`--only`) writes a report that also
 * holds the others as last measured on the same dataset, marked as such — so a long run at a million
 * events can be made a few sections at a time.
 */

export interface KeptSection {
  readonly section: Section;
  readonly measuredAt: string;
  readonly commit: string;
  readonly rounds: number;
}

const fileOf = (datasetDir: string): string => resolve(datasetDir, 'sections.json');

export const loadKept = (datasetDir: string): Record<string, KeptSection> => {
  const file = fileOf(datasetDir);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, KeptSection>;
  } catch {
    return {};
  }
};

/** Records `kept` under its section's name; a failed section does not replace a measured one. */
export const saveKept = (datasetDir: string, kept: KeptSection): void => {
  const all = loadKept(datasetDir);
  const previous = all[kept.section.name];
  if (kept.section.unmeasured !== undefined && previous !== undefined && previous.section.unmeasured === undefined) return;
  all[kept.section.name] = kept;
  writeFileSync(fileOf(datasetDir), `${JSON.stringify(all, null, 1)}\n`);
};

/** A kept section as the report shows it: its title says when and where it was measured. */
export const asKept = (kept: KeptSection): Section => ({
  ...kept.section,
  title: `${kept.section.title} (kept from a run of ${kept.measuredAt.slice(0, 16).replace('T', ' ')} UTC, commit ${kept.commit}, ${kept.rounds} rounds)`,
});
