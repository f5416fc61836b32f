import type { DomainsRepository } from '../../db/repositories/domains.repository.js';
import type { MemberStatesRepository } from '../../db/repositories/member-states.repository.js';
import type { ProposalsRepository } from '../../db/repositories/proposals.repository.js';
import type { SettingsRepository } from '../../db/repositories/settings.repository.js';
import type { Clock } from '../../system/clock.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { AuditLog } from '../audit/audit-log.js';

/** Real-time news of proposals to every administrator's open sockets (on any node). */
export interface ConsensusNotifier {
  updated(proposal: ProposalView): void;
}

export interface ConsensusDeps {
  proposals: ProposalsRepository;
  states: MemberStatesRepository;
  domains: DomainsRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  clock: Clock;
  notifier: ConsensusNotifier;
  /** Every node's directory reloads states and settings (an adopted change alters them). */
  directoryChanged(): Promise<void>;
}
