import {
  describeDecision,
  redactDecision,
  type Decision,
  type RecipientDecision,
} from '../../../shared/policy/index.js';
import type { Audience, AudienceMember } from '../../../shared/schemas/audience.js';
import type { LeftOutState } from '../../../shared/schemas/circulars.js';
import { HANDLING_CODES, SECRETARIAT_STATE, type Labels } from '../../../shared/schemas/labels.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from '../accounts/ports/users.js';
import { assertMayAddress, audienceMembers } from '../directory/audience-members.js';
import { requireActiveDomains } from '../directory/domains.js';
import type { ExchangeToDecide } from '../policies/enforce-policy.js';
import type { CircularsDeps } from './circulars-deps.js';
import type { Conditions } from './ports.js';

/** Who a circular reaches now, who is left out and why, and the decision that says so. */
export interface Reach {
  senderState: string;
  recipients: AudienceMember[];
  leftOut: LeftOutState[];
  conditions: Record<string, Conditions>;
  exchange: ExchangeToDecide;
  decision: Decision;
}

/** The state a person is named by in a circular's envelope: the secretariat has its reserved code. */
export const participantState = (state: string | null | undefined): string => state ?? SECRETARIAT_STATE;

const NOT_HELD = {
  en: 'A circular is never held for approval: it does not go to this state.',
  ru: 'Циркуляр не передаётся на утверждение: в это государство он не направляется.',
};
const handlingUnmet = (min: string): { en: string; ru: string } => ({
  en: `The policy requires handling code ${min} or stricter; relabel the circular to reach this state.`,
  ru: `Политика требует код обращения ${min} или строже; измените метки циркуляра, чтобы охватить это государство.`,
});

function meetsConditions(labels: Labels, recipient: RecipientDecision): boolean {
  const min = recipient.conditions.minHandling;
  return !min || HANDLING_CODES.indexOf(labels.handling) >= HANDLING_CODES.indexOf(min);
}

/** The reasons one state is left out, redacted for the sender's state (others' unpublished rules are not shown). */
function leftOutState(labels: Labels, recipient: RecipientDecision, viewerState: string | null): LeftOutState {
  const single: Decision = { effect: recipient.effect, perRecipient: [recipient], conditions: recipient.conditions };
  const redacted = redactDecision(single, viewerState);
  // The first two lines are the overall effect and the state's, the same here: the reasons follow.
  const en = describeDecision(redacted, 'en').slice(2);
  const ru = describeDecision(redacted, 'ru').slice(2);
  const extra =
    recipient.effect === 'approve'
      ? NOT_HELD
      : recipient.effect === 'conditions'
        ? handlingUnmet(recipient.conditions.minHandling ?? 'H0')
        : undefined;
  if (extra) {
    en.push(extra.en);
    ru.push(extra.ru);
  }
  return { state: recipient.state, effect: recipient.effect, reasons: { en, ru } };
}

/** The labels fit the audience: a domain's circular carries that domain; any other names an active domain. */
async function checkLabels(deps: CircularsDeps, audience: Audience, labels: Labels): Promise<void> {
  if (audience.kind === 'domain' && labels.domain !== audience.domain)
    throw new AppError('validation.failed', `a circular to the ${audience.domain} domain carries that domain`, [
      { path: ['labels', 'domain'], message: `must be ${audience.domain}` },
    ]);
  await requireActiveDomains(deps.index, [labels.domain], ['labels', 'domain']);
}

/**
 * Resolves the audience (without the sender) and decides, per recipient state, with the same
 * policy engine as exchanges (the sender's state's outbound rules, each recipient state's
 * inbound ones; the secretariat sends as its reserved code, which has no policy). A state
 * whose decision denies, would hold for approval, or sets conditions the labels do not meet is
 * left out entirely. The secretariat's members are no state and are always reached.
 */
export async function resolveReach(
  deps: CircularsDeps,
  actor: User,
  audience: Audience,
  labels: Labels,
  at: Date,
  options: { audit: boolean; exchangeRef?: string },
): Promise<Reach> {
  await assertMayAddress(deps, actor, audience);
  await checkLabels(deps, audience, labels);
  const senderState = participantState(actor.state);
  const members = (await audienceMembers(deps, audience)).filter((member) => member.userId !== actor.id);
  const states = [...new Set(members.flatMap((member) => (member.state ? [member.state] : [])))];
  const exchange: ExchangeToDecide = {
    labels,
    kind: 'circular',
    fromState: senderState,
    toStates: states,
    at,
    actorId: actor.id,
    exchangeRef: options.exchangeRef ?? null,
    ...(options.audit ? { auditLater: true } : { preview: true }),
  };
  const decision = await deps.policy.decideExchange(exchange);
  const reached = new Set<string>();
  const leftOut: LeftOutState[] = [];
  const conditions: Record<string, Conditions> = {};
  for (const recipient of decision.perRecipient) {
    const ok =
      recipient.effect === 'allow' || (recipient.effect === 'conditions' && meetsConditions(labels, recipient));
    if (ok) {
      reached.add(recipient.state);
      if (Object.keys(recipient.conditions).length > 0) conditions[recipient.state] = { ...recipient.conditions };
    } else leftOut.push(leftOutState(labels, recipient, actor.state ?? null));
  }
  const recipients = members.filter((member) => member.state === null || reached.has(member.state));
  return { senderState, recipients, leftOut, conditions, exchange, decision };
}
