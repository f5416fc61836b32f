import { useState, type ClipboardEvent } from 'react';
import { onwardUse } from '../../../../shared/requests/onward-use';
import type { HandlingCode } from '../../../../shared/schemas/labels';
import { useTranslation } from 'react-i18next';
import type { ReceivedMessage } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { saveFile } from '../../lib/save-file';
import { usePolicyLabels } from '../policies/use-policy-labels';
import { ContactName } from './contact-name';
import { deliveryStatus } from './message-status';
import { useMessaging } from './use-messaging';
import { useFileSize } from '../../hooks/use-file-size';

/** How far my message got: one word for one recipient; for several, a count and each person's step. */
function OutgoingStatus({ message }: { message: ReceivedMessage }) {
  const { t } = useTranslation();
  const { state } = useMessaging();
  const { status, readers, delivered, recipients, perRecipient } = deliveryStatus(message, state);
  const group = recipients > 1 && (status === 'delivered' || status === 'read');
  const text = group
    ? t('messaging.status.group', { delivered, read: readers, total: recipients })
    : t(`messaging.status.${status}`);
  return (
    <>
      <span className={`delivery-status ${status}`} data-testid="message-status" data-status={status}>
        {text}
      </span>
      {group && (
        <span className="recipient-statuses" data-testid="recipient-statuses">
          {perRecipient.map((r) => (
            <span
              key={r.userId}
              className={`recipient-status ${r.status}`}
              data-testid="recipient-status"
              data-user-id={r.userId}
              data-status={r.status}
            >
              <ContactName userId={r.userId} />: {t(`messaging.status.${r.status}`)}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/** One message of a thread: sender, time, labels, text, attachments and (mine) how far it got. */
export function MessageItem({ message, highlighted = false }: { message: ReceivedMessage; highlighted?: boolean }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const { date } = useLabels();
  const size = useFileSize();
  const { store } = useMessaging();
  const [error, setError] = useState<unknown>();
  const download = async (index: number): Promise<void> => {
    setError(undefined);
    try {
      const bytes = await store.download(message, index);
      const ref = message.attachments[index];
      saveFile(
        new Blob([new Uint8Array(bytes)], { type: ref?.type ?? 'application/octet-stream' }),
        ref?.name ?? 'attachment',
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const { labels } = message;
  // As with request answers: what may not be passed on is neither copied nor saved from here.
  const guarded = !message.outgoing && !onwardUse(labels.handling as HandlingCode, message.conditions).mayDisseminate;
  const refuseCopy = (event: ClipboardEvent): void => {
    if (guarded) event.preventDefault();
  };
  return (
    <li
      className={`message-item ${message.outgoing ? 'outgoing' : 'incoming'}${highlighted ? ' highlighted' : ''}`}
      data-testid="message-item"
      data-msg-id={message.msgId}
      data-highlighted={highlighted || undefined}
    >
      <p className="message-meta">
        <strong>{message.outgoing ? t('messaging.thread.me') : <ContactName userId={message.from.userId} />}</strong>{' '}
        <span className="hint">
          {l.state(message.from.state)} · {date(message.storedAt)}
        </span>{' '}
        {message.outgoing && <OutgoingStatus message={message} />}
        {message.signedWithPreviousKey && (
          <span
            className="hint previous-key-note"
            data-testid="previous-key-note"
            title={t('messaging.thread.previousKeyHint')}
          >
            {' · '}
            {t('messaging.thread.previousKey', { version: message.signedWithPreviousKey.keyVersion })}
          </span>
        )}
      </p>
      <p className="message-labels hint" data-testid="message-labels">
        {[
          l.domain(labels.domain),
          l.category(labels.category),
          l.classification(labels.classification),
          labels.handling,
        ].join(' · ')}
      </p>
      <p
        className={`message-text${guarded ? ' no-copy' : ''}`}
        data-testid="message-text"
        data-guarded={guarded || undefined}
        onCopy={refuseCopy}
        onCut={refuseCopy}
      >
        {message.text}
      </p>
      {guarded && (
        <p className="hint warning onward-guard" data-testid="onward-guard">
          {t('messaging.onward.guarded', { code: labels.handling, state: l.state(message.from.state) })}
        </p>
      )}
      {message.attachments.length > 0 && (
        <ul className="attachments">
          {message.attachments.map((ref, index) => (
            <li key={ref.id}>
              {guarded ? (
                <span data-testid="attachment-guarded">
                  {t('messaging.attachments.guarded', { name: ref.name, size: size(ref.size) })}
                </span>
              ) : (
                <button
                  type="button"
                  className="link"
                  data-testid="attachment-download"
                  onClick={() => void download(index)}
                >
                  {t('messaging.attachments.download', { name: ref.name, size: size(ref.size) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError error={error} />
    </li>
  );
}
