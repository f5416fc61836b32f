import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { EntryView } from '../../../../shared/schemas/directory';
import { Link } from '../../router/link';
import { toActor } from '../../services/actor';
import { takesPartInRequests } from '../requests/requests-nav';
import { contactDomain, contactQuery } from './contact-query';

/** From a counterpart's entry straight to a message or a request addressed to them. */
export function ContactLinks({ entry, me }: { entry: EntryView; me: UserView }) {
  const { t } = useTranslation();
  const domain = contactDomain(entry.domains, me.domains);
  // Only focal points exchange, and only with someone whose keys are there to encrypt to.
  if (entry.userId === me.id || entry.keys === null || !domain || !takesPartInRequests(toActor(me))) return null;
  const query = contactQuery({ userId: entry.userId, state: entry.state, domain });
  return (
    <p className="actions contact-links" data-testid="contact-links">
      <Link to={`/messages/new${query}`} className="button">
        {t('directory.contact.message')}
      </Link>
      <Link to={`/requests/new${query}`} className="button">
        {t('directory.contact.request')}
      </Link>
    </p>
  );
}
