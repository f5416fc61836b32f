import type { StateAddress } from 'libsodium-wrappers-sumo';
import { getSodium, type Sodium } from './sodium.js';
import { fromBase64Url, toBase64Url } from './encoding.js';
import { ATTACHMENT_CHUNK_BYTES, AttachmentSecret } from './attachment-format.js';
import { CryptoError } from './errors.js';

export interface EncryptedAttachment extends AttachmentSecret {
  /** Ciphertext chunks to upload, in order; iterate once. */
  readonly ciphertext: AsyncIterable<Uint8Array>;
}

type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** FIFO of bytes that re-cuts arbitrarily sized input into fixed-size frames. */
class ByteQueue {
  private chunks: Uint8Array[] = [];
  private first = 0; // index of the oldest unread chunk; avoids O(n) shift() per chunk
  private offset = 0; // bytes already read from chunks[first]
  length = 0;

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    // Copied: some sources reuse their buffer for the next chunk while we still hold this one.
    this.chunks.push(bytes.slice());
    this.length += bytes.length;
  }

  take(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.chunks[this.first];
      if (!head) throw new RangeError('ByteQueue underflow');
      const n = Math.min(head.length - this.offset, count - filled);
      out.set(head.subarray(this.offset, this.offset + n), filled);
      filled += n;
      this.offset += n;
      if (this.offset === head.length) {
        this.first++;
        this.offset = 0;
      }
    }
    this.length -= count;
    if (this.first > 1024) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
    return out;
  }
}

function tags(sodium: Sodium) {
  return {
    TAG_MESSAGE: sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
    TAG_FINAL: sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
  };
}

async function* pushChunks(sodium: Sodium, source: ByteSource, state: StateAddress): AsyncGenerator<Uint8Array> {
  const { TAG_MESSAGE, TAG_FINAL } = tags(sodium);
  const queue = new ByteQueue();
  for await (const bytes of source) {
    queue.push(bytes);
    // Strictly greater: a full chunk is held back until we know whether it is the last.
    while (queue.length > ATTACHMENT_CHUNK_BYTES) {
      yield sodium.crypto_secretstream_xchacha20poly1305_push(
        state,
        queue.take(ATTACHMENT_CHUNK_BYTES),
        null,
        TAG_MESSAGE,
      );
    }
  }
  // Always one final chunk (empty for an empty file), so the end of the file is authenticated.
  yield sodium.crypto_secretstream_xchacha20poly1305_push(state, queue.take(queue.length), null, TAG_FINAL);
}

function pull(sodium: Sodium, state: StateAddress, frame: Uint8Array): { message: Uint8Array; tag: number } {
  const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, frame, null);
  if (result === false) throw new CryptoError('crypto.decrypt-failed', 'attachment chunk does not decrypt');
  return result;
}

async function* pullChunks(sodium: Sodium, source: ByteSource, state: StateAddress): AsyncGenerator<Uint8Array> {
  const { TAG_MESSAGE, TAG_FINAL } = tags(sodium);
  const frameBytes = ATTACHMENT_CHUNK_BYTES + sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
  const queue = new ByteQueue();
  for await (const bytes of source) {
    queue.push(bytes);
    while (queue.length > frameBytes) {
      const { message, tag } = pull(sodium, state, queue.take(frameBytes));
      if (tag === TAG_FINAL) throw new CryptoError('crypto.trailing-data', 'data after the final attachment chunk');
      if (tag !== TAG_MESSAGE) throw new CryptoError('crypto.malformed', `unexpected secretstream tag ${tag}`);
      yield message;
    }
  }
  if (queue.length < sodium.crypto_secretstream_xchacha20poly1305_ABYTES) {
    throw new CryptoError('crypto.truncated-stream', 'attachment ends without its final chunk');
  }
  const { message, tag } = pull(sodium, state, queue.take(queue.length));
  if (tag !== TAG_FINAL) throw new CryptoError('crypto.truncated-stream', 'attachment ends without its final chunk');
  yield message;
}

/**
 * Encrypts a file as crypto_secretstream_xchacha20poly1305 in chunks of 64 KiB plaintext
 * (65 553 bytes ciphertext each, the last one shorter and tagged FINAL), under a fresh
 * 32-byte file key. Input may be cut into chunks of any size.
 */
export async function encryptAttachment(plaintext: ByteSource): Promise<EncryptedAttachment> {
  const sodium = await getSodium();
  const fileKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(fileKey);
  return {
    fileKey: toBase64Url(fileKey),
    header: toBase64Url(header),
    ciphertext: pushChunks(sodium, plaintext, state),
  };
}

/**
 * Decrypts an attachment produced by `encryptAttachment`; the ciphertext may arrive in chunks
 * of any size. Plaintext is yielded chunk by chunk as it is authenticated, but the file as a
 * whole is only complete if iteration ends without throwing: discard the output on error.
 * @throws CryptoError 'crypto.truncated-stream' (no FINAL chunk), 'crypto.trailing-data' (data
 *   after it), 'crypto.decrypt-failed' (modified, reordered or foreign chunk), 'crypto.malformed'
 */
export async function* decryptAttachment(ciphertext: ByteSource, secret: AttachmentSecret): AsyncGenerator<Uint8Array> {
  // Only the two fields: callers may pass the whole EncryptedAttachment they got back.
  const parsed = AttachmentSecret.safeParse({ fileKey: secret.fileKey, header: secret.header });
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'invalid attachment key or header');
  const sodium = await getSodium();
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
    fromBase64Url(parsed.data.header),
    fromBase64Url(parsed.data.fileKey),
  );
  yield* pullChunks(sodium, ciphertext, state);
}
