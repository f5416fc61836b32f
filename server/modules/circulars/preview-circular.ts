import type { CircularPreview, CircularPreviewInput } from '../../../shared/schemas/circulars.js';
import type { User } from '../accounts/ports/users.js';
import type { CircularsDeps } from './circulars-deps.js';
import { resolveReach } from './reach.js';

/** Who a circular would reach now and who is left out, with why: decided, not audited, nothing stored. */
export async function previewCircular(
  deps: CircularsDeps,
  actor: User,
  input: CircularPreviewInput,
): Promise<CircularPreview> {
  const reach = await resolveReach(deps, actor, input.audience, input.labels, deps.clock.now(), { audit: false });
  return { senderState: reach.senderState, recipients: reach.recipients, leftOut: reach.leftOut };
}
