import type { RecipientDecision } from '../../../shared/policy/index.js';
import { HANDLING_CODES, type Labels } from '../../../shared/schemas/labels.js';
import type { Scheme } from './holders.js';
import { reciprocityRequired } from './participation.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

/** The labels every listing exchange carries (architecture: "Who takes part"). */
export const LISTING_LABELS: Labels = {
  domain: 'border',
  category: 'travel-identity-documents',
  classification: 'restricted',
  handling: 'H0',
};

/** As circulars' reach: allowed, or conditions the labels meet; anything else keeps the listings away. */
function reaches(recipient: RecipientDecision | undefined): boolean {
  if (!recipient) return false;
  if (recipient.effect === 'allow') return true;
  const min = recipient.conditions.minHandling;
  return (
    recipient.effect === 'conditions' &&
    (!min || HANDLING_CODES.indexOf(LISTING_LABELS.handling) >= HANDLING_CODES.indexOf(min))
  );
}

/**
 * The listing states whose entries a holder of `state` screens against now: its own always; each
 * other participating state when the policies let its listings reach `state` (decided as a
 * preview: a sync is not an exchange worth an audit entry), unless reciprocity is required and
 * `state` lists nothing.
 */
export async function screenableStates(
  deps: TravelDocumentsDeps,
  scheme: Scheme,
  state: string,
  actorId: string,
): Promise<string[]> {
  const allowed = [state];
  if (await reciprocityRequired(deps)) {
    await deps.listed.current();
    if (deps.listed.count(state) === 0) return allowed;
  }
  const at = deps.clock.now();
  for (const from of [...scheme.participating].sort()) {
    if (from === state) continue;
    const decision = await deps.policy.decideExchange({
      labels: LISTING_LABELS,
      kind: 'travel-document-listing',
      fromState: from,
      toStates: [state],
      at,
      actorId,
      preview: true,
    });
    if (reaches(decision.perRecipient.find((recipient) => recipient.state === state))) allowed.push(from);
  }
  return allowed.sort();
}
