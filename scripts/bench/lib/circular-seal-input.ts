import type { SealEnvelopeInput } from '../../../shared/crypto/envelope-seal.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';

/** About one page of a circular's text. */
const TEXT = 'The joint exercise of border services takes place on 12-14 March. '.repeat(60);

/** A message or circular sealing input for `count` recipients with fresh keys (in Node or a page alike). */
export async function sealInput(
  generate: () => Promise<UserKeys>,
  count: number,
  kind: 'message' | 'circular',
): Promise<SealEnvelopeInput> {
  const sender = await generate();
  const recipients = [];
  for (let i = 0; i < count; i++)
    recipients.push({
      userId: `fp-${i}`,
      state: String.fromCharCode(65 + (Math.floor(i / 26) % 26), 65 + (i % 26)),
      encryptionKey: (await generate()).encryption.publicKey,
    });
  return {
    ts: Date.now(),
    kind,
    from: { userId: 'sender', state: 'XS' },
    labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
    recipients,
    content: kind === 'message' ? { text: TEXT } : { subject: 'Joint exercise', text: TEXT },
    senderIdentity: sender.identity,
    selfEncryptionKey: sender.encryption.publicKey,
  };
}

/** Median ms of `iterations` calls after two warm-up calls. */
export async function medianMs(iterations: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}
