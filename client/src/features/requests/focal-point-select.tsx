import { useCallback, useEffect } from 'react';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient, useSession } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { useRequestLabels } from './use-request-labels';

/** The focal points of one state in one domain that can receive encrypted requests (they have keys). */
export function FocalPointSelect({
  state,
  domain,
  value,
  onChange,
}: {
  state: string;
  domain: DomainCode;
  value: string;
  onChange: (userId: string) => void;
}) {
  const client = useClient();
  const me = useSession()?.user.id;
  const l = useRequestLabels();
  const { data, error } = useLoaded(
    useCallback(() => client.directory.search({ domain, states: [state], pageSize: 100 }), [client, domain, state]),
  );
  const entries = (data?.entries ?? []).filter((entry) => entry.keys !== null && entry.userId !== me);
  // A state with one focal point in the domain: nothing to choose, so it is chosen.
  const only = entries.length === 1 ? entries[0]?.userId : undefined;
  useEffect(() => {
    if (only && value === '') onChange(only);
  }, [only, value, onChange]);
  const stateName = l.state(state);
  if (error) return <FormError error={error} />;
  if (data && entries.length === 0)
    return (
      <p className="field-error" data-testid="no-focal-points">
        {l.r('compose.noFocalPoints', { state: stateName })}
      </p>
    );
  return (
    <Field label={l.r('compose.focalPoint', { state: stateName })}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid="focal-point-select"
          data-state={state}
        >
          <option value="">{l.r('compose.chooseFocalPoint')}</option>
          {entries.map((entry) => (
            <option key={entry.userId} value={entry.userId}>
              {entry.name[l.language] ?? entry.name.en}
              {entry.authority ? ` — ${entry.authority[l.language] ?? entry.authority.en}` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
