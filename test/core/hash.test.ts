// FNV-1a 32-bit matches published test vectors, folds incrementally, and fnv1aWord hashes the word's 4 little-endian bytes.
import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnv1a, fnv1aWord, hex32 } from '../../src/core/hash.ts';

describe('fnv1a', () => {
  it('matches the FNV-1a 32-bit reference vectors', () => {
    expect(FNV_OFFSET).toBe(0x811c9dc5);
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('folds incrementally: hashing in pieces equals hashing the whole', () => {
    expect(fnv1a('bar', fnv1a('foo'))).toBe(fnv1a('foobar'));
    expect(fnv1a('', fnv1a('xyz'))).toBe(fnv1a('xyz'));
  });

  it('fnv1aWord equals fnv1a over the four little-endian bytes', () => {
    for (const w of [0, 1, 0xff, 0x12345678, 0xdeadbeef, -1, 0x80000000]) {
      const u = w >>> 0;
      const bytes = String.fromCharCode(u & 0xff, (u >>> 8) & 0xff, (u >>> 16) & 0xff, u >>> 24);
      expect(fnv1aWord(w, FNV_OFFSET) >>> 0).toBe(fnv1a(bytes));
      expect(fnv1aWord(w, 12345) >>> 0).toBe(fnv1a(bytes, 12345));
      expect(fnv1aWord(w, FNV_OFFSET) | 0).toBe(fnv1aWord(w, FNV_OFFSET)); // a signed 32-bit value
    }
    expect(fnv1aWord(0x12345678, FNV_OFFSET)).not.toBe(fnv1aWord(0x78563412, FNV_OFFSET));
  });

  it('hex32 pads to 8 lowercase hex digits and treats the input as unsigned', () => {
    expect(hex32(0)).toBe('00000000');
    expect(hex32(0xabc)).toBe('00000abc');
    expect(hex32(-1)).toBe('ffffffff');
    expect(hex32(fnv1a('a'))).toBe('e40c292c');
  });
});
