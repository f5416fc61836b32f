import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyConditionsToLabels } from '../../../../shared/policy/index';
import type { Labels } from '../../../../shared/schemas/labels';
import type { OutgoingAttachment, SentMessage } from '../../../sdk/index';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useSession } from '../../services/client-context';
import { PolicyPreview } from '../policies/preview/policy-preview';
import { previewDecision, type PreviewInput } from '../policies/preview/readable-policies';
import { useReadablePolicies } from '../policies/preview/use-readable-policies';
import { AttachmentPicker } from './attachment-picker';
import { KeyChangeWarning } from './key-change-warning';
import { LabelsFields } from './labels-fields';
import { useMessaging } from './use-messaging';

export const DEFAULT_LABELS: Labels = {
  domain: 'border',
  category: 'general',
  classification: 'restricted',
  handling: 'H1',
};

/**
 * Text, labels and files of a message to `recipients`, with the disclosure-policy preview of the
 * same engine the server enforces with: sending is blocked on deny and when the policy requires a
 * stricter handling code; a hold for approval is announced before sending.
 */
export function ComposeForm({
  recipients,
  labels,
  onLabels,
  threadId,
  onSent,
}: {
  recipients: readonly { userId: string; state: string }[];
  labels: Labels;
  onLabels: (next: Labels) => void;
  threadId?: string;
  onSent: (sent: SentMessage) => void;
}) {
  const { t } = useTranslation();
  const me = useSession()?.user;
  const { store } = useMessaging();
  const { loaded, error: policyError } = useReadablePolicies();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sentCount, setSentCount] = useState(0); // remounts the attachment picker after sending: no stale notes
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const input = useMemo(
    (): PreviewInput => ({
      labels,
      kind: 'message',
      from: me?.state ?? '',
      to: [...new Set(recipients.map((r) => r.state))].sort(),
      at: new Date(),
    }),
    [labels, me?.state, recipients],
  );
  const decision = useMemo(
    () =>
      loaded && recipients.length > 0 ? previewDecision(input, loaded.policies, loaded.compiled).decision : undefined,
    [loaded, input, recipients.length],
  );
  const raised = decision ? applyConditionsToLabels(labels, decision.conditions) : labels;
  const blocked =
    decision?.effect === 'deny'
      ? t('messaging.compose.blockedDeny')
      : raised.handling !== labels.handling
        ? t('messaging.compose.blockedHandling', { code: raised.handling })
        : undefined;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    setBusy(true);
    try {
      const attachments: OutgoingAttachment[] = await Promise.all(
        files.map(async (file) => ({
          name: file.name,
          type: file.type || 'application/octet-stream',
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      );
      const sent = await store.send({
        to: recipients.map((r) => r.userId),
        labels,
        text,
        attachments,
        ...(threadId ? { threadId } : {}),
      });
      setText('');
      setFiles([]);
      setSentCount((n) => n + 1);
      setNotice(sent.status === 'held' ? t('messaging.compose.sentHeld') : t('messaging.compose.sent'));
      onSent(sent);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card form wide compose-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('messaging.compose.label')}
    >
      <KeyChangeWarning userIds={recipients.map((r) => r.userId)} />
      <LabelsFields labels={labels} onChange={onLabels} />
      <Field label={t('messaging.compose.text')}>
        {(field) => (
          <textarea
            {...field}
            name="text"
            rows={5}
            value={text}
            maxLength={100_000}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <AttachmentPicker key={sentCount} files={files} onChange={setFiles} />
      {loaded && recipients.length > 0 && me?.state && <PolicyPreview loaded={loaded} input={input} />}
      <FormError error={policyError} />
      {decision?.effect === 'approve' && !blocked && (
        <p className="card warning" data-testid="will-be-held">
          {t('messaging.compose.willBeHeld')}
        </p>
      )}
      {blocked && (
        <p className="card warning" role="alert" data-testid="send-blocked">
          {blocked}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          disabled={
            busy ||
            recipients.length === 0 ||
            (text.trim() === '' && files.length === 0) ||
            !decision ||
            blocked !== undefined
          }
        >
          {busy ? t('common.working') : t('messaging.compose.send')}
        </button>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="send-notice">
          {notice}
        </p>
      )}
      <FormError error={error} />
    </form>
  );
}
