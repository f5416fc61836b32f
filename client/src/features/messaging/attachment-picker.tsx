import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { addAttachments } from './attachment-choice';
import { useAttachmentLimits } from './use-attachment-limits';
import { useFileSize } from '../../hooks/use-file-size';
import './attachment-picker.css';

/**
 * Files to attach, chosen in the interface language: the native input stays the labelled control
 * (hidden, still focusable) behind a "Choose files" label, because Chromium draws its button in
 * the browser's language. Choosing adds to the list; a file the server would refuse is named at
 * once instead of after it was encrypted and uploaded.
 */
export function AttachmentPicker({ files, onChange }: { files: readonly File[]; onChange: (next: File[]) => void }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const limits = useAttachmentLimits();
  const [refusals, setRefusals] = useState<string[]>([]);

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ''; // so the same file can be chosen again after it was removed
    const { files: next, tooLarge, tooMany } = addAttachments(files, chosen, limits);
    setRefusals([
      ...tooLarge.map((file) =>
        t('messaging.compose.fileTooLarge', { name: file.name, limit: size(limits?.maxBytes ?? 0) }),
      ),
      ...(tooMany ? [t('messaging.compose.tooManyFiles', { max: limits?.maxPerMessage ?? 0 })] : []),
    ]);
    onChange(next);
  };

  return (
    <Field label={t('messaging.compose.attach')} hint={t('messaging.compose.attachHint')}>
      {(field) => (
        <div className="attachment-picker">
          <input {...field} className="visually-hidden" name="attachments" type="file" multiple onChange={choose} />
          <label htmlFor={field.id} className="choose-files">
            {t('messaging.compose.chooseFiles')}
          </label>
          {files.length === 0 ? (
            <p className="hint">{t('messaging.compose.noFiles')}</p>
          ) : (
            <ul className="chosen-files" data-testid="chosen-files">
              {files.map((file, index) => (
                <li key={`${file.name}:${file.size}:${file.lastModified}`}>
                  <span className="file-name">{file.name}</span> <span className="hint">{size(file.size)}</span>{' '}
                  <button
                    type="button"
                    className="link"
                    aria-label={t('messaging.compose.removeFile', { name: file.name })}
                    onClick={() => onChange(files.filter((_, other) => other !== index))}
                  >
                    {t('messaging.compose.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {refusals.length > 0 && (
            <ul className="field-error attachment-refusals" role="alert" data-testid="attachment-refusals">
              {refusals.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
