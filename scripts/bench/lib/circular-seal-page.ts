/**
 * Bundled for the browser by circular-seal.bench.ts: seals one message for 28 recipients and one
 * circular for n, in the page's own WebAssembly libsodium, and answers the median ms of each.
 */
import { generateUserKeys } from '../../../shared/crypto/keys.js';
import { sealEnvelope, type SealEnvelopeInput } from '../../../shared/crypto/envelope-seal.js';
import { sealInput, medianMs } from './circular-seal-input.js';

declare global {
  var sealBench: (recipients: number, kind: 'message' | 'circular', iterations: number) => Promise<number>;
}

globalThis.sealBench = async (recipients, kind, iterations) => {
  const input: SealEnvelopeInput = await sealInput(generateUserKeys, recipients, kind);
  return medianMs(iterations, () => sealEnvelope(input));
};
