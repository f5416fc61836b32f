import { canonicalJson } from './canonical-json.js';
import { base64UrlLength, utf8Encode } from './encoding.js';
import { BODY_NONCE_BYTES, type EnvelopeHeader } from './envelope-format.js';
import { paddedLength } from './padding-format.js';

/** XChaCha20-Poly1305 tag after the ciphertext. */
const AEAD_TAG_BYTES = 16;

/** The content of a receipt that names what it reports: those msgIds, read at the header's time. */
export type NamedReceiptContent = {
  read: string[];
  /** ms since the Unix epoch: `header.ts`. */
  at: number;
};

/**
 * The one content a receipt with `header.receiptOf` may carry, fully determined by the header,
 * so its encrypted body has exactly one possible length (`receiptBodyChars`).
 */
export function receiptContent(header: Pick<EnvelopeHeader, 'receiptOf' | 'ts'>): NamedReceiptContent {
  return { read: [...(header.receiptOf ?? [])], at: header.ts };
}

/**
 * base64url characters of such a receipt's body: nonce (24 bytes) ‖ ciphertext of the padded
 * payload ‖ tag (16 bytes). The relay refuses any other length, so a receipt cannot carry a
 * longer hidden payload past the disclosure policies it is exempt from.
 */
export function receiptBodyChars(header: EnvelopeHeader): number {
  // The payload as encodePayload (envelope-payload.ts) builds it; a receipt has no requestRef.
  const { from, to, labels, kind } = header;
  const payload = utf8Encode(canonicalJson({ from, to, labels, kind, content: receiptContent(header) }));
  return base64UrlLength(BODY_NONCE_BYTES + paddedLength(payload.length) + AEAD_TAG_BYTES);
}
