import type { LivenessCheckView } from '../../../../shared/schemas/liveness';

/** The per-state rows added up. */
export function checkTotals(check: LivenessCheckView): {
  targets: number;
  answered: number;
  late: number;
  none: number;
} {
  return check.states.reduce(
    (sum, row) => ({
      targets: sum.targets + row.targets,
      answered: sum.answered + row.answered,
      late: sum.late + row.late,
      none: sum.none + row.none,
    }),
    { targets: 0, answered: 0, late: 0, none: 0 },
  );
}
