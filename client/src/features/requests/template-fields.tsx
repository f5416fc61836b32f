import type { TemplateField } from '../../../../shared/requests/templates';
import { Field } from '../../components/field';
import type { FieldValues } from './compose-model';
import { useRequestLabels } from './use-request-labels';

/** The encrypted fields of a request type, rendered from its shared template. */
export function TemplateFields({
  fields,
  values,
  problems,
  onChange,
}: {
  fields: readonly TemplateField[];
  values: FieldValues;
  problems: Record<string, string>;
  onChange: (values: FieldValues, changed: string) => void;
}) {
  const l = useRequestLabels();
  const set = (name: string, value: string | string[]): void => onChange({ ...values, [name]: value }, name);
  return (
    <div className="template-fields">
      {fields.map((field) => {
        const label = `${field.label[l.language]}${field.required ? ' *' : ''}`;
        const problem = problems[field.name];
        const error =
          problem === undefined ? undefined : l.r(`compose.${problem === 'required' ? 'required' : 'invalid'}`);
        const text = typeof values[field.name] === 'string' ? (values[field.name] as string) : '';
        if (field.type === 'states') {
          const chosen = Array.isArray(values[field.name]) ? (values[field.name] as string[]) : [];
          return (
            <fieldset key={field.name} className="states-field">
              <legend>{label}</legend>
              {l.sortedStates().map((state) => (
                <label key={state.code} className="inline">
                  <input
                    type="checkbox"
                    checked={chosen.includes(state.code)}
                    onChange={(e) =>
                      set(
                        field.name,
                        e.target.checked ? [...chosen, state.code] : chosen.filter((c) => c !== state.code),
                      )
                    }
                  />
                  {state.name[l.language]}
                </label>
              ))}
            </fieldset>
          );
        }
        return (
          <Field key={field.name} label={label} error={error}>
            {(props) => {
              switch (field.type) {
                case 'long-text':
                  return (
                    <textarea
                      {...props}
                      name={field.name}
                      rows={4}
                      maxLength={field.maxLength}
                      value={text}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  );
                case 'date':
                  return (
                    <input
                      {...props}
                      name={field.name}
                      type="date"
                      value={text}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  );
                case 'state':
                  return (
                    <select {...props} name={field.name} value={text} onChange={(e) => set(field.name, e.target.value)}>
                      <option value="">{l.r('compose.choose')}</option>
                      {l.sortedStates().map((state) => (
                        <option key={state.code} value={state.code}>
                          {state.name[l.language]}
                        </option>
                      ))}
                    </select>
                  );
                case 'select':
                  return (
                    <select {...props} name={field.name} value={text} onChange={(e) => set(field.name, e.target.value)}>
                      <option value="">{l.r('compose.choose')}</option>
                      {(field.options ?? []).map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label[l.language]}
                        </option>
                      ))}
                    </select>
                  );
                default:
                  return (
                    <input
                      {...props}
                      name={field.name}
                      maxLength={field.maxLength}
                      value={text}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  );
              }
            }}
          </Field>
        );
      })}
    </div>
  );
}
