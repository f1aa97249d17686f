import { describe, expect, it } from 'vitest';
import { localDay, localTime } from './local-time';

describe('local time on the pages', () => {
  it('shows an instant in Asia/Shanghai as YYYY-MM-DD HH:mm, whatever its offset', () => {
    expect(localTime('2026-12-03T07:01:30.450Z')).toBe('2026-12-03 15:01');
    expect(localTime('2024-09-18T09:30:00+08:00')).toBe('2024-09-18 09:30');
    expect(localTime('2024-09-18T20:00:00Z')).toBe('2024-09-19 04:00');
    expect(localTime('2024-12-31T23:59:59.999+08:00')).toBe('2024-12-31 23:59');
  });

  it('keeps text that is not an instant, and reads days', () => {
    expect(localTime('—')).toBe('—');
    expect(localDay('2024-09-18')).toBe('2024-09-18');
    expect(localDay('2024-09-18T16:00:00Z')).toBe('2024-09-19');
  });
});
