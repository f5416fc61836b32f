/** What the driver's errors mean to the rest of the server, decided in one place. */

/** A unique index refused the write: the document (or a retry of it) is already there. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/** Index → error code of an unordered bulk insert's failed items; undefined when it is not a bulk error. */
export function writeErrorsOf(error: unknown): Map<number, number> | undefined {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return undefined;
  const list = (error as { writeErrors: unknown }).writeErrors;
  const items = Array.isArray(list) ? list : [list];
  const codes = new Map<number, number>();
  for (const item of items as Array<{ index?: number; code?: number; err?: { index?: number; code?: number } }>) {
    const index = item.index ?? item.err?.index;
    const code = item.code ?? item.err?.code;
    if (typeof index === 'number') codes.set(index, typeof code === 'number' ? code : -1);
  }
  return codes;
}

/** The driver's names for "could not reach the database or lost it mid-call". */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
  'PoolClosedError',
  'MongoServerClosedError',
]);
/** Socket errors that surface without the driver's wrapping (seen when the embedded database is killed). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ETIMEDOUT']);

/**
 * The database could not be reached or went away during the call: the caller gets
 * `db.unavailable` (HTTP 503, or the socket ack's error), which clients retry, instead of a generic
 * internal error. Looks through `cause` chains, as the driver wraps socket errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
