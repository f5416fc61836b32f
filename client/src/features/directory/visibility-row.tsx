import { useTranslation } from 'react-i18next';
import type { RestrictableField } from '../../../../shared/schemas/directory';
import { StatePicker } from './state-picker';
import type { States } from './use-states';
import { SHARED_WITH_ALL, type FieldSharing } from './visibility-model';

/** One restrictable field: everyone, or only the chosen states; and whether the secretariat sees it. */
export function VisibilityRow({
  field,
  sharing = SHARED_WITH_ALL,
  ownState,
  states,
  onChange,
}: {
  field: RestrictableField;
  sharing: FieldSharing | undefined;
  ownState: string;
  states: States;
  onChange: (next: FieldSharing) => void;
}) {
  const { t } = useTranslation();
  const others = states.list?.filter((s) => s.code !== ownState);
  const name = `visibility-${field}`;
  const summary =
    sharing.mode === 'all'
      ? t('directory.visibility.summaryAll')
      : `${sharing.states.map(states.name).join(', ') || t('directory.visibility.noState')}; ${sharing.secretariat ? t('directory.visibility.withSecretariat') : t('directory.visibility.withoutSecretariat')}`;
  return (
    <tr data-testid="visibility-row" data-field={field} data-mode={sharing.mode}>
      <th scope="row">{t(`directory.fieldName.${field}`)}</th>
      <td>
        <div className="visibility-modes" role="radiogroup" aria-label={t(`directory.fieldName.${field}`)}>
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              value="all"
              checked={sharing.mode === 'all'}
              onChange={() => onChange({ ...SHARED_WITH_ALL })}
            />
            {t('directory.visibility.all')}
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name={name}
              value="selected"
              checked={sharing.mode === 'selected'}
              onChange={() => onChange({ ...sharing, mode: 'selected' })}
            />
            {t('directory.visibility.selected')}
          </label>
        </div>
        {sharing.mode === 'selected' && (
          <div className="visibility-detail">
            <StatePicker
              states={others}
              selected={sharing.states}
              name={states.name}
              label={t('directory.visibility.visibleTo')}
              emptyText={t('directory.visibility.noState')}
              onChange={(next) => onChange({ ...sharing, states: next })}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                name={`${name}-secretariat`}
                checked={sharing.secretariat}
                onChange={(e) => onChange({ ...sharing, secretariat: e.target.checked })}
              />
              {t('directory.visibility.secretariat')}
            </label>
            <label className="field">
              {t('directory.visibility.legalBasis')}
              <input
                type="text"
                name={`${name}-legal-basis`}
                value={sharing.legalBasisEn}
                maxLength={2000}
                onChange={(e) => onChange({ ...sharing, legalBasisEn: e.target.value })}
              />
            </label>
          </div>
        )}
      </td>
      <td className="small" data-testid="visibility-summary">
        {summary}
      </td>
    </tr>
  );
}
