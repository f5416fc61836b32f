import type { ErrorCode } from '../../../shared/errors.js';
import type { SendMessageInput, SendMessageResult } from '../../../shared/schemas/messaging.js';
import { ApiError } from '../api-error.js';
import type { FocalNetSocket } from '../socket.js';

export interface RetryOptions {
  /** How long to wait for the server's acknowledgement of one attempt; default 10 s. */
  ackTimeoutMs?: number;
  /** Attempts before giving up with client.network; default 20. */
  maxAttempts?: number;
  /** First pause between attempts, doubled each time up to 5 s; default 250 ms. */
  retryDelayMs?: number;
}

/** Answers that mean "not stored, try again later"; anything else is final. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'db.unavailable',
  // The node is stopping: the socket is moved to another node, where the same envelope is sent again.
  'server.draining',
  'rate.limited',
  'auth.unauthenticated',
]);

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * message:send, repeated with the very same envelope (so the same msgId) until the server
 * acknowledges: the server answers a repeat with the first attempt's id, so a retry after a
 * lost acknowledgement never stores the message twice. While the socket is down, socket.io
 * buffers the emit and each attempt simply times out.
 */
export async function sendUntilAcked(
  socket: FocalNetSocket,
  input: SendMessageInput,
  options: RetryOptions = {},
): Promise<SendMessageResult> {
  const timeoutMs = options.ackTimeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 20;
  let delay = options.retryDelayMs ?? 250;
  let last = 'no answer';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const answer = await socket.timeout(timeoutMs).emitWithAck('message:send', input);
      if (answer.ok) return answer.data;
      if (!RETRYABLE.has(answer.error.code))
        throw new ApiError(
          0,
          answer.error.code,
          answer.error.message,
          answer.error.issues ?? [],
          answer.error.requestId,
          answer.error.details,
        );
      last = answer.error.code;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      last = 'no acknowledgement in time';
    }
    if (attempt < maxAttempts) await pause(delay);
    delay = Math.min(delay * 2, 5_000);
  }
  throw new ApiError(0, 'client.network', `the message was not acknowledged after ${maxAttempts} attempts (${last})`);
}
