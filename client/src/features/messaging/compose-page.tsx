import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../../shared/schemas/labels';
import { navigate } from '../../router/router';
import { ComposeForm, DEFAULT_LABELS } from './compose-form';
import { threadPath } from './conversation-key';
import { RecipientPicker, type Recipient } from './recipient-picker';

/** A new message: recipients from the directory, labels, the policy preview, text and files. */
export function ComposePage() {
  const { t } = useTranslation();
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [labels, setLabels] = useState<Labels>(DEFAULT_LABELS);
  return (
    <>
      <h2>{t('messaging.compose.title')}</h2>
      <p>{t('messaging.compose.intro')}</p>
      <RecipientPicker domain={labels.domain} value={recipients} onChange={setRecipients} />
      <ComposeForm recipients={recipients} labels={labels} onLabels={setLabels}
        onSent={() => navigate(threadPath(recipients.map((r) => r.userId).sort().join(',')))} />
    </>
  );
}
