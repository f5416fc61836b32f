import type { Proposal } from './ports.js';
import { NETWORK_SCHEDULE } from '../liveness/ports.js';
import type { LivenessScheduleInput } from '../../../shared/schemas/liveness-schedule.js';
import { FRESHNESS_SETTING } from '../directory/directory-index.js';
import type { ConsensusDeps } from './consensus-deps.js';
import { RECIPROCITY_SETTING } from '../travel-documents/ports.js';

/**
 * The domain is marked retired (its names stay for history) and leaves every state's
 * participation, so the directory lists no one in it and no new exchange can name it.
 */
async function retireDomain(deps: ConsensusDeps, code: string, now: Date): Promise<void> {
  await deps.domains.retire(code, now);
  for (const state of await deps.states.all()) {
    if (!state.domains.includes(code)) continue;
    const after = state.domains.filter((domain) => domain !== code);
    await deps.states.setDomains(state.code, after, now);
    await deps.audit.append({
      type: 'state.participation-changed',
      state: state.code,
      subjectId: state.code,
      data: { before: state.domains, after, retired: code },
    });
  }
}

/** Set by the proposer in the network's name; it takes effect (setAt) at adoption, not when proposed. */
async function setNetworkSchedule(
  deps: ConsensusDeps,
  proposal: Proposal,
  schedule: LivenessScheduleInput,
  now: Date,
): Promise<void> {
  await deps.livenessSchedules.put({
    key: NETWORK_SCHEDULE,
    state: null,
    everyMonths: schedule.everyMonths,
    answerHours: schedule.answerHours,
    firstRunAt: new Date(schedule.firstRunAt),
    setBy: proposal.proposedBy,
    setAt: now,
    proposalId: proposal.id,
  });
  await deps.audit.append({
    type: 'liveness.schedule-set',
    subjectId: NETWORK_SCHEDULE,
    data: { ...schedule, proposalId: proposal.id },
  });
}

/** Carries out an adopted proposal's change. Idempotent: the sweep repeats it after a crash. */
export async function applyChange(deps: ConsensusDeps, proposal: Proposal): Promise<void> {
  const { change } = proposal;
  const now = deps.clock.now();
  switch (change.kind) {
    case 'admit-state':
      await deps.states.admit(change.state, now);
      break;
    case 'add-domain':
      await deps.domains.add(change.domain, now);
      break;
    case 'rename-domain':
      await deps.domains.rename(change.domain, now);
      break;
    case 'retire-domain':
      await retireDomain(deps, change.domain.code, now);
      break;
    case 'directory-freshness':
      await deps.settings.set(FRESHNESS_SETTING, change.freshnessDays, now);
      break;
    case 'set-liveness-schedule':
      await setNetworkSchedule(deps, proposal, change.schedule, now);
      break;
    case 'set-travel-documents-reciprocity':
      await deps.settings.set(RECIPROCITY_SETTING, change.required, now);
      await deps.audit.append({
        type: 'travel-documents.reciprocity-set',
        subjectId: RECIPROCITY_SETTING,
        data: { required: change.required, proposalId: proposal.id },
      });
      break;
    case 'adopt-document':
      // Nothing to change in the network: the adopted version is the last one circulated.
      await deps.audit.append({
        type: 'document.adopted',
        subjectId: proposal.id,
        data: {
          proposalId: proposal.id,
          version: proposal.documentVersion ?? 1,
          kind: change.document.kind,
          domains: change.document.domains,
        },
      });
      break;
    case 'remove-liveness-schedule':
      if (await deps.livenessSchedules.remove(NETWORK_SCHEDULE))
        await deps.audit.append({
          type: 'liveness.schedule-removed',
          subjectId: NETWORK_SCHEDULE,
          data: { proposalId: proposal.id },
        });
      break;
  }
  await deps.directoryChanged();
  await deps.proposals.markApplied(proposal.id);
  await deps.audit.append({ type: 'consensus.applied', subjectId: proposal.id, data: { kind: change.kind } });
}
