import { describe, expect, it } from 'vitest';
import { displayWidth, LINE_HEIGHT_PT, rowHeightFor, wrappedLines } from './text-lines';

describe('wrapped lines', () => {
  it('counts a Chinese character, a full-width comma and bracket as two units, Latin and digits as one', () => {
    expect(displayWidth('邻里纠纷')).toBe(8);
    expect(displayWidth('张三，（男）')).toBe(12);
    expect(displayWidth('abc 123')).toBe(7);
    expect(displayWidth('𠀋')).toBe(2);
  });

  it('breaks a line where it overflows its column (one unit is the padding), and at each newline', () => {
    // 30 wide holds 29 units: 14 Chinese characters a line.
    expect(wrappedLines('邻'.repeat(14), 30)).toBe(1);
    expect(wrappedLines('邻'.repeat(15), 30)).toBe(2);
    expect(wrappedLines('邻'.repeat(43), 30)).toBe(3);
    expect(wrappedLines('张三 158****9011\n李四 139****1111', 24)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('a\n\nb', 10)).toBe(3);
  });

  it('makes a row 15 points a line, plus 3', () => {
    expect(LINE_HEIGHT_PT).toBe(15);
    expect(rowHeightFor(1)).toBe(18);
    expect(rowHeightFor(4)).toBe(63);
    expect(rowHeightFor(0)).toBe(18);
  });
});
