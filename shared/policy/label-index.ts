import { CATEGORY_CODES, CLASSIFICATIONS, DOMAIN_CODES, EXCHANGE_KINDS, type ExchangeKind, type Labels } from '../schemas/labels.js';

/** Number of (domain, category, classification) buckets a compiled policy keeps per direction. */
export const BUCKET_COUNT = DOMAIN_CODES.length * CATEGORY_CODES.length * CLASSIFICATIONS.length;

/** Bitmask with one bit per exchange kind (10 kinds fit easily in 31 bits). */
export const ALL_KINDS_MASK = (1 << EXCHANGE_KINDS.length) - 1;

function indexOf<T extends string>(codes: readonly T[]): ReadonlyMap<string, number> {
  return new Map(codes.map((code, i) => [code, i]));
}

const DOMAIN_INDEX = indexOf(DOMAIN_CODES);
const CATEGORY_INDEX = indexOf(CATEGORY_CODES);
const CLASSIFICATION_INDEX = indexOf(CLASSIFICATIONS);
const KIND_INDEX = indexOf(EXCHANGE_KINDS);

function lookup(index: ReadonlyMap<string, number>, code: string, what: string): number {
  const i = index.get(code);
  // Unparsed input must fail closed, never fall into some bucket.
  if (i === undefined) throw new TypeError(`policy engine: unknown ${what} "${code}"`);
  return i;
}

/** Bucket number of a (domain, category, classification) triple. */
export function bucketOf(domain: string, category: string, classification: string): number {
  const d = lookup(DOMAIN_INDEX, domain, 'domain');
  const c = lookup(CATEGORY_INDEX, category, 'category');
  const k = lookup(CLASSIFICATION_INDEX, classification, 'classification');
  return (d * CATEGORY_CODES.length + c) * CLASSIFICATIONS.length + k;
}

/** Bucket number of the labels of an exchange. */
export function bucketOfLabels(labels: Labels): number {
  return bucketOf(labels.domain, labels.category, labels.classification);
}

/** The bit of one exchange kind. */
export function kindBit(kind: ExchangeKind): number {
  return 1 << lookup(KIND_INDEX, kind, 'exchange kind');
}

/** The bitmask of a kinds scope list; every kind when the list is omitted. */
export function kindMask(kinds: readonly ExchangeKind[] | undefined): number {
  return kinds === undefined ? ALL_KINDS_MASK : kinds.reduce((mask, kind) => mask | kindBit(kind), 0);
}
