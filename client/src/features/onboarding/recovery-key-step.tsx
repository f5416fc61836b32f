import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/field';

/**
 * The recovery key, shown once. Continuing needs both the promise that it is stored and the key's
 * last group typed back, so it was at least read.
 */
export function RecoveryKeyStep({
  recoveryKeyText,
  onConfirmed,
}: {
  recoveryKeyText: string;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [typed, setTyped] = useState('');
  const groups = recoveryKeyText.split('-');
  const last = groups.at(-1) ?? '';
  const normalised = typed.trim().toUpperCase();
  const matches = normalised === last;

  return (
    <section className="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p className="warning">{t('recovery.warning')}</p>
      <ol className="recovery-key" data-testid="recovery-key" data-key={recoveryKeyText} translate="no">
        {groups.map((group, index) => (
          <li key={index}>{group}</li>
        ))}
      </ol>
      <CopyButton text={recoveryKeyText} />
      <div className="form">
        <label className="checkbox">
          <input type="checkbox" name="stored" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          {t('recovery.stored')}
        </label>
        <Field
          label={t('recovery.retype')}
          error={normalised.length === last.length && !matches && t('recovery.wrongGroup')}
        >
          {(field) => (
            <input
              {...field}
              name="last-group"
              autoComplete="off"
              spellCheck={false}
              maxLength={4}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </Field>
        <button type="button" className="primary" disabled={!stored || !matches} onClick={onConfirmed}>
          {t('recovery.continue')}
        </button>
      </div>
    </section>
  );
}
