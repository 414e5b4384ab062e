// FNV-1a 32-bit hashing, incremental, for tape and depth hashes (hex output).

export const FNV_OFFSET = 0x811c9dc5;

/** Folds the characters of `text` (code units below 256 as bytes) into an FNV-1a hash. */
export function fnv1a(text: string, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Folds one 32-bit word (4 bytes, little-endian) into an FNV-1a hash (unrolled: it runs for every
 * field of every trade). Returns the hash as a signed 32-bit integer (the same bits; `hex32` or
 * `>>> 0` reads it unsigned): a value V8 keeps unboxed, where an unsigned one above 2^31 would be
 * a fresh heap number at every call it does not inline.
 */
export function fnv1aWord(word: number, hash: number): number {
  let h = Math.imul(hash ^ (word & 0xff), 0x01000193);
  h = Math.imul(h ^ ((word >>> 8) & 0xff), 0x01000193);
  h = Math.imul(h ^ ((word >>> 16) & 0xff), 0x01000193);
  return Math.imul(h ^ (word >>> 24), 0x01000193);
}

export function hex32(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
