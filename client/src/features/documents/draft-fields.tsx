import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';

const DAY_MS = 86_400_000;

/** The date `days` from now, as a datetime-local value (the browser's time zone). */
export function localInDays(days: number): string {
  const at = new Date(Date.now() + days * DAY_MS);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export interface Draft {
  title: string;
  text: string;
  files: File[];
  deadline: string;
}

export const emptyDraft = (): Draft => ({ title: '', text: '', files: [], deadline: localInDays(14) });

/** What the SDK seals: the files read here, in the browser. */
export async function draftInput(draft: Draft) {
  const files = await Promise.all(
    draft.files.map(async (file) => ({
      name: file.name,
      type: file.type || 'application/octet-stream',
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { title: draft.title, text: draft.text, files, deadline: new Date(draft.deadline).toISOString() };
}

/** Title, text, files and deadline of a draft (new or revised): all sealed in the browser except the deadline. */
export function DraftFields({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('documents.form.docTitle')}>
        {(field) => (
          <input
            {...field}
            name="title"
            required
            maxLength={300}
            value={draft.title}
            onChange={(e) => onChange({ ...draft, title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('documents.form.text')}>
        {(field) => (
          <textarea
            {...field}
            name="text"
            rows={10}
            value={draft.text}
            onChange={(e) => onChange({ ...draft, text: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('documents.form.files')}>
        {(field) => (
          <input
            {...field}
            name="files"
            type="file"
            multiple
            onChange={(e) => onChange({ ...draft, files: [...(e.target.files ?? [])] })}
          />
        )}
      </Field>
      <Field label={t('documents.form.deadline')}>
        {(field) => (
          <input
            {...field}
            name="deadline"
            type="datetime-local"
            required
            value={draft.deadline}
            onChange={(e) => onChange({ ...draft, deadline: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
