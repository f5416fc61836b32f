import { LivenessPrompt } from '../../shared/schemas/liveness.js';
import { ApiError } from './api-error.js';
import type { LivenessApi, LivenessOutcome } from './api/liveness-api.js';
import type { FocalNetSocket } from './socket.js';

/**
 * Calls `onPrompt` for each liveness prompt the server pushes (also those still open when the
 * socket connects). Prompts that do not match the shared schema are dropped. Returns the unsubscribe.
 */
export function onLivenessPrompt(socket: FocalNetSocket, onPrompt: (prompt: LivenessPrompt) => void): () => void {
  const listener = (raw: unknown): void => {
    const parsed = LivenessPrompt.safeParse(raw);
    if (parsed.success) onPrompt(parsed.data);
  };
  socket.on('liveness:prompt', listener);
  return () => {
    socket.off('liveness:prompt', listener);
  };
}

/**
 * Signs the prompt with the unlocked identity key and answers with the `liveness:ack` event; an
 * error acknowledgement becomes an ApiError with the server's code, a missing one `client.network`.
 */
export async function answerLivenessPrompt(
  liveness: Pick<LivenessApi, 'sign'>,
  socket: FocalNetSocket,
  prompt: LivenessPrompt,
  timeoutMs = 5_000,
): Promise<LivenessOutcome> {
  const ack = await liveness.sign(prompt);
  let result;
  try {
    result = await socket.timeout(timeoutMs).emitWithAck('liveness:ack', ack);
  } catch {
    throw new ApiError(0, 'client.network', 'the server did not acknowledge the answer in time');
  }
  // A socket acknowledgement has no HTTP status: 0, as for answers that never came.
  if (!result.ok)
    throw new ApiError(0, result.error.code, result.error.message, result.error.issues ?? [], result.error.requestId);
  return result.data.outcome;
}
