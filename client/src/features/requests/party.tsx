import type { RequestParty } from '../../../../shared/schemas/requests';
import { useRequestLabels } from './use-request-labels';

/**
 * One side of a case as a caller needs it: the person or duty desk, their authority, their state.
 * Someone no longer in the directory is shown by state alone.
 */
export function Party({ party }: { party: RequestParty }) {
  const l = useRequestLabels();
  const text = (value: { en: string; ru?: string | undefined } | undefined): string | undefined =>
    value && ((l.language === 'ru' && value.ru) || value.en);
  const name = text(party.name);
  const authority = text(party.authority);
  return (
    <span className="party" data-testid="party" data-user-id={party.userId}>
      {name && (
        <strong className="party-name" data-testid="party-name">
          {name}
        </strong>
      )}
      {party.kind === 'duty-desk' && <span className="badge kind">{l.r('party.dutyDesk')}</span>}
      {authority && (
        <span className="party-authority" data-testid="party-authority">
          {authority}
        </span>
      )}
      <span className="party-state">{l.state(party.state)}</span>
    </span>
  );
}
