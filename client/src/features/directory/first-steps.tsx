import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../shared/schemas/directory';

/** A newcomer's own incomplete entry: why it matters and what is still missing. */
export function FirstSteps({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const missing = [
    ...(entry.authority ? [] : [t('directory.mine.missingAuthority')]),
    ...(entry.contacts.length > 0 ? [] : [t('directory.mine.missingContacts')]),
  ];
  return (
    <section className="card warning first-steps" data-testid="first-steps" aria-labelledby="first-steps-title">
      <h3 id="first-steps-title">{t('directory.mine.firstStepsTitle')}</h3>
      <p>{t('directory.mine.firstSteps')}</p>
      {missing.length > 0 && (
        <>
          <p>{t('directory.mine.missing')}</p>
          <ul>
            {missing.map((what) => (
              <li key={what}>{what}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
