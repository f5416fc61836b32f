import { AppError } from '../../../shared/errors.js';
import {
  MAX_PROPOSAL_DAYS,
  MIN_PROPOSAL_HOURS,
  type CreateProposal,
  type ProposalView,
  type ProposedChange,
  type WithdrawProposal,
} from '../../../shared/schemas/consensus.js';
import { subjectOf } from './proposal-subject.js';
import { NETWORK_SCHEDULE } from '../liveness/ports.js';
import { checkFirstRun } from '../liveness/liveness-schedules.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { ConsensusDeps } from './consensus-deps.js';
import { toProposalView } from './proposal-view.js';
import { findProposal } from './read-proposals.js';
import { settleIfDue } from './settle-proposals.js';

const HOUR_MS = 3_600_000;

/** The change must still make sense: a state is admitted, a domain added, renamed or retired, once, by one proposal at a time. */
async function checkChange(deps: ConsensusDeps, input: CreateProposal): Promise<void> {
  const { change } = input;
  if (change.kind === 'adopt-document')
    throw new AppError('consensus.invalid', 'a document for comment is circulated sealed, through /api/documents', [
      { path: ['body', 'change', 'kind'], message: 'use /api/documents' },
    ]);
  if (change.kind === 'admit-state') {
    const path = ['body', 'change', 'state', 'code'];
    if (await deps.states.find(change.state.code))
      throw new AppError('consensus.invalid', `${change.state.code} is a member state already`, [
        { path, message: 'already a member' },
      ]);
    await checkNoneOpen(deps, change, `to admit ${change.state.code}`, path);
  }
  if (change.kind === 'add-domain') {
    const path = ['body', 'change', 'domain', 'code'];
    if (await deps.domains.find(change.domain.code))
      throw new AppError('consensus.invalid', `${change.domain.code} is a domain of the network already`, [
        { path, message: 'already a domain' },
      ]);
    await checkNoneOpen(deps, change, `to add the domain ${change.domain.code}`, path);
  }
  if (change.kind === 'rename-domain') {
    const current = await deps.domains.find(change.domain.code);
    if (!current)
      throw new AppError('consensus.invalid', `${change.domain.code} is not a domain of the network`, [
        { path: ['body', 'change', 'domain', 'code'], message: 'not a domain' },
      ]);
    if (current.retiredAt)
      throw new AppError('consensus.invalid', `the domain ${change.domain.code} was retired`, [
        { path: ['body', 'change', 'domain', 'code'], message: 'retired' },
      ]);
    if (current.name.en === change.domain.name.en && current.name.ru === change.domain.name.ru) {
      throw new AppError('consensus.invalid', `the domain ${change.domain.code} has these names already`, [
        { path: ['body', 'change', 'domain', 'name', 'en'], message: 'the current name' },
      ]);
    }
    await checkNoneOpen(deps, change, `about the domain ${change.domain.code}`, ['body', 'change', 'domain', 'code']);
  }
  if (change.kind === 'retire-domain') {
    const path = ['body', 'change', 'domain', 'code'];
    const domains = await deps.domains.all();
    const current = domains.find((domain) => domain.code === change.domain.code);
    if (!current)
      throw new AppError('consensus.invalid', `${change.domain.code} is not a domain of the network`, [
        { path, message: 'not a domain' },
      ]);
    if (current.retiredAt)
      throw new AppError('consensus.invalid', `the domain ${change.domain.code} was retired already`, [
        { path, message: 'retired already' },
      ]);
    if (domains.filter((domain) => !domain.retiredAt).length === 1)
      throw new AppError('consensus.invalid', 'the network keeps at least one domain in use', [
        { path, message: 'the last domain in use' },
      ]);
    await checkNoneOpen(deps, change, `about the domain ${change.domain.code}`, path);
  }
}

/** The network's liveness schedule: one proposal about it at a time; removing one needs one to remove. */
async function checkLivenessSchedule(deps: ConsensusDeps, change: ProposedChange, now: Date): Promise<void> {
  if (change.kind === 'set-liveness-schedule')
    checkFirstRun(change.schedule, now, ['body', 'change', 'schedule', 'firstRunAt']);
  if (change.kind === 'remove-liveness-schedule' && !(await deps.livenessSchedules.find(NETWORK_SCHEDULE)))
    throw new AppError('consensus.invalid', 'the network has no liveness schedule to remove', [
      { path: ['body', 'change', 'kind'], message: 'no schedule' },
    ]);
  if (change.kind === 'set-liveness-schedule' || change.kind === 'remove-liveness-schedule')
    await checkNoneOpen(deps, change, "about the network's liveness schedule", ['body', 'change', 'kind']);
}

async function checkNoneOpen(deps: ConsensusDeps, change: ProposedChange, what: string, path: string[]): Promise<void> {
  const subject = subjectOf(change);
  const pending = subject === null ? undefined : await deps.proposals.openAbout(subject);
  if (pending)
    throw new AppError('consensus.invalid', `a proposal ${what} is open already (${pending.id})`, [
      { path, message: 'already proposed' },
    ]);
}

/**
 * The secretariat puts a network-wide decision to the member states. The electorate is the
 * member states at this moment; each decides through its national admins.
 */
export async function propose(deps: ConsensusDeps, actor: User, input: CreateProposal): Promise<ProposalView> {
  authorize(actor, 'consensus:propose');
  const now = deps.clock.now();
  const deadline = new Date(input.deadline);
  const hours = (deadline.getTime() - now.getTime()) / HOUR_MS;
  if (hours < MIN_PROPOSAL_HOURS || hours > MAX_PROPOSAL_DAYS * 24) {
    throw new AppError(
      'consensus.invalid',
      `the deadline must be between ${MIN_PROPOSAL_HOURS} hours and ${MAX_PROPOSAL_DAYS} days from now`,
      [{ path: ['body', 'deadline'], message: `${MIN_PROPOSAL_HOURS} h to ${MAX_PROPOSAL_DAYS} days ahead` }],
    );
  }
  await checkChange(deps, input);
  await checkLivenessSchedule(deps, input.change, now);
  const electorate = (await deps.states.all()).map((state) => state.code);
  const proposal = await deps.proposals.create({
    change: input.change,
    procedure: input.procedure,
    rationale: input.rationale,
    proposedBy: actor.id,
    proposedAt: now,
    deadline,
    electorate,
  });
  await deps.audit.append({
    type: 'consensus.proposed',
    actorId: actor.id,
    subjectId: proposal.id,
    data: {
      kind: input.change.kind,
      procedure: input.procedure,
      deadline: deadline.toISOString(),
      electorate: electorate.length,
    },
  });
  const view = toProposalView(proposal);
  deps.notifier.updated(view);
  return view;
}

/** The secretariat withdraws an open proposal (nothing changes). */
export async function withdraw(
  deps: ConsensusDeps,
  actor: User,
  id: string,
  input: WithdrawProposal = {},
): Promise<ProposalView> {
  authorize(actor, 'consensus:propose');
  const proposal = await findProposal(deps, id);
  const current = await settleIfDue(deps, proposal);
  if (current.status !== 'open' || !(await deps.proposals.settle(id, 'withdrawn', 'withdrawn', deps.clock.now()))) {
    throw new AppError('consensus.closed', 'this proposal has ended already');
  }
  if (input.reason) await deps.proposals.noteWithdrawalReason(id, input.reason);
  await deps.audit.append({
    type: 'consensus.withdrawn',
    actorId: actor.id,
    subjectId: id,
    data: { kind: proposal.change.kind, ...(input.reason ? { reason: input.reason } : {}) },
  });
  const view = toProposalView((await deps.proposals.find(id)) ?? proposal);
  deps.notifier.updated(view);
  return view;
}
