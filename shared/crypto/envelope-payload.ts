import { z } from 'zod';
import { ExchangeKind, Labels } from '../schemas/labels.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { utf8Decode, utf8Encode } from './encoding.js';
import { CryptoError } from './errors.js';
import { MIN_PADDED_BYTES, paddedLength, padmeLength } from './padding-format.js';
import { OpaqueId, Participant, type EnvelopeHeader } from './envelope-format.js';

export { MIN_PADDED_BYTES, padmeLength };

/** ISO/IEC 7816-4 padding (0x80 then zeros) to max(256, padmé(length + 1)) bytes. */
export function padPayload(bytes: Uint8Array): Uint8Array {
  const padded = new Uint8Array(paddedLength(bytes.length));
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  return padded;
}

/**
 * Removes ISO/IEC 7816-4 padding. Runs on authenticated plaintext only, so timing is no oracle.
 * @throws CryptoError 'crypto.malformed'
 */
export function unpadPayload(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80) throw new CryptoError('crypto.malformed', 'bad payload padding');
  return padded.subarray(0, end);
}

/**
 * The encrypted payload: the header's addressing and labels repeated, so a recipient can tell
 * when content is re-sent under a different header (re-labelled, re-addressed, forwarded).
 */
export const EnvelopePayload = z
  .object({
    from: Participant,
    to: z.array(Participant),
    labels: Labels,
    kind: ExchangeKind,
    requestRef: OpaqueId.optional(),
    content: z.json(),
  })
  .strict();
export type EnvelopePayload = z.infer<typeof EnvelopePayload>;

/** The header fields the payload repeats. */
export type PayloadMetadata = Pick<EnvelopeHeader, 'from' | 'to' | 'labels' | 'kind' | 'requestRef'>;

function metadataOf(source: PayloadMetadata): PayloadMetadata {
  const { from, to, labels, kind, requestRef } = source;
  return { from, to, labels, kind, ...(requestRef === undefined ? {} : { requestRef }) };
}

/** Padded UTF-8 canonical JSON of { from, to, labels, kind, requestRef?, content }. */
export function encodePayload(metadata: PayloadMetadata, content: JsonValue): Uint8Array {
  return padPayload(utf8Encode(canonicalJson({ ...metadataOf(metadata), content })));
}

/**
 * Parses decrypted, padded payload bytes.
 * @throws CryptoError 'crypto.malformed'
 */
export function decodePayload(padded: Uint8Array): EnvelopePayload {
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(unpadPayload(padded)));
  } catch (error) {
    throw error instanceof CryptoError ? error : new CryptoError('crypto.malformed', 'payload is not JSON');
  }
  const parsed = EnvelopePayload.safeParse(json);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'payload does not match its schema');
  return parsed.data;
}

/** True if the payload repeats exactly the header's from, to (in order), labels, kind and requestRef. */
export function payloadMatchesHeader(payload: EnvelopePayload, header: EnvelopeHeader): boolean {
  return canonicalJson(metadataOf(payload)) === canonicalJson(metadataOf(header));
}
