import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLivenessPrompts } from './use-liveness-prompts';
import './liveness.css';

/**
 * "Your administration asks whether you are reachable", answered with one click that signs the
 * prompt with the identity key; then the outcome.
 */
export function LivenessPrompter() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { prompts, results, busy, answer, dismiss } = useLivenessPrompts();
  const answered = [...results.entries()];
  if (prompts.length === 0 && answered.length === 0) return null;

  return (
    <div className="liveness-banners">
      {prompts.map((prompt) => {
        const failed = results.get(prompt.checkId);
        return (
          <section
            key={prompt.checkId}
            className="liveness-banner"
            role="alert"
            data-testid="liveness-banner"
            data-check-id={prompt.checkId}
          >
            <div>
              <strong>{t('liveness.banner.title')}</strong>
              <p>{t('liveness.banner.deadline', { time: labels.time(prompt.deadline) })}</p>
            </div>
            <button
              type="button"
              className="primary"
              disabled={busy === prompt.checkId}
              onClick={() => void answer(prompt)}
            >
              {busy === prompt.checkId ? t('liveness.banner.signing') : t('liveness.banner.confirm')}
            </button>
            {failed && 'error' in failed && <FormError error={failed.error} />}
          </section>
        );
      })}
      {answered.flatMap(([checkId, result]) =>
        'outcome' in result
          ? [
              <p
                key={checkId}
                className={result.outcome === 'answered' ? 'success liveness-outcome' : 'warning liveness-outcome'}
                role="status"
                data-testid="liveness-outcome"
                data-outcome={result.outcome}
              >
                {t(`liveness.banner.${result.outcome}`)}
                <button type="button" className="link" onClick={() => dismiss(checkId)}>
                  {t('liveness.banner.dismiss')}
                </button>
              </p>,
            ]
          : [],
      )}
    </div>
  );
}
