import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeDraft, ScopeMode } from './rule-draft';
import type { DraftIssue } from './validate-draft';
import { FieldIssues } from './field-issues';

export interface ScopeOption<T extends string> {
  value: T;
  label: string;
}

/**
 * One scope of a rule: any, only the ticked entries, or (for counterpart states) all others
 * except the ticked ones. Modes are radios so the meaning of the ticks is always visible.
 */
export function ScopeField<T extends string>({
  legend,
  options,
  value,
  onChange,
  issues,
  modes = ['any', 'only'],
  modeLabels,
  hints,
}: {
  legend: string;
  options: readonly ScopeOption<T>[];
  value: ScopeDraft<T>;
  onChange: (next: ScopeDraft<T>) => void;
  issues?: readonly DraftIssue[] | undefined;
  modes?: readonly ScopeMode[];
  /** Overrides of the mode wording (e.g. "any state"). */
  modeLabels?: Partial<Record<ScopeMode, string>>;
  /** A note shown under the ticks in a mode. */
  hints?: Partial<Record<ScopeMode, string>>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const toggle = (item: T): void =>
    onChange({
      ...value,
      selected: value.selected.includes(item) ? value.selected.filter((s) => s !== item) : [...value.selected, item],
    });
  const invalid = issues !== undefined && issues.length > 0;
  return (
    <fieldset
      className="scope-field"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="scope-modes" role="radiogroup" aria-label={legend}>
        {modes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
            />
            {modeLabels?.[mode] ?? t(`policies.rule.scope.${mode}`)}
          </label>
        ))}
      </div>
      {value.mode !== 'any' && (
        <div className="choice-grid">
          {options.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                value={option.value}
                checked={value.selected.includes(option.value)}
                onChange={() => toggle(option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
      )}
      {hints?.[value.mode] !== undefined && <span className="hint">{hints[value.mode]}</span>}
      <FieldIssues issues={issues} id={`${id}-error`} />
    </fieldset>
  );
}
