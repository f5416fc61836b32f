import { useTranslation } from 'react-i18next';
import type { AlertKind } from '../../../../shared/schemas/alerts';
import type { DeliveryMode, KindChoice } from '../../../../shared/schemas/notifications';
import { keyFor } from '../../i18n/keys';

type Choice = DeliveryMode | 'off';

/** One select per kind: not by e-mail, at once, at once even in quiet hours (where allowed), in the digest. */
export function KindChoices({
  kinds,
  shown,
  alwaysEligible,
  onChange,
}: {
  kinds: KindChoice[];
  shown: readonly AlertKind[];
  alwaysEligible: readonly AlertKind[];
  onChange: (next: KindChoice[]) => void;
}) {
  const { t } = useTranslation();
  const modeOf = (kind: AlertKind): Choice => kinds.find((choice) => choice.kind === kind)?.mode ?? 'off';
  const set = (kind: AlertKind, mode: Choice): void => {
    const others = kinds.filter((choice) => choice.kind !== kind);
    onChange(mode === 'off' ? others : [...others, { kind, mode }]);
  };
  return (
    <fieldset data-testid="kind-choices">
      <legend>{t('emailAlerts.settings.kinds')}</legend>
      <p className="hint">{t('emailAlerts.settings.kindsHint')}</p>
      {shown.map((kind) => (
        <label key={kind}>
          {t(keyFor('emailAlerts.kinds', kind))}
          <select name={`kind-${kind}`} value={modeOf(kind)} onChange={(e) => set(kind, e.target.value as Choice)}>
            <option value="off">{t('emailAlerts.modes.off')}</option>
            <option value="immediate">{t('emailAlerts.modes.immediate')}</option>
            {alwaysEligible.includes(kind) && <option value="always">{t('emailAlerts.modes.always')}</option>}
            <option value="digest">{t('emailAlerts.modes.digest')}</option>
          </select>
        </label>
      ))}
    </fieldset>
  );
}
