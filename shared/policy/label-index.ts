import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  DOMAIN_CODE_PATTERN,
  EXCHANGE_KINDS,
  type ExchangeKind,
  type Labels,
} from '../schemas/labels.js';

/**
 * Number of (category, classification) buckets a compiled policy keeps per domain and direction.
 * Domains are open (added by network decision), so they key a map instead (compile-policy.ts).
 */
export const BUCKET_COUNT = CATEGORY_CODES.length * CLASSIFICATIONS.length;

/** Bitmask with one bit per exchange kind (10 kinds fit easily in 31 bits). */
export const ALL_KINDS_MASK = (1 << EXCHANGE_KINDS.length) - 1;

function indexOf<T extends string>(codes: readonly T[]): ReadonlyMap<string, number> {
  return new Map(codes.map((code, i) => [code, i]));
}

const CATEGORY_INDEX = indexOf(CATEGORY_CODES);
const CLASSIFICATION_INDEX = indexOf(CLASSIFICATIONS);
const KIND_INDEX = indexOf(EXCHANGE_KINDS);

function lookup(index: ReadonlyMap<string, number>, code: string, what: string): number {
  const i = index.get(code);
  // Unparsed input must fail closed, never fall into some bucket.
  if (i === undefined) throw new TypeError(`policy engine: unknown ${what} "${code}"`);
  return i;
}

/** Bucket number of a (category, classification) pair. */
export function bucketOf(category: string, classification: string): number {
  const c = lookup(CATEGORY_INDEX, category, 'category');
  const k = lookup(CLASSIFICATION_INDEX, classification, 'classification');
  return c * CLASSIFICATIONS.length + k;
}

/** A well-formed domain code, or a TypeError: malformed input fails closed. */
export function checkedDomain(domain: string): string {
  if (!DOMAIN_CODE_PATTERN.test(domain)) throw new TypeError(`policy engine: unknown domain "${domain}"`);
  return domain;
}

/** Domain and bucket number of the labels of an exchange. */
export function bucketOfLabels(labels: Labels): { domain: string; bucket: number } {
  return { domain: checkedDomain(labels.domain), bucket: bucketOf(labels.category, labels.classification) };
}

/** The bit of one exchange kind. */
export function kindBit(kind: ExchangeKind): number {
  return 1 << lookup(KIND_INDEX, kind, 'exchange kind');
}

/** The bitmask of a kinds scope list; every kind when the list is omitted. */
export function kindMask(kinds: readonly ExchangeKind[] | undefined): number {
  return kinds === undefined ? ALL_KINDS_MASK : kinds.reduce((mask, kind) => mask | kindBit(kind), 0);
}
