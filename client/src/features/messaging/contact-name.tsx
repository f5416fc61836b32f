import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { useMessaging } from './use-messaging';

/**
 * A person's directory name in the interface language (looked up once), or a short id meanwhile;
 * `detailed` adds who they are to call back: duty desk, authority and state.
 */
export function ContactName({ userId, detailed = false }: { userId: string; detailed?: boolean }) {
  const { store, state } = useMessaging();
  const { t } = useTranslation();
  const labels = useLabels();
  useEffect(() => store.lookUp(userId), [store, userId]);
  const name = state.names.get(userId);
  const person = detailed ? state.people.get(userId) : undefined;
  const inLanguage = (text: { en: string; ru?: string | undefined }): string =>
    labels.language === 'ru' && text.ru ? text.ru : text.en;
  return (
    <span className="contact-name" data-testid="contact-name">
      {name ? inLanguage(name) : `${userId.slice(0, 8)}…`}
      {person && (
        <span className="contact-facts" data-testid="contact-facts">
          {' '}
          (
          {[
            ...(person.kind === 'duty-desk' ? [t('messaging.list.dutyDesk')] : []),
            ...(person.authority ? [inLanguage(person.authority)] : []),
            labels.state(person.state),
          ].join(' · ')}
          )
        </span>
      )}
    </span>
  );
}
