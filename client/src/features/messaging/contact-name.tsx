import { useEffect } from 'react';
import { useLabels } from '../../components/use-labels';
import { useMessaging } from './use-messaging';

/** A person's directory name in the interface language (looked up once), or a short id meanwhile. */
export function ContactName({ userId }: { userId: string }) {
  const { store, state } = useMessaging();
  const { language } = useLabels();
  useEffect(() => store.lookUp(userId), [store, userId]);
  const name = state.names.get(userId);
  return (
    <span className="contact-name">
      {name ? (language === 'ru' && name.ru ? name.ru : name.en) : `${userId.slice(0, 8)}…`}
    </span>
  );
}
