/** Smallest padded payload: short messages (most of them) all look alike. */
export const MIN_PADDED_BYTES = 256;

/**
 * Padmé length (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs", 2019): rounds up by dropping the low bits of the mantissa, so it
 * leaks O(log log L) bits of the length with at most 12 % overhead. Chosen over powers of two,
 * which leak slightly less but can double a 28-recipient fan-out's size and storage.
 */
export function padmeLength(length: number): number {
  if (length < 2) return length;
  const exponent = Math.floor(Math.log2(length));
  const mantissaBits = Math.floor(Math.log2(exponent)) + 1;
  const mask = 2 ** (exponent - mantissaBits) - 1;
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/** Bytes of a payload of `length` bytes once padded (ISO/IEC 7816-4 marker, then padmé, at least MIN_PADDED_BYTES). */
export function paddedLength(length: number): number {
  return Math.max(MIN_PADDED_BYTES, padmeLength(length + 1));
}
