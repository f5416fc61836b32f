import { z } from 'zod';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { AudienceMember, type Audience } from '../../../shared/schemas/audience.js';
import type { CircularPreview, CircularSent } from '../../../shared/schemas/circulars.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import { ApiError, isApiError } from '../api-error.js';
import type { CircularContent } from './circular-content.js';
import { sealCircular } from './seal-circular.js';

/** Re-seals after `circular.recipients-changed` at most this often (the audience would have to keep changing). */
export const MAX_RESEALS = 3;

const ChangedDetails = z.object({ recipients: z.array(AudienceMember) });

export interface SendCircularDeps {
  preview(audience: Audience, labels: Labels): Promise<CircularPreview>;
  post(audience: Audience, envelope: Envelope): Promise<CircularSent>;
  me: { userId: string; keys: UserKeys };
  now(): number;
}

/**
 * Preview, seal to exactly the recipients, send. If the server answers that the recipients
 * changed (someone activated or suspended, a policy published meanwhile), seal again to the list
 * it gives, with the same msgId, up to MAX_RESEALS times: the server stores the circular once.
 */
export async function sendCircularResealing(
  deps: SendCircularDeps,
  input: { audience: Audience; labels: Labels; content: CircularContent },
): Promise<CircularSent> {
  const preview = await deps.preview(input.audience, input.labels);
  if (preview.recipients.length === 0)
    throw new ApiError(0, 'circular.no-recipients', 'nobody of this audience can receive the circular');
  let recipients = preview.recipients;
  let msgId: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const envelope = await sealCircular({
      me: deps.me,
      senderState: preview.senderState,
      labels: input.labels,
      recipients,
      content: input.content,
      ts: deps.now(),
      ...(msgId === undefined ? {} : { msgId }),
    });
    msgId = envelope.header.msgId;
    try {
      return await deps.post(input.audience, envelope);
    } catch (error) {
      if (!isApiError(error) || error.code !== 'circular.recipients-changed' || attempt >= MAX_RESEALS) throw error;
      const details = ChangedDetails.safeParse(error.details);
      if (!details.success) throw error;
      recipients = details.data.recipients;
    }
  }
}
