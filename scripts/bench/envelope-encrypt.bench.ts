/**
 * Envelope v1 cost in Node: seal (encrypt + sign) a 4 KB payload for 28 recipients, against the
 * irreducible work (one XChaCha20-Poly1305 of 4 KB + 28 crypto_box_seal of 32 bytes); and the
 * server's signature check, against one raw Ed25519 verification.
 * Run: npx tsx scripts/bench/envelope-encrypt.bench.ts
 */
import { environmentLine, medianOf, reportRatio, summarize } from './lib/stats.js';
import { getSodium } from '../../shared/crypto/sodium.js';
import { generateUserKeys, type UserKeys } from '../../shared/crypto/keys.js';
import { sealEnvelope, type SealEnvelopeInput } from '../../shared/crypto/envelope-seal.js';
import { signedBytes } from '../../shared/crypto/envelope-format.js';
import { verifyEnvelopeSignature } from '../../shared/crypto/verify-envelope.js';
import { fromBase64Url, toBase64Url } from '../../shared/crypto/encoding.js';

const RECIPIENTS = 28;
const PAYLOAD_BYTES = 4096;
const WARMUP = 30;
const REPEATS = 3;
const SEAL_ITERATIONS = 100;
const VERIFY_ITERATIONS = 2000;

/** Median ms per call over `iterations` calls, for each of REPEATS runs after a warm-up; then the median run. */
async function measure(iterations: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    runs.push(summarize(samples).median);
  }
  return medianOf(runs);
}

const sodium = await getSodium();
const sender: UserKeys = await generateUserKeys();
const recipients = await Promise.all(
  Array.from({ length: RECIPIENTS }, async (_, i) => ({
    userId: `fp-${i}`,
    state: String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
    encryptionKey: (await generateUserKeys()).encryption.publicKey,
  })),
);
// 4 KB of text content (base64url of random bytes, so nothing compresses or repeats).
const text = toBase64Url(sodium.randombytes_buf((PAYLOAD_BYTES * 3) / 4));
const input: SealEnvelopeInput = {
  ts: Date.now(),
  kind: 'message',
  from: { userId: 'fp-sender', state: 'ZZ' },
  labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
  recipients,
  content: { text },
  senderIdentity: sender.identity,
  selfEncryptionKey: sender.encryption.publicKey,
};

const sealMs = await measure(SEAL_ITERATIONS, () => sealEnvelope(input));
const plaintext = sodium.randombytes_buf(PAYLOAD_BYTES);
const ad = sodium.randombytes_buf(32);
const baselineMs = await measure(SEAL_ITERATIONS, () => {
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, sodium.randombytes_buf(24), key);
  for (const recipient of recipients) sodium.crypto_box_seal(key, recipient.encryptionKey);
});

const envelope = await sealEnvelope(input);
const message = await signedBytes(envelope);
const signature = fromBase64Url(envelope.sig);
const verifyMs = await measure(VERIFY_ITERATIONS, () => verifyEnvelopeSignature(envelope, sender.identity.publicKey));
const rawVerifyMs = await measure(VERIFY_ITERATIONS, () =>
  sodium.crypto_sign_verify_detached(signature, message, sender.identity.publicKey),
);

console.log(
  `envelope-encrypt: ${RECIPIENTS} recipients, ${PAYLOAD_BYTES} B payload, body ${envelope.body.length} chars; median of ${REPEATS} runs`,
);
console.log(environmentLine());
reportRatio(
  'sealEnvelope (encrypt + sign, per envelope)',
  sealMs,
  baselineMs,
  'ms',
  '≤ 15 ms per envelope; baseline = 1 AEAD of 4 KB + 28 crypto_box_seal of 32 B',
);
reportRatio(
  'verifyEnvelopeSignature (server)',
  verifyMs,
  rawVerifyMs,
  'ms',
  '~0.1 ms; baseline = one raw Ed25519 verify',
);
console.log(
  `targets: seal ${sealMs <= 15 ? 'met' : 'MISSED'} (${sealMs.toFixed(2)} ms ≤ 15 ms), verify ${verifyMs <= 0.1 ? 'met' : 'above'} (${verifyMs.toFixed(3)} ms vs ~0.1 ms)`,
);
