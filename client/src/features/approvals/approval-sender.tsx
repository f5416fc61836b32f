import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/**
 * Who sent a held exchange, as the directory shows them: name, duty desk, authority, state. The
 * admin may call them before deciding. Nothing when the sender is no longer in the directory.
 */
export function ApprovalSender({ userId }: { userId: string }) {
  const client = useClient();
  const { t } = useTranslation();
  const labels = useLabels();
  const { data: entry } = useLoaded(useCallback(() => client.directory.entry(userId), [client, userId]));
  if (!entry) return null;
  const inLanguage = (text: { en: string; ru?: string | undefined }): string =>
    labels.language === 'ru' && text.ru ? text.ru : text.en;
  return (
    <p className="approval-sender" data-testid="approval-sender">
      {t('approvals.sender')}: <strong>{inLanguage(entry.name)}</strong>
      {' · '}
      {[
        ...(entry.kind === 'duty-desk' ? [t('approvals.dutyDesk')] : []),
        ...(entry.authority ? [inLanguage(entry.authority)] : []),
        labels.state(entry.state),
      ].join(' · ')}
    </p>
  );
}
