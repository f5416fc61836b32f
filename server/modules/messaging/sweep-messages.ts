import type { MessagingDeps } from './messaging-deps.js';

const UNBOUND_UPLOAD_MS = 24 * 3_600_000;

/**
 * Retention limits from policy conditions: messages past their limit are deleted with their
 * queued copies and attachments. Uploads never sent within a day are deleted too.
 */
export async function sweepMessages(deps: MessagingDeps): Promise<{ messages: number; attachments: number }> {
  const now = deps.clock.now();
  let messages = 0;
  let attachments = 0;
  for (;;) {
    const expired = await deps.messages.deleteExpired(now, 500);
    if (expired.messageIds.length === 0) break;
    await deps.attachments.delete(expired.attachmentIds);
    messages += expired.messageIds.length;
    attachments += expired.attachmentIds.length;
  }
  const abandoned = await deps.attachments.unboundBefore(new Date(now.getTime() - UNBOUND_UPLOAD_MS));
  await deps.attachments.delete(abandoned);
  if (messages > 0)
    await deps.audit.append({ type: 'message.dropped', data: { reason: 'retention', messages, attachments } });
  return { messages, attachments: attachments + abandoned.length };
}
