import type { DomainStore, MemberStateStore, SettingStore } from '../directory/ports.js';
import type { ProposalStore } from './ports.js';
import type { LivenessScheduleStore } from '../liveness/ports.js';
import type { Clock } from '../../system/clock.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { AuditLog } from '../audit/audit-log.js';

/** Real-time news of proposals to every administrator's open sockets (on any node). */
export interface ConsensusNotifier {
  updated(proposal: ProposalView): void;
  /** The proposal closes soon and these member states have given no position yet. */
  closing(proposal: ProposalView, silentStates: string[]): void;
}

export interface ConsensusDeps {
  proposals: ProposalStore;
  states: MemberStateStore;
  domains: DomainStore;
  settings: SettingStore;
  /** The network's liveness schedule is set and removed by adopted proposals. */
  livenessSchedules: LivenessScheduleStore;
  audit: AuditLog;
  clock: Clock;
  notifier: ConsensusNotifier;
  /** Every node's directory reloads states and settings (an adopted change alters them). */
  directoryChanged(): Promise<void>;
}
