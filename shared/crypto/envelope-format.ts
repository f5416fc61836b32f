import { z } from 'zod';
import { ExchangeKind, Labels, StateCode } from '../schemas/labels.js';
import { checkRequestHeader, RequestHeaderField, RequestStepField } from '../requests/header-fields.js';
import { getSodium } from './sodium.js';
import { base64UrlBytes, base64UrlMax, concatBytes, domainTag, lengthPrefixed, utf8Encode } from './encoding.js';
import { canonicalJson, canonicalJsonBytes } from './canonical-json.js';
import { ED25519_SIGNATURE_BYTES } from './verify-key-bundle.js';

/** msgId: 128 random bits. */
export const MSG_ID_BYTES = 16;
/** Recipients per envelope (the sender's own copy comes on top). */
export const MAX_RECIPIENTS = 64;
/**
 * Recipients of one circular (kind 'circular' only): an audience of the network sealed to at
 * once. Sealing 1,000 keys takes well under a second in a browser (scripts/bench/circular-seal.bench.ts).
 */
export const MAX_CIRCULAR_RECIPIENTS = 1000;
/** Approving national admins per held envelope (a sealed key each, on top of recipients and sender). */
export const MAX_APPROVERS = 32;
/** Body limit: 256 KiB of base64url, i.e. 192 KiB of nonce ‖ ciphertext. Attachments travel apart. */
export const MAX_BODY_CHARS = 256 * 1024;
/** Content key (32 bytes) ‖ header hash (32 bytes), sealed to an X25519 key. */
export const SEALED_KEY_PLAINTEXT_BYTES = 64;
/** crypto_box_seal output for the 64-byte plaintext: + 32-byte ephemeral key + 16-byte tag. */
export const SEALED_KEY_BYTES = SEALED_KEY_PLAINTEXT_BYTES + 48;
/** XChaCha20-Poly1305 nonce at the start of the body. */
export const BODY_NONCE_BYTES = 24;

/** msgIds one read receipt reports (more are sent as several receipts). */
export const MAX_RECEIPT_MSG_IDS = 100;

/** Message id: 16 random bytes as 22 base64url characters. */
export const MsgId = base64UrlBytes(MSG_ID_BYTES);

/** A user id or other server-issued reference: 1–128 printable ASCII characters, no spaces. */
export const OpaqueId = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'expected 1-128 printable ASCII characters');

/** A focal point taking part in an exchange. */
export const Participant = z.object({ userId: OpaqueId, state: StateCode }).strict();
export type Participant = z.infer<typeof Participant>;

/** Server-readable header of Envelope v1. */
export const EnvelopeHeader = z
  .object({
    v: z.literal(1),
    msgId: MsgId,
    /** ms since the Unix epoch, set by the sender's clock */
    ts: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    kind: ExchangeKind,
    threadId: OpaqueId.optional(),
    from: Participant,
    /** At most MAX_RECIPIENTS, or MAX_CIRCULAR_RECIPIENTS for a circular (checked below). */
    to: z.array(Participant).min(1).max(MAX_CIRCULAR_RECIPIENTS),
    labels: Labels,
    requestRef: OpaqueId.optional(),
    /** Request kinds (not 'request:transition'): urgency and optional deadline. */
    request: RequestHeaderField.optional(),
    /** 'request:transition' only: the lifecycle step; `requestRef` names the case. */
    step: RequestStepField.optional(),
    /**
     * Held exchanges: the national admins who approve it, each with a sealed key so they read
     * what they release. Not repeated in the payload: the header hash (the body's associated
     * data, inside every sealed key) and the signature bind it already.
     */
    approvers: z.array(Participant).min(1).max(MAX_APPROVERS).optional(),
    /**
     * Kind 'receipt' only: the msgIds of the messages reported read, all sent by the receipt's
     * one recipient. Server-readable so the relay can check them (shared/crypto/receipt-format.ts);
     * such a receipt's payload carries nothing else.
     */
    receiptOf: z.array(MsgId).min(1).max(MAX_RECEIPT_MSG_IDS).optional(),
  })
  .strict()
  .superRefine((header, ctx) => {
    checkRequestHeader(header, ctx);
    checkRecipientCount(header, ctx);
    const ids = new Set<string>();
    for (const [i, recipient] of header.to.entries()) {
      if (ids.has(recipient.userId))
        ctx.addIssue({ code: 'custom', path: ['to', i, 'userId'], message: 'duplicate recipient' });
      // The sender's copy is a key entry of its own; listing the sender as a recipient would duplicate it.
      if (recipient.userId === header.from.userId)
        ctx.addIssue({ code: 'custom', path: ['to', i, 'userId'], message: 'sender listed as recipient' });
      ids.add(recipient.userId);
    }
    if (header.receiptOf !== undefined) checkReceiptHeader(header, ctx);
    // Every key holder once: an approver is neither the sender nor a recipient nor listed twice.
    for (const [i, approver] of (header.approvers ?? []).entries()) {
      if (ids.has(approver.userId) || approver.userId === header.from.userId)
        ctx.addIssue({
          code: 'custom',
          path: ['approvers', i, 'userId'],
          message: 'approver listed twice or also sender or recipient',
        });
      ids.add(approver.userId);
    }
  });
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

/** Only a circular goes to more than MAX_RECIPIENTS; it is never held for approval. */
function checkRecipientCount(header: Pick<EnvelopeHeader, 'kind' | 'to' | 'approvers'>, ctx: z.RefinementCtx): void {
  if (header.kind !== 'circular' && header.to.length > MAX_RECIPIENTS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_RECIPIENTS} recipients` });
  if (header.kind === 'circular' && header.approvers !== undefined)
    ctx.addIssue({ code: 'custom', path: ['approvers'], message: 'a circular is never held for approval' });
}

/** A receipt that names what it reports is a bare "read" to one sender: no request fields, no approvers. */
function checkReceiptHeader(
  header: Pick<EnvelopeHeader, 'kind' | 'to' | 'receiptOf' | 'requestRef' | 'approvers'>,
  ctx: z.RefinementCtx,
): void {
  const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
  if (header.kind !== 'receipt') issue('receiptOf', 'only a receipt names messages read');
  if (header.to.length !== 1) issue('to', 'a receipt goes to the one sender of the messages it reports');
  if (header.requestRef !== undefined) issue('requestRef', 'a receipt names no request case');
  if (header.approvers !== undefined) issue('approvers', 'a receipt is never held for approval');
  if (new Set(header.receiptOf).size !== header.receiptOf?.length) issue('receiptOf', 'duplicate msgId');
}

/** The content key sealed to one user: `sealed` is 112 bytes as base64url. */
export const SealedKey = z.object({ userId: OpaqueId, sealed: base64UrlBytes(SEALED_KEY_BYTES) }).strict();
export type SealedKey = z.infer<typeof SealedKey>;

/**
 * Envelope v1. `body`: nonce (24 bytes) ‖ XChaCha20-Poly1305 ciphertext, base64url;
 * `keys`: one per recipient, the sender's own, one per approver; `sig`: Ed25519 (64 bytes) over
 * `signedBytes`, base64url. Whether `keys` matches the header is checked by
 * `checkEnvelopeKeys` (verify-envelope.ts).
 */
export const Envelope = z
  .object({
    v: z.literal(1),
    header: EnvelopeHeader,
    body: base64UrlMax(MAX_BODY_CHARS),
    keys: z
      .array(SealedKey)
      .min(2)
      .max(MAX_CIRCULAR_RECIPIENTS + 1 + MAX_APPROVERS),
    sig: base64UrlBytes(ED25519_SIGNATURE_BYTES),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;
export type UnsignedEnvelope = Omit<Envelope, 'sig'>;

const SIG_TAG = domainTag('focalnet/envelope-sig/v1');

/** BLAKE2b-256 (32 bytes) of the header's canonical JSON: the body's associated data. */
export async function headerHash(header: EnvelopeHeader): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_generichash(32, canonicalJsonBytes(header), null);
}

const HEADER_HASH_BYTES = 32;
const LENGTH_PREFIX_BYTES = 4;
const utf8 = new TextEncoder();
/**
 * Reused for the bytes `signedBytes` hashes, so checking an envelope allocates no buffer of its
 * size. Safe to share: filled and hashed within one synchronous stretch (libsodium copies it).
 */
let scratch = new Uint8Array(16 * 1024);

/** UTF-8 of `text` at `offset` of the scratch buffer; its length, or -1 if not all ASCII (then nothing is promised). */
function writeAscii(offset: number, text: string): number {
  const { read, written } = utf8.encodeInto(text, scratch.subarray(offset, offset + text.length));
  return read === text.length ? written : -1;
}

/**
 * The bytes the sender signs: "focalnet/envelope-sig/v1" ‖ 0x00 ‖ BLAKE2b-512 of the
 * length-prefixed sequence: headerHash (32 bytes); UTF-8 JSON of the key entries in order as
 * [[userId, sealed], …]; body. Sealed keys and body are hashed as their base64url text, which
 * binds the exact wire form and spares the server decoding a 256 KiB body to check a signature.
 * The server runs this per message: the sequence is written once into a reused buffer (all of
 * it is ASCII in a valid envelope) and hashed in one call; other text takes the general path.
 */
export async function signedBytes(envelope: UnsignedEnvelope): Promise<Uint8Array> {
  const sodium = await getSodium();
  const header = canonicalJson(envelope.header);
  // An array of string pairs: JSON.stringify is deterministic for it, no canonicalisation needed.
  const keys = JSON.stringify(envelope.keys.map((key) => [key.userId, key.sealed]));
  const { body } = envelope;
  const framedStart = header.length;
  const keysStart = framedStart + 2 * LENGTH_PREFIX_BYTES + HEADER_HASH_BYTES;
  const bodyStart = keysStart + keys.length + LENGTH_PREFIX_BYTES;
  const end = bodyStart + body.length;
  if (scratch.length < end) scratch = new Uint8Array(Math.max(end, 2 * scratch.length));

  let digest: Uint8Array;
  if (writeAscii(0, header) >= 0 && writeAscii(keysStart, keys) >= 0 && writeAscii(bodyStart, body) >= 0) {
    const view = new DataView(scratch.buffer, scratch.byteOffset);
    const hash = sodium.crypto_generichash(HEADER_HASH_BYTES, scratch.subarray(0, header.length), null);
    view.setUint32(framedStart, HEADER_HASH_BYTES, false);
    scratch.set(hash, framedStart + LENGTH_PREFIX_BYTES);
    view.setUint32(keysStart - LENGTH_PREFIX_BYTES, keys.length, false);
    view.setUint32(bodyStart - LENGTH_PREFIX_BYTES, body.length, false);
    digest = sodium.crypto_generichash(64, scratch.subarray(framedStart, end), null);
  } else {
    const hash = sodium.crypto_generichash(HEADER_HASH_BYTES, utf8Encode(header), null);
    digest = sodium.crypto_generichash(64, lengthPrefixed(hash, utf8Encode(keys), utf8Encode(body)), null);
  }
  return concatBytes(SIG_TAG, digest);
}
