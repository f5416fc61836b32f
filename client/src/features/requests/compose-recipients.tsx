import { useState } from 'react';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FocalPointSelect } from './focal-point-select';
import { useRequestLabels } from './use-request-labels';

export interface Recipient {
  state: string;
  userId: string;
}

/** Route information: one focal point per state of the route, the states taken from the form. */
export function RouteRecipients({
  states,
  domain,
  recipients,
  onChange,
}: {
  states: string[];
  domain: DomainCode;
  recipients: Recipient[];
  onChange: (recipients: Recipient[]) => void;
}) {
  const l = useRequestLabels();
  const chosen = (state: string): string => recipients.find((r) => r.state === state)?.userId ?? '';
  const set = (state: string, userId: string): void =>
    onChange(states.map((s) => ({ state: s, userId: s === state ? userId : chosen(s) })));
  return (
    <fieldset className="recipients" data-testid="route-recipients">
      <legend>{l.r('compose.routeRecipients')}</legend>
      {states.length === 0 && <p className="hint">{l.r('compose.routeNoStates')}</p>}
      {states.map((state) => (
        <FocalPointSelect
          key={state}
          state={state}
          domain={domain}
          value={chosen(state)}
          onChange={(userId) => set(state, userId)}
        />
      ))}
    </fieldset>
  );
}

/** Any other type: focal points picked state by state; each gets a request of their own. */
export function ChosenRecipients({
  domain,
  recipients,
  onChange,
}: {
  domain: DomainCode;
  recipients: Recipient[];
  onChange: (recipients: Recipient[]) => void;
}) {
  const l = useRequestLabels();
  const [state, setState] = useState('');
  const update = (index: number, userId: string): void =>
    onChange(recipients.map((r, i) => (i === index ? { ...r, userId } : r)));
  return (
    <fieldset className="recipients" data-testid="recipients">
      <legend>{l.r('compose.recipients')}</legend>
      <p className="hint">{l.r('compose.recipientsHint')}</p>
      {recipients.map((recipient, index) => (
        <div key={`${recipient.state}-${index}`} className="recipient-row">
          <FocalPointSelect
            state={recipient.state}
            domain={domain}
            value={recipient.userId}
            onChange={(userId) => update(index, userId)}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(recipients.filter((_, i) => i !== index))}
          >
            {l.r('compose.remove')}
          </button>
        </div>
      ))}
      <div className="recipient-add">
        <Field label={l.r('compose.state')}>
          {(props) => (
            <select {...props} value={state} onChange={(e) => setState(e.target.value)} data-testid="recipient-state">
              <option value="">{l.r('compose.choose')}</option>
              {l.sortedStates().map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name[l.language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          disabled={state === ''}
          onClick={() => {
            onChange([...recipients, { state, userId: '' }]);
            setState('');
          }}
        >
          {l.r('compose.add')}
        </button>
      </div>
    </fieldset>
  );
}
