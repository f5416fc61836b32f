import type { LeftOutState } from '../../../../shared/schemas/circulars';
import { useLabels } from '../../components/use-labels';

/** The states a circular does not reach, each with the policy's reasons in the current language. */
export function LeftOutList({ leftOut }: { leftOut: readonly LeftOutState[] }) {
  const l = useLabels();
  return (
    <ul className="circular-left-out" data-testid="left-out">
      {leftOut.map((state) => (
        <li key={state.state} data-state={state.state}>
          <strong>{l.state(state.state)}</strong>
          <ul>
            {state.reasons[l.language].map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
