import type { SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import type { SubmitRequestInput } from '../api/requests-api.js';
import type { Hit } from './types.js';

/** The labels of a hit's confirmation request: border, travel documents, restricted, for the listing state's eyes. */
export const DOCUMENT_CHECK_LABELS: Labels = {
  domain: 'border',
  category: 'travel-identity-documents',
  classification: 'restricted',
  handling: 'H1',
};

/**
 * The urgent `request:document-check` a hit offers, pre-filled, to the listing state's focal
 * points (`recipients`, from the directory). Its fields travel sealed, like any request's; the
 * holder's name comes from the screened document's reference when there was one.
 */
export function documentCheckRequest(
  hit: Hit,
  recipients: readonly SealRecipient[],
  more: { holderName?: string; purpose?: string } = {},
): SubmitRequestInput {
  const listing = `listed by ${hit.listingState} as ${hit.status} on ${hit.date} (entry ${hit.entryId}, version ${hit.version})`;
  return {
    kind: 'request:document-check',
    labels: DOCUMENT_CHECK_LABELS,
    urgency: 'urgent',
    fields: {
      documentType: hit.documentType,
      documentNumber: hit.number,
      issuingState: hit.issuingState,
      holderName: more.holderName ?? hit.input.reference ?? '',
      circumstances: `Lost and stolen documents screening hit: ${listing}.`,
      purpose:
        more.purpose ?? 'Confirm or clear a lost and stolen documents screening hit before the traveller is released.',
    },
    recipients,
  };
}
