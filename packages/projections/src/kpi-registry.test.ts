import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kpiLines, kpiRegistry, targetText, verdictOf } from './kpi-registry';
import { kpis } from './kpis';
import { emptyWorld } from './world';

/*
 * The registry is the one list of the KPIs: the answer of `GET /kpis` has exactly its keys, in its order,
 * every judged figure it names is in the answer, and every KPI of REPORTS.md's table is one of them.
 */

const view = { asOf: '2024-10-15T23:59:59.999+08:00', knownAt: '2024-10-15T23:59:59.999+08:00' };
const answer = kpis(emptyWorld(), view, { from: '2024-09-15', to: '2024-10-15' });

/** A figure of the answer by its dotted key. */
const at = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], answer);

describe('the KPI registry', () => {
  it('is what GET /kpis answers: its keys, in its order, and whether a provisional year was used', () => {
    expect(Object.keys(answer)).toEqual([...kpiRegistry.map((d) => d.key), 'provisional', 'provisionalYears']);
  });

  it('names, for every judged figure, one that is in the answer: a count or a rate', () => {
    const lines = kpiLines(answer);
    expect(lines.map((l) => l.key)).toEqual([
      'volume.total',
      'visits.batches',
      'escalations.total',
      'repeatPetitions.total',
      'firstPetitionOneTimeResolution',
      'timelyAcceptance',
      'onTimeResolution',
      'satisfaction',
      'participation',
      'packageResolution',
      'backlog.open',
      'backlog.resolution',
      'resolutionLevels.keptBelowAbove',
      'receptionCompliance.principalWeekly',
      'receptionCompliance.dailyDuty',
      'receptionCompliance.firstGridLeaderWeekly',
      'receptionCompliance.announcedAhead',
      'screeningReports',
      'incidents.total',
    ]);
    for (const line of lines) {
      const figure = at(line.key);
      if ('count' in line.figure) expect(figure, line.key).toBe(line.figure.count);
      else if ('required' in (figure as object)) expect(figure, line.key).toMatchObject({ fulfilled: line.figure.numerator, required: line.figure.denominator });
      else expect(figure, line.key).toEqual(line.figure);
    }
    expect(new Set(lines.map((l) => l.label)).size).toBe(lines.length);
  });

  it('computes every KPI of the table in REPORTS.md, in its order', () => {
    const text = readFileSync(fileURLToPath(new URL('../../../docs/REPORTS.md', import.meta.url)), 'utf8');
    const section = text.slice(text.indexOf('## KPIs'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| key |')));
    const keys = [...table.matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThanOrEqual(16);
    // A KPI added later comes with its entry here, its computation and its test; REPORTS.md's table is the contract's.
    expect(kpiRegistry.map((d) => d.key).filter((key) => keys.includes(key))).toEqual(keys);
  });

  it('judges a figure against its target in words', () => {
    const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });
    expect(targetText({ kind: 'atLeast', share: 0.99 })).toBe('≥ 99%');
    expect(targetText({ kind: 'atLeast', share: 1 })).toBe('100%');
    expect(targetText({ kind: 'falling' })).toBe('下降');
    expect(targetText({ kind: 'falling' }, 'en')).toBe('falling');
    expect(verdictOf({ kind: 'atLeast', share: 0.99 }, rate(99, 100))).toBe('met');
    expect(verdictOf({ kind: 'atLeast', share: 0.99 }, rate(98, 100))).toBe('unmet');
    expect(verdictOf({ kind: 'atLeast', share: 1 }, rate(0, 0))).toBe('none');
    expect(verdictOf({ kind: 'zero' }, { count: 0 })).toBe('met');
    expect(verdictOf({ kind: 'zero' }, { count: 1 })).toBe('unmet');
    expect(verdictOf({ kind: 'falling' }, { count: 4 })).toBe('none');
    expect(verdictOf({ kind: 'falling' }, { count: 4 }, { count: 5 })).toBe('met');
    expect(verdictOf({ kind: 'falling' }, { count: 5 }, { count: 5 })).toBe('unmet');
    expect(verdictOf({ kind: 'falling' }, { count: 0 }, { count: 0 })).toBe('met');
    expect(verdictOf({ kind: 'none' }, { count: 7 })).toBe('none');
  });
});
