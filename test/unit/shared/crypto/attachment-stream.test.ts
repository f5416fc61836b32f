import { expect } from 'chai';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import { decryptAttachment, encryptAttachment } from '../../../../shared/crypto/attachment-stream.js';
import {
  ATTACHMENT_CHUNK_BYTES,
  attachmentUploadBytes,
  type AttachmentSecret,
} from '../../../../shared/crypto/attachment-format.js';
import { concatBytes } from '../../../../shared/crypto/encoding.js';
import { rejectionCode } from './fixtures.js';

const CHUNK = ATTACHMENT_CHUNK_BYTES;
const FRAME = CHUNK + 17;

/** `bytes` cut into pieces of `size` bytes (the last one shorter), as an async source. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

async function encrypt(
  plaintext: Uint8Array,
  inputPiece = 10_007,
): Promise<{ secret: AttachmentSecret; chunks: Uint8Array[] }> {
  const { fileKey, header, ciphertext } = await encryptAttachment(pieces(plaintext, inputPiece));
  return { secret: { fileKey, header }, chunks: await collect(ciphertext) };
}

async function decrypt(chunks: readonly Uint8Array[], secret: AttachmentSecret, piece = 7_777): Promise<Uint8Array> {
  return concatBytes(...(await collect(decryptAttachment(pieces(concatBytes(...chunks), piece), secret))));
}

describe('shared/crypto/attachment-stream', () => {
  let file: Uint8Array;
  before(async () => {
    const sodium = await getSodium();
    file = sodium.randombytes_buf(3 * CHUNK + 12_345);
  });

  it('round-trips a multi-chunk file, whatever the input and network chunking', async () => {
    const { secret, chunks } = await encrypt(file);
    expect(secret.fileKey).to.have.length(43);
    expect(secret.header).to.have.length(32);
    expect(chunks.map((c) => c.length)).to.deep.equal([FRAME, FRAME, FRAME, 12_345 + 17]);
    expect(await decrypt(chunks, secret)).to.deep.equal(file);
    expect(await decrypt(chunks, secret, 1)).to.deep.equal(file.subarray(0, file.length));
  });

  it('ends an exact multiple of the chunk size with a full FINAL chunk', async () => {
    const exact = file.subarray(0, 2 * CHUNK);
    const { secret, chunks } = await encrypt(exact, CHUNK);
    expect(chunks.map((c) => c.length)).to.deep.equal([FRAME, FRAME]);
    expect(await decrypt(chunks, secret)).to.deep.equal(exact);
  });

  it('encrypts an empty file as a single FINAL chunk', async () => {
    const { secret, chunks } = await encrypt(new Uint8Array(0));
    expect(chunks.map((c) => c.length)).to.deep.equal([17]);
    expect(await decrypt(chunks, secret)).to.deep.equal(new Uint8Array(0));
  });

  it('rejects a stream truncated at a chunk boundary (no FINAL tag)', async () => {
    const { secret, chunks } = await encrypt(file);
    for (let keep = 0; keep < chunks.length; keep++) {
      expect(await rejectionCode(decrypt(chunks.slice(0, keep), secret)), `${keep} chunks`).to.equal(
        'crypto.truncated-stream',
      );
    }
  });

  it('rejects a stream cut inside a chunk', async () => {
    const { secret, chunks } = await encrypt(file);
    const all = concatBytes(...chunks);
    for (const cut of [10, FRAME + 5, all.length - 1]) {
      const code = await rejectionCode(decrypt([all.subarray(0, cut)], secret));
      expect(['crypto.truncated-stream', 'crypto.decrypt-failed'], `cut at ${cut}`).to.include(code);
    }
  });

  it('rejects data after the FINAL chunk', async () => {
    const exact = await encrypt(file.subarray(0, 2 * CHUNK), CHUNK);
    expect(await rejectionCode(decrypt([...exact.chunks, new Uint8Array([1, 2, 3])], exact.secret))).to.equal(
      'crypto.trailing-data',
    );
    expect(await rejectionCode(decrypt([...exact.chunks, exact.chunks[0]!], exact.secret))).to.equal(
      'crypto.trailing-data',
    );
    const short = await encrypt(file.subarray(0, 1000));
    expect(await rejectionCode(decrypt([...short.chunks, new Uint8Array(1)], short.secret))).to.equal(
      'crypto.decrypt-failed',
    );
  });

  it('rejects reordered, altered or foreign chunks and a wrong key', async () => {
    const { secret, chunks } = await encrypt(file);
    const [c0, c1, ...rest] = chunks;
    expect(await rejectionCode(decrypt([c1!, c0!, ...rest], secret))).to.equal('crypto.decrypt-failed');
    const altered = chunks.map((c, i) => (i === 2 ? c.map((b, j) => (j === 100 ? b ^ 1 : b)) : c));
    expect(await rejectionCode(decrypt(altered, secret))).to.equal('crypto.decrypt-failed');
    const other = await encrypt(file);
    expect(await rejectionCode(decrypt(chunks, other.secret))).to.equal('crypto.decrypt-failed');
    expect(await rejectionCode(decrypt([chunks[0]!, other.chunks[1]!, ...chunks.slice(2)], secret))).to.equal(
      'crypto.decrypt-failed',
    );
  });

  it('rejects a malformed secret with a typed error', async () => {
    const { secret, chunks } = await encrypt(file.subarray(0, 10));
    expect(await rejectionCode(decrypt(chunks, { ...secret, header: 'short' }))).to.equal('crypto.malformed');
  });
  it("attachmentUploadBytes predicts the ciphertext size exactly (what the server's limit is checked against)", async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 200_003]) {
      const { chunks } = await encrypt(new Uint8Array(size));
      expect(
        chunks.reduce((total, chunk) => total + chunk.length, 0),
        `${size} bytes`,
      ).to.equal(attachmentUploadBytes(size));
    }
  });
});
