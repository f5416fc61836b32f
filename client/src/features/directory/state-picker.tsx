import { useTranslation } from 'react-i18next';
import type { StateView } from '../../../../shared/schemas/directory';

/**
 * Several member states at once, as checkboxes in a fold-out: the summary says which are chosen,
 * so the closed picker still shows the filter in force.
 */
export function StatePicker({
  states,
  selected,
  name,
  onChange,
  label,
  emptyText,
}: {
  states: StateView[] | undefined;
  selected: readonly string[];
  name: (code: string) => string;
  onChange: (next: string[]) => void;
  label: string;
  /** What the summary says when none is chosen; default "all states" (as in a filter). */
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const toggle = (code: string): void =>
    onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const summary =
    selected.length === 0 ? (emptyText ?? t('directory.filters.allStates')) : selected.map(name).join(', ');
  return (
    <details className="state-picker" data-testid="state-picker">
      <summary>
        <span className="picker-label">{label}</span> <span className="picker-value">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {!states ? (
          <p>{t('common.loading')}</p>
        ) : (
          <div className="state-options">
            {states.map((state) => (
              <label key={state.code} className="checkbox">
                <input
                  type="checkbox"
                  name="state"
                  value={state.code}
                  checked={selected.includes(state.code)}
                  onChange={() => toggle(state.code)}
                />
                {name(state.code)}
              </label>
            ))}
          </div>
        )}
        {selected.length > 0 && (
          <button type="button" className="link" onClick={() => onChange([])}>
            {t('directory.filters.clearStates')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
