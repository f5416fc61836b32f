import { AckInput, FetchBacklogInput, SendMessageInput } from '../../shared/schemas/messaging.js';
import type { MessagingDeps } from '../modules/messaging/messaging-deps.js';
import { acknowledge, fetchBacklog } from '../modules/messaging/receive-messages.js';
import { sendMessage } from '../modules/messaging/send-message.js';
import type { SocketModule } from './gateway.js';
import { handleEvent } from './handle-event.js';
import { performance } from 'node:perf_hooks';
import { secondsSince } from '../system/metrics-port.js';

/** The relay over socket.io: send (durable before ack), fetch the backlog in pages, acknowledge. */
export function messagingEvents(deps: MessagingDeps): SocketModule {
  return (socket, context) => {
    handleEvent(socket, context, 'message:send', SendMessageInput, async (input, actor) => {
      const started = performance.now();
      try {
        return await sendMessage(deps, actor, input.envelope, input.attachmentIds);
      } finally {
        deps.metrics.relayAcked(secondsSince(started)); // the answer goes out right after
      }
    });
    handleEvent(socket, context, 'message:fetch', FetchBacklogInput, (input, actor) =>
      fetchBacklog(deps, actor, input.limit),
    );
    handleEvent(socket, context, 'message:ack', AckInput, (input, actor) => acknowledge(deps, actor, input.ids));
  };
}
