import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../admin/use-loaded';

/** The held exchange's text, decrypted here with the admin's keys: what they are asked to release. */
export function HeldContent({ approvalId }: { approvalId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const held = useLoaded(useCallback(() => client.approvals.readHeld(approvalId), [client, approvalId]));
  return (
    <>
      <dt>{t('approvals.content')}</dt>
      <dd data-testid="held-content">
        <FormError error={held.error} />
        {held.data && <blockquote className="held-text" data-testid="held-text">{held.data.text}</blockquote>}
        {held.data && held.data.attachments.length > 0 && <p className="hint">{t('approvals.attachments', { count: held.data.attachments.length })}</p>}
        {!held.data && held.error === undefined && <p className="hint">{t('approvals.contentLoading')}</p>}
      </dd>
    </>
  );
}
