import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../components/use-labels';

/** Member states as ticks, sorted by name in the current language. */
export function StateChecklist({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toggle = (code: string): void =>
    onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
  return (
    <fieldset className="state-checklist">
      <legend>{legend}</legend>
      <div className="choice-grid">
        {labels.sortedStates().map((state) => (
          <label key={state.code} className="checkbox">
            <input
              type="checkbox"
              value={state.code}
              checked={value.includes(state.code)}
              onChange={() => toggle(state.code)}
            />
            {state.name[labels.language]}
          </label>
        ))}
      </div>
      {value.length > 0 && (
        <button type="button" className="link" onClick={() => onChange([])}>
          {t('preview.form.clear')}
        </button>
      )}
    </fieldset>
  );
}
