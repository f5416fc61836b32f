import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STAGES, type CommentKind, type DocumentStage } from '../../../../shared/schemas/documents';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { DraftFields, draftInput, emptyDraft } from './draft-fields';

/** Runs one action with busy and error state; `done` after it succeeds. */
function useAction(done: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      done();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** A national admin comments for their state (silence holds) or objects (breaks it). */
export function RespondForm({ proposalId, onDone }: { proposalId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [kind, setKind] = useState<CommentKind>('comment');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction(onDone);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSent(false);
    if (await action.run(() => client.documents.respond(proposalId, { kind, text: text.trim() }))) {
      setText('');
      setSent(true);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="respond-form">
      <h3>{t('documents.respond.title')}</h3>
      <fieldset>
        {(['comment', 'objection'] as const).map((option) => (
          <label key={option} className="check">
            <input type="radio" name="kind" checked={kind === option} onChange={() => setKind(option)} />{' '}
            {t(option === 'comment' ? 'documents.respond.comment' : 'documents.respond.object')}
          </label>
        ))}
      </fieldset>
      <Field label={kind === 'comment' ? t('documents.respond.text') : t('documents.respond.reason')}>
        {(field) => (
          <textarea {...field} name="text" rows={4} required value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <FormError error={action.error} />
      {sent && (
        <p className="success" role="status">
          {t('documents.respond.sent')}
        </p>
      )}
      <button type="submit" disabled={action.busy || text.trim() === ''}>
        {action.busy ? t('documents.respond.sending') : t('documents.respond.send')}
      </button>
    </form>
  );
}

/** The secretariat circulates a revised draft with a new deadline, starting from the current text. */
export function ReviseForm({
  proposalId,
  next,
  base,
  onDone,
}: {
  proposalId: string;
  next: number;
  base: { title: string; text: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState(() => ({ ...emptyDraft(), ...base }));
  const action = useAction(onDone);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await action.run(async () => client.documents.revise(proposalId, await draftInput(draft)));
  };
  return (
    <details className="card">
      <summary>{t('documents.revise.title')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="revise-form">
        <p className="hint">{t('documents.revise.hint')}</p>
        <DraftFields draft={draft} onChange={setDraft} />
        <FormError error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('documents.revise.submit', { number: next })}
        </button>
      </form>
    </details>
  );
}

/** The secretariat records what happened to an adopted document next. */
export function StageForm({ proposalId, onDone }: { proposalId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [stage, setStage] = useState<DocumentStage>('forwarded-to-working-group');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const action = useAction(onDone);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { stage, date, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await action.run(() => client.documents.recordStage(proposalId, input))) setNote('');
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="stage-form">
      <h3>{t('documents.stageForm.title')}</h3>
      <Field label={t('documents.stageForm.stage')}>
        {(field) => (
          <select
            {...field}
            name="stage"
            value={stage}
            onChange={(e) => setStage(DOCUMENT_STAGES.find((s) => s === e.target.value) ?? stage)}
          >
            {DOCUMENT_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`documents.stage.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('documents.stageForm.date')}>
        {(field) => (
          <input {...field} name="date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        )}
      </Field>
      <Field label={t('documents.stageForm.note')}>
        {(field) => (
          <input {...field} name="note" maxLength={280} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <FormError error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('documents.stageForm.submit')}
      </button>
    </form>
  );
}
