import { LivenessAck } from '../../shared/schemas/liveness.js';
import type { LivenessDeps } from '../modules/liveness/liveness-deps.js';
import { answerLivenessCheck, openPrompts } from '../modules/liveness/run-liveness-check.js';
import type { SocketModule } from './gateway.js';
import { handleEvent } from './handle-event.js';
import type { SocketSession } from './socket-auth.js';

/** Liveness over the socket: prompts waiting for this person on connect, signed answers back. */
export function livenessEvents(deps: LivenessDeps): SocketModule {
  return (socket, context) => {
    handleEvent(socket, context, 'liveness:ack', LivenessAck, (input, actor) =>
      answerLivenessCheck(deps, actor, input.checkId, input.signature),
    );
    const session = socket.data as SocketSession;
    if (session.user.role !== 'focal-point') return;
    openPrompts(deps, session.user).then(
      (prompts) => {
        for (const prompt of prompts) socket.emit('liveness:prompt', prompt);
      },
      (error: unknown) => context.logger.error({ err: error }, 'could not deliver open liveness prompts'),
    );
  };
}
