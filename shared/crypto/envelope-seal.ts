import type { ExchangeKind, Labels, StateCode } from '../schemas/labels.js';
import type { RequestHeaderField, RequestStepField } from '../requests/header-fields.js';
import { getSodium } from './sodium.js';
import { concatBytes, toBase64Url } from './encoding.js';
import type { JsonValue } from './canonical-json.js';
import { CryptoError } from './errors.js';
import type { IdentityKeyPair } from './keys.js';
import { encodePayload } from './envelope-payload.js';
import {
  BODY_NONCE_BYTES,
  EnvelopeHeader,
  MAX_BODY_CHARS,
  MSG_ID_BYTES,
  signedBytes,
  headerHash,
  type Envelope,
  type Participant,
  type SealedKey,
  type UnsignedEnvelope,
} from './envelope-format.js';

/** A recipient and the X25519 public key (32 bytes) from their verified key bundle. */
export interface SealRecipient {
  readonly userId: string;
  readonly state: StateCode;
  readonly encryptionKey: Uint8Array;
}

export interface SealEnvelopeInput {
  /** 16 bytes as 22 base64url characters; pass the first attempt's id when retrying. Default: random. */
  readonly msgId?: string;
  /** ms since the Unix epoch, from the caller's clock. */
  readonly ts: number;
  readonly kind: ExchangeKind;
  readonly threadId?: string;
  readonly requestRef?: string;
  /** Request kinds: urgency and optional deadline (shared/requests/header-fields.ts). */
  readonly request?: RequestHeaderField;
  /** 'request:transition': the lifecycle step. */
  readonly step?: RequestStepField;
  /** Kind 'receipt': the msgIds reported read; the content must then be `receiptContent(header)`. */
  readonly receiptOf?: readonly string[];
  readonly from: Participant;
  readonly labels: Labels;
  /** 1–64 recipients, in header order; their keys must come from bundles checked with verifyKeyBundle. */
  readonly recipients: readonly SealRecipient[];
  /** Held exchanges: the approving national admins (keys from verified bundles); they get a sealed key too. */
  readonly approvers?: readonly SealRecipient[];
  /** The application content; must survive canonical JSON (no undefined in arrays, no NaN, no Date). */
  readonly content: JsonValue;
  /** The sender's Ed25519 key pair; signs the envelope. */
  readonly senderIdentity: IdentityKeyPair;
  /** The sender's own X25519 public key (32 bytes), so the sender can read the sent copy. */
  readonly selfEncryptionKey: Uint8Array;
}

function buildHeader(input: SealEnvelopeInput, msgId: string): EnvelopeHeader {
  const candidate = {
    v: 1,
    msgId,
    ts: input.ts,
    kind: input.kind,
    ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
    from: input.from,
    to: input.recipients.map(({ userId, state }) => ({ userId, state })),
    labels: input.labels,
    ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
    ...(input.request === undefined ? {} : { request: input.request }),
    ...(input.step === undefined ? {} : { step: input.step }),
    ...(input.receiptOf === undefined ? {} : { receiptOf: [...input.receiptOf] }),
    ...(input.approvers === undefined || input.approvers.length === 0
      ? {}
      : { approvers: input.approvers.map(({ userId, state }) => ({ userId, state })) }),
  };
  const parsed = EnvelopeHeader.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new CryptoError('crypto.malformed', `invalid envelope header: ${issues}`);
  }
  return parsed.data;
}

/**
 * Encrypts and signs one exchange for many recipients (Envelope v1):
 * - body = nonce (24 bytes) ‖ XChaCha20-Poly1305(padded payload, AD = headerHash) under a fresh
 *   32-byte content key; the payload repeats from/to/labels/kind/requestRef beside `content`;
 * - keys = crypto_box_seal(contentKey ‖ headerHash) for each recipient, then for the sender,
 *   then for each approver (held exchanges);
 * - sig = Ed25519 over `signedBytes`.
 * @throws CryptoError 'crypto.malformed' (invalid header fields, key sizes, content),
 *   'crypto.too-large' (body over MAX_BODY_CHARS)
 */
export async function sealEnvelope(input: SealEnvelopeInput): Promise<Envelope> {
  const sodium = await getSodium();
  const header = buildHeader(input, input.msgId ?? toBase64Url(sodium.randombytes_buf(MSG_ID_BYTES)));
  const hash = await headerHash(header);
  const plaintext = encodePayload(header, input.content);

  const contentKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const sealedPlaintext = concatBytes(contentKey, hash);
  try {
    const nonce = sodium.randombytes_buf(BODY_NONCE_BYTES);
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, hash, null, nonce, contentKey);
    const body = toBase64Url(concatBytes(nonce, ciphertext));
    if (body.length > MAX_BODY_CHARS)
      throw new CryptoError('crypto.too-large', `body of ${body.length} characters exceeds ${MAX_BODY_CHARS}`);

    const holders = [
      ...input.recipients,
      { userId: input.from.userId, encryptionKey: input.selfEncryptionKey },
      ...(input.approvers ?? []),
    ];
    const keys: SealedKey[] = holders.map(({ userId, encryptionKey }) => {
      if (encryptionKey.length !== sodium.crypto_box_PUBLICKEYBYTES)
        throw new CryptoError('crypto.malformed', `encryption key of ${userId} is not 32 bytes`);
      try {
        return { userId, sealed: toBase64Url(sodium.crypto_box_seal(sealedPlaintext, encryptionKey)) };
      } catch {
        // libsodium refuses low-order points, which would make the shared secret predictable.
        throw new CryptoError('crypto.malformed', `encryption key of ${userId} is not a usable X25519 key`);
      }
    });

    const unsigned: UnsignedEnvelope = { v: 1, header, body, keys };
    const sig = sodium.crypto_sign_detached(await signedBytes(unsigned), input.senderIdentity.privateKey);
    return { ...unsigned, sig: toBase64Url(sig) };
  } finally {
    sodium.memzero(contentKey);
    sodium.memzero(sealedPlaintext);
  }
}
