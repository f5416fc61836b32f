import { Envelope } from '../../../shared/crypto/envelope-format.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import { checkEnvelopeKeys, verifyEnvelopeSignature } from '../../../shared/crypto/verify-envelope.js';
import { signingKeysAt, type IdentityKeyTimeline, type SigningKeyCandidate } from './key-at-time.js';

/**
 * The sender key that signed this envelope, chosen among the keys valid at its signed `ts`
 * (current first where both could be). Throws CryptoError 'crypto.bad-signature' when none of them
 * verifies; the message then says whether a key outside its period did, the mark of an old key
 * signing a message dated after it was replaced. A malformed envelope fails first, with
 * 'crypto.malformed', as in openEnvelope.
 */
export async function signingKeyOf(envelope: Envelope, sender: IdentityKeyTimeline): Promise<SigningKeyCandidate> {
  const parsed = Envelope.safeParse(envelope);
  if (!parsed.success) throw new CryptoError('crypto.malformed', 'envelope does not match its schema');
  const structure = checkEnvelopeKeys(parsed.data);
  if (!structure.ok) throw new CryptoError(structure.code, structure.message);
  const { ts } = parsed.data.header;
  const candidates = signingKeysAt(sender, ts);
  for (const candidate of candidates) {
    if (await verifyEnvelopeSignature(parsed.data, candidate.identityKey)) return candidate;
  }
  for (const old of sender.history) {
    if (candidates.some((candidate) => candidate.keyVersion === old.keyVersion)) continue;
    if (await verifyEnvelopeSignature(parsed.data, old.identityKey)) {
      throw new CryptoError(
        'crypto.bad-signature',
        `signed with key version ${old.keyVersion}, which was not the sender's key at the time the message claims (${new Date(ts).toISOString()})`,
      );
    }
  }
  throw new CryptoError(
    'crypto.bad-signature',
    candidates.length === 0
      ? 'no key of the sender was valid at the time the message claims'
      : "the signature does not verify against the sender's key",
  );
}
