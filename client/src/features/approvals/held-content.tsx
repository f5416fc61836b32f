import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { fieldLines } from '../requests/request-content';
import { useRequestLabels, type RequestLabels } from '../requests/use-request-labels';
import type { HeldExchange } from '../../../sdk/index';

/** What the approver reads: a message's text, a request's fields line by line, a request step's words. */
function heldText(held: HeldExchange, l: RequestLabels): string {
  if (held.header.kind === 'message') return held.text;
  const lines = fieldLines(held.header.kind, held.content, l);
  if (lines) return lines.join('\n');
  const words = (held.content as { text?: unknown } | null)?.text;
  return typeof words === 'string' ? words : '';
}

/** The held exchange's text, decrypted here with the admin's keys: what they are asked to release. */
export function HeldContent({ approvalId }: { approvalId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const l = useRequestLabels();
  const held = useLoaded(useCallback(() => client.approvals.readHeld(approvalId), [client, approvalId]));
  return (
    <>
      <dt>{t('approvals.content')}</dt>
      <dd data-testid="held-content">
        <FormError error={held.error} />
        {held.data && (
          <blockquote className="held-text" data-testid="held-text">
            {heldText(held.data, l)}
          </blockquote>
        )}
        {held.data && held.data.attachments.length > 0 && (
          <p className="hint">{t('approvals.attachments', { count: held.data.attachments.length })}</p>
        )}
        {!held.data && held.error === undefined && <p className="hint">{t('approvals.contentLoading')}</p>}
      </dd>
    </>
  );
}
