import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { verifyEnvelope } from '../../../shared/crypto/verify-envelope.js';
import { AppError } from '../../../shared/errors.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { Audience } from '../../../shared/schemas/audience.js';
import { audienceKey } from '../../../shared/schemas/audience.js';
import type { CircularSent } from '../../../shared/schemas/circulars.js';
import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import type { User } from '../accounts/ports/users.js';
import type { CircularsDeps } from './circulars-deps.js';
import type { StoredCircular } from './ports.js';
import { participantState, resolveReach, type Reach } from './reach.js';

const who = (userId: string, state: string): string => `${userId}\u0000${state}`;

/** The envelope is sealed to exactly the reachable recipients, or the client re-seals to the list in the details. */
function checkRecipients(envelope: Envelope, reach: Reach): void {
  if (reach.recipients.length === 0) {
    throw new AppError(
      'circular.no-recipients',
      'nobody of this audience can receive the circular: ' +
        (reach.leftOut.length > 0
          ? `every state is left out by a disclosure policy (${reach.leftOut.map((s) => s.state).join(', ')})`
          : 'no member has verified keys yet'),
      undefined,
      { leftOut: reach.leftOut },
    );
  }
  const sealed = new Set(envelope.header.to.map((r) => who(r.userId, r.state)));
  const reachable = new Set(reach.recipients.map((m) => who(m.userId, participantState(m.state))));
  const same = sealed.size === reachable.size && [...sealed].every((key) => reachable.has(key));
  if (!same) {
    throw new AppError(
      'circular.recipients-changed',
      'the audience or a disclosure policy changed since the preview: seal to the recipients listed and send again',
      undefined,
      { recipients: reach.recipients, leftOut: reach.leftOut },
    );
  }
}

function answerOf(circular: StoredCircular): CircularSent {
  const states = [...new Set(circular.envelope.header.to.map((r) => r.state))].sort();
  return { id: circular.id, recipients: circular.envelope.header.to.length, states, leftOut: circular.leftOut };
}

/**
 * One circular to an audience: checked (sender, signature, time, who may address whom), decided
 * per recipient state, then stored once with a copy per recipient before the answer. Nothing is
 * written until every check passed. A retry with the same msgId returns the first answer (and
 * queues any copy a crash lost).
 */
export async function sendCircular(
  deps: CircularsDeps,
  actor: User,
  input: { audience: Audience; envelope: Envelope },
): Promise<CircularSent> {
  const { header } = input.envelope;
  if (header.kind !== 'circular') throw new AppError('message.invalid', "a circular's envelope is of kind 'circular'");
  if (header.from.userId !== actor.id || header.from.state !== participantState(actor.state))
    throw new AppError('message.not-sender', 'the envelope names another sender');
  try {
    return await checkAndStore(deps, actor, input.audience, input.envelope);
  } catch (error) {
    const existing = await deps.circulars.findById(deps.circulars.idFor(actor.id, header.msgId)).catch(() => undefined);
    if (existing?.senderId === actor.id) return settleRetry(deps, existing);
    throw error;
  }
}

async function checkAndStore(
  deps: CircularsDeps,
  actor: User,
  audience: Audience,
  envelope: Envelope,
): Promise<CircularSent> {
  const { header } = envelope;
  const now = deps.clock.now();
  if (Math.abs(header.ts - now.getTime()) > deps.maxClockSkewMs)
    throw new AppError(
      'message.clock-skew',
      "the circular's time is too far from the server's: check the device clock",
    );
  if (!actor.keys) throw new AppError('keys.invalid', 'you have no keys');
  const verdict = await verifyEnvelope(envelope, fromBase64Url(actor.keys.identityKey));
  if (!verdict.ok) throw new AppError('message.invalid', verdict.message);
  const id = deps.circulars.idFor(actor.id, header.msgId);
  const reach = await resolveReach(deps, actor, audience, header.labels, now, { audit: true, exchangeRef: id });
  checkRecipients(envelope, reach);

  const { circular, created } = await deps.circulars.insert({
    id,
    senderId: actor.id,
    senderState: actor.state ?? null,
    senderRole: actor.role,
    msgId: header.msgId,
    audience,
    envelope,
    sender: {
      userId: actor.id,
      state: actor.state ?? null,
      role: actor.role,
      keys: {
        identityKey: actor.keys.identityKey,
        encryptionKey: actor.keys.encryptionKey,
        encryptionKeySig: actor.keys.encryptionKeySig,
      },
      keyVersion: actor.keys.keyVersion,
      verified: Boolean(actor.keys.verifiedAt),
    },
    storedAt: now,
    leftOut: reach.leftOut,
    conditions: reach.conditions,
  });
  if (!created) return settleRetry(deps, circular);
  await Promise.all([deps.circulars.enqueue(circular), audit(deps, actor, circular, reach)]);
  tell(deps, circular);
  return answerOf(circular);
}

/** The decision per state as exchanges' are audited, and the sending: ids, audience, labels, counts and states only. */
async function audit(deps: CircularsDeps, actor: User, circular: StoredCircular, reach: Reach): Promise<void> {
  const { labels } = circular.envelope.header;
  const deciding = (state: string): string[] => [
    ...new Set(reach.decision.perRecipient.find((r) => r.state === state)?.reasons.map((reason) => reason.state)),
  ];
  await Promise.all([
    deps.policy.auditDecision(reach.exchange, reach.decision),
    deps.audit.append({
      type: 'circular.sent',
      actorId: actor.id,
      state: actor.state ?? null,
      subjectId: circular.id,
      data: {
        circularId: circular.id,
        audience: audienceKey(circular.audience),
        domain: labels.domain,
        category: labels.category,
        classification: labels.classification,
        recipients: circular.envelope.header.to.length,
        includedStates: answerOf(circular).states,
        // "<state>:<effect>:<deciding states>", e.g. "KG:deny:KG".
        excludedStates: reach.leftOut.map((s) => `${s.state}:${s.effect}:${deciding(s.state).join('+')}`),
      },
    }),
  ]);
}

/** Open tabs are told; people away get an alert (metadata only: sender state, domain). */
function tell(deps: CircularsDeps, circular: StoredCircular): void {
  const at = circular.storedAt.toISOString();
  const alerts: Alert[] = [];
  for (const recipient of circular.envelope.header.to) {
    deps.notifier.arrived(recipient.userId, { id: circular.id });
    alerts.push({
      id: `circular.arrived:${circular.id}:${recipient.userId}`,
      kind: 'circular.arrived',
      userId: recipient.userId,
      ...(recipient.state === SECRETARIAT_STATE ? {} : { state: recipient.state }),
      ...(circular.senderState ? { counterpartState: circular.senderState } : {}),
      domain: circular.envelope.header.labels.domain,
      refs: { circularId: circular.id },
      at,
    });
  }
  void deps.raiseAlerts(alerts);
}

async function settleRetry(deps: CircularsDeps, circular: StoredCircular): Promise<CircularSent> {
  await deps.circulars.enqueue(circular); // the first attempt may have died before queueing
  return answerOf(circular);
}
