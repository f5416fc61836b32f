import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../../shared/schemas/labels';
import { FormError } from '../../components/form-error';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { contactFromQuery } from '../directory/contact-query';
import { ComposeForm, DEFAULT_LABELS } from './compose-form';
import { threadPath } from './conversation-key';
import { RecipientPicker, type Recipient } from './recipient-picker';

/**
 * A new message: recipients from the directory, labels, the policy preview, text and files.
 * Opened from a directory entry (`?to=…&state=…&domain=…`), it starts addressed to that person.
 */
export function ComposePage() {
  const { t } = useTranslation();
  const client = useClient();
  const [target] = useState(() => contactFromQuery(window.location.search));
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [labels, setLabels] = useState<Labels>(() =>
    target ? { ...DEFAULT_LABELS, domain: target.domain } : DEFAULT_LABELS,
  );
  const addressed = useLoaded(
    useCallback(async () => (target ? client.directory.entry(target.userId) : undefined), [client, target]),
  );
  const entry = addressed.data;
  // Added once it is known, to whatever was chosen meanwhile.
  const [added, setAdded] = useState<typeof entry>();
  if (entry && entry !== added) {
    setAdded(entry);
    setRecipients((chosen) =>
      chosen.some((r) => r.userId === entry.userId)
        ? chosen
        : [{ userId: entry.userId, state: entry.state, name: entry.name }, ...chosen],
    );
  }
  return (
    <>
      <h2>{t('messaging.compose.title')}</h2>
      <p>{t('messaging.compose.intro')}</p>
      <FormError error={addressed.error} />
      <RecipientPicker domain={labels.domain} value={recipients} onChange={setRecipients} />
      <ComposeForm
        recipients={recipients}
        labels={labels}
        onLabels={setLabels}
        onSent={() =>
          navigate(
            threadPath(
              recipients
                .map((r) => r.userId)
                .sort()
                .join(','),
            ),
          )
        }
      />
    </>
  );
}
