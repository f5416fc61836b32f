import { URGENCIES, type Urgency } from '../../../../shared/requests/header-fields';
import {
  CATEGORY_CODES,
  CLASSIFICATIONS,
  HANDLING_CODES,
  type CategoryCode,
  type Classification,
  type DomainCode,
  type HandlingCode,
} from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { usePolicyLabels } from '../policies/use-policy-labels';
import { useRequestLabels } from './use-request-labels';

export interface ComposeLabels {
  domain: DomainCode;
  category: CategoryCode;
  classification: Classification;
  handling: HandlingCode;
  urgency: Urgency;
  /** datetime-local text, '' for the urgency's default. */
  deadline: string;
}

/** The request's metadata: what the server and the disclosure policies see. */
export function ComposeLabelsForm({
  value,
  domains,
  deadlineError,
  onChange,
}: {
  value: ComposeLabels;
  domains: readonly DomainCode[];
  deadlineError: string | undefined;
  onChange: (value: ComposeLabels) => void;
}) {
  const l = useRequestLabels();
  const p = usePolicyLabels();
  const set = <K extends keyof ComposeLabels>(key: K, v: ComposeLabels[K]): void => onChange({ ...value, [key]: v });
  return (
    <fieldset className="compose-labels">
      <legend>{l.r('compose.metadata')}</legend>
      <p className="hint">{l.r('compose.metadataHint')}</p>
      <Field label={l.r('compose.urgency')}>
        {(props) => (
          <select {...props} value={value.urgency} onChange={(e) => set('urgency', e.target.value as Urgency)}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {l.urgency(u)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={l.r('compose.deadline')} hint={l.r('compose.deadlineHint')} error={deadlineError}>
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            value={value.deadline}
            onChange={(e) => set('deadline', e.target.value)}
          />
        )}
      </Field>
      <Field label={l.r('compose.domain')}>
        {(props) => (
          <select
            {...props}
            value={value.domain}
            disabled={domains.length < 2}
            onChange={(e) => set('domain', e.target.value as DomainCode)}
          >
            {domains.map((d) => (
              <option key={d} value={d}>
                {l.domain(d)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={l.r('compose.category')}>
        {(props) => (
          <select {...props} value={value.category} onChange={(e) => set('category', e.target.value as CategoryCode)}>
            {CATEGORY_CODES.map((c) => (
              <option key={c} value={c}>
                {p.category(c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={l.r('compose.classification')}>
        {(props) => (
          <select
            {...props}
            value={value.classification}
            onChange={(e) => set('classification', e.target.value as Classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {p.classification(c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={l.r('compose.handling')} hint={l.r('form.handlingHint')}>
        {(props) => (
          <select {...props} value={value.handling} onChange={(e) => set('handling', e.target.value as HandlingCode)}>
            {HANDLING_CODES.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
