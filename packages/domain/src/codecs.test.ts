import { describe, expect, it } from 'vitest';
import { isRight } from 'fp-ts/Either';
import { Id, Text, TEXT_MAX_LENGTH, boundedArray } from './codecs';
import { decodeWith } from './validation';

describe('Text', () => {
  it.each([
    ['a lone low surrogate', '姓名\udc00'],
    ['a lone high surrogate at the end', '姓名\ud842'],
    ['a NUL', 'a\u0000b'],
    ['an escape', '\u001b[31m'],
    ['a DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
    ['blank text', ' \t\n'],
    [`${TEXT_MAX_LENGTH + 1} code points`, '𠀀'.repeat(TEXT_MAX_LENGTH + 1)],
  ])('refuses %s', (_what, value) => {
    expect(Text.is(value)).toBe(false);
    expect(isRight(Text.decode(value))).toBe(false);
  });

  it.each([
    ['a pair (one code point outside the BMP)', '𠮷野家'],
    ['tab, LF and CR', '第一行\t甲\r\n第二行'],
    [`${TEXT_MAX_LENGTH} code points in ${2 * TEXT_MAX_LENGTH} UTF-16 units`, '𠀀'.repeat(TEXT_MAX_LENGTH)],
  ])('takes %s', (_what, value) => {
    expect(Text.is(value)).toBe(true);
  });

  it('names the field and says why', () => {
    const decoded = decodeWith(boundedArray(Id, { minItems: 0, maxItems: 2 }, 'Ids'), ['a', 'b', 'c']);
    expect(decoded).toEqual({
      _tag: 'Left',
      left: [{ path: '(body)', message: '应为 0–2 项 / expected 0–2 items' }],
    });
    const text = decodeWith(Text, 'x\udc00');
    expect(text._tag === 'Left' && text.left[0]?.message).toContain('ill-formed Unicode');
  });
});

describe('boundedArray', () => {
  it('takes minItems to maxItems items, and names an item that is bad by its index', () => {
    const ids = boundedArray(Id, { minItems: 1, maxItems: 3 }, 'Ids');
    expect([[], ['a'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']].map((v) => ids.is(v))).toEqual([false, true, true, false]);
    expect(decodeWith(ids, ['a', 'b c'])).toMatchObject({ left: [{ path: '1' }] });
  });
});
