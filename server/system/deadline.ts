import { AppError } from '../../shared/errors.js';

/** How long one batched database call may take before its callers are failed (they retry). */
export const DATABASE_CALL_DEADLINE_MS = 20_000;

/**
 * `call`'s outcome, or a `db.unavailable` error once `ms` have passed. The driver's own timeouts
 * do not cover every case: after the embedded database was killed, a read was seen to never
 * settle, and the batcher waiting on it held every later send forever. The call itself may still
 * finish later; whatever waits on a batch must be able to give up on it and go on.
 */
export async function withDeadline<T>(call: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError('db.unavailable', `${what} got no answer from the database within ${ms / 1000} s: try again`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}
