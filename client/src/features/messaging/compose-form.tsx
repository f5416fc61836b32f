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
import { usePolicyLabels } from '../policies/use-policy-labels';
import { decisionSentence } from './decision-sentence';
import { PolicyRefusalNotice, policyRefusalOf } from './policy-refusal-notice';
import { AttachmentPicker } from './attachment-picker';
import { KeyChangeWarning } from './key-change-warning';
import { LabelsFields } from './labels-fields';
import { AwayRecipientsNotice } from '../duty-roster/away-recipients-notice';
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
  labelsFromThread = false,
  onSent,
}: {
  recipients: readonly { userId: string; state: string }[];
  labels: Labels;
  onLabels: (next: Labels) => void;
  threadId?: string;
  /** The labels are the conversation's (its last message's): shown as one line until changed. */
  labelsFromThread?: boolean;
  onSent: (sent: SentMessage) => void;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const me = useSession()?.user;
  // In a conversation the labels come from it: one line, changed only on demand.
  const [editingLabels, setEditingLabels] = useState(false);
  const { store } = useMessaging();
  const { loaded, error: policyError } = useReadablePolicies();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sentCount, setSentCount] = useState(0); // remounts the attachment picker after sending: no stale notes
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // A refusal answers the labels it was sent with: changing them clears it.
  const [refusedLabels, setRefusedLabels] = useState<Labels>();
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

  const refusal = refusedLabels === labels ? policyRefusalOf(error) : undefined;

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
      setRefusedLabels(labels);
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
      <AwayRecipientsNotice to={recipients.map((r) => r.userId)} domain={labels.domain} />
      {!labelsFromThread || editingLabels ? (
        <LabelsFields labels={labels} onChange={onLabels} />
      ) : (
        <div className="label-chips" data-testid="label-chips">
          <span className="hint">
            {t('messaging.compose.labels')} ({t('messaging.compose.labelsFromThread')}):
          </span>{' '}
          {[
            l.domain(labels.domain),
            l.category(labels.category),
            l.classification(labels.classification),
            labels.handling,
          ].map((chip) => (
            <span key={chip} className="badge">
              {chip}
            </span>
          ))}{' '}
          <button type="button" className="link" onClick={() => setEditingLabels(true)}>
            {t('messaging.compose.editLabels')}
          </button>
        </div>
      )}
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
      {decision && !refusal && (
        <p className={`decision-sentence effect-${decision.effect}`} data-testid="decision-sentence">
          {decisionSentence(decision, t, l)}
        </p>
      )}
      {loaded && recipients.length > 0 && me?.state && (
        <details className="decision-details">
          <summary>{t('messaging.compose.decisionDetails')}</summary>
          <PolicyPreview loaded={loaded} input={input} />
        </details>
      )}
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
      {refusal ? <PolicyRefusalNotice refusal={refusal} /> : !policyRefusalOf(error) && <FormError error={error} />}
    </form>
  );
}
