/** A set of record positions, one bit each, in 32-bit words. */
export type Bitset = Uint32Array;

export function emptyBits(words: number): Bitset {
  return new Uint32Array(words);
}

export function setBit(bits: Bitset, position: number): void {
  bits[position >>> 5] = (bits[position >>> 5] ?? 0) | (1 << (position & 31));
}

export function hasBit(bits: Bitset, position: number): boolean {
  return ((bits[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0;
}

export function bitsOf(positions: ArrayLike<number>, words: number): Bitset {
  const bits = emptyBits(words);
  for (let i = 0; i < positions.length; i++) setBit(bits, positions[i] ?? 0);
  return bits;
}

/** result &= other (or &= ~other); a missing set matches nothing. */
export function andInto(result: Bitset, other: Bitset | undefined, negate = false): void {
  for (let i = 0; i < result.length; i++) {
    const word = other?.[i] ?? 0;
    result[i] = (result[i] ?? 0) & (negate ? ~word : word);
  }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countBits(bits: Bitset): number {
  let total = 0;
  for (const word of bits) total += popcount(word);
  return total;
}
