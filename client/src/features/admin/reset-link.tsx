import { useTranslation } from 'react-i18next';
import type { IssuedPasswordReset } from '../../../../shared/schemas/accounts';
import { CopyButton } from '../../components/copy-button';
import { useLabels } from '../../components/use-labels';

/** A password reset link, shown once (the server keeps only a hash of its token). */
export function ResetLink({
  name,
  issued,
  onClose,
}: {
  name: string;
  issued: IssuedPasswordReset;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { date } = useLabels();
  return (
    <section className="card notice" data-testid="reset-link">
      <h4>{t('account.resetLink.title', { name })}</h4>
      <p className="hint">{t('account.resetLink.intro', { name, until: date(issued.expiresAt) })}</p>
      <label>
        {t('account.resetLink.link')}
        <input name="reset-link" readOnly value={issued.link} onFocus={(e) => e.target.select()} className="mono" />
      </label>
      <div className="actions">
        <CopyButton text={issued.link} />
        <button type="button" onClick={onClose}>
          {t('account.resetLink.close')}
        </button>
      </div>
    </section>
  );
}
