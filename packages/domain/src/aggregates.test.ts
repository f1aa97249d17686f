import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { aggregateOfStream, aggregates } from './aggregates';
import { caseStream } from './case-events';
import { dutyStream } from './duty';
import { screeningStream } from './screening';

describe('the aggregate table', () => {
  it('finds the aggregate of each kind of stream, ids with dashes included', () => {
    expect(aggregateOfStream(caseStream('c-2024-001'))).toBe('case');
    expect(aggregateOfStream(dutyStream('subdistrict', '2024-09-18'))).toBe('duty');
    expect(aggregateOfStream(screeningStream('dongfeng', '2024-09-18'))).toBe('screening');
    expect(aggregateOfStream('person-p1')).toBe('person');
    expect(aggregateOfStream('token-1')).toBeUndefined();
    expect(aggregateOfStream('case')).toBeUndefined();
  });

  it('decodes a stored event with the codec of its aggregate and knows its business time', () => {
    const stored: unknown = { type: 'IncidentRecorded', data: { incidentId: 'i1', type: 'opinionHype', at: '2024-10-02T10:00:00+08:00', summary: '网帖' } };
    const decoded = aggregates.incident.eventCodec.decode(stored);
    expect(isRight(decoded)).toBe(true);
    if (isRight(decoded)) expect(aggregates.incident.eventTime(decoded.right)).toBe('2024-10-02T10:00:00+08:00');
    expect(isRight(aggregates.case.eventCodec.decode(stored))).toBe(false);
  });
});
