import type { DualControlRequestView } from '../../../../shared/schemas/dual-control';

/** Who may be the second person: a secretariat member's request is for the secretariat alone. */
export function approverWords(request: Pick<DualControlRequestView, 'kind'>) {
  return request.kind.endsWith('-secretariat-member')
    ? ({ who: 'dualControl.whoMayApproveSecretariat', nobody: 'dualControl.nobodyYetSecretariat' } as const)
    : ({ who: 'dualControl.whoMayApprove', nobody: 'dualControl.nobodyYet' } as const);
}
