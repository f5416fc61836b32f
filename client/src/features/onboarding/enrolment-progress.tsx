import { useTranslation } from 'react-i18next';
import { ENROLMENT_STEPS, type EnrolmentStep } from '../../../sdk/index';

export type ProgressStep = EnrolmentStep | 'signing-in';
const STEPS: readonly ProgressStep[] = [...ENROLMENT_STEPS.filter((step) => step !== 'done'), 'signing-in'];

/** Which step of key generation, wrapping and registration is running; the work runs in a Web Worker. */
export function EnrolmentProgress({ step }: { step: ProgressStep }) {
  const { t } = useTranslation();
  const current = step === 'done' ? STEPS.length - 1 : STEPS.indexOf(step);
  return (
    <section className="card" aria-labelledby="progress-title" aria-busy="true" data-testid="enrolment-progress">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <p>{t('progress.intro')}</p>
      <progress max={STEPS.length} value={current + 1} aria-label={t('progress.title')} />
      <ol className="steps">
        {STEPS.map((name, index) => (
          <li key={name} data-state={index < current ? 'done' : index === current ? 'current' : 'todo'}>
            {name === 'signing-in' ? t('progress.signingIn') : t(`progress.steps.${name}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
