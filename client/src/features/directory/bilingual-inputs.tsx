import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';

/** One text in two scripts: English (Latin) always when given, Russian (Cyrillic) where it differs. */
export function BilingualInputs({
  name,
  legend,
  en,
  ru,
  onEn,
  onRu,
  errorEn,
  errorRu,
  required = false,
}: {
  name: string;
  legend: string;
  en: string;
  ru: string;
  onEn: (value: string) => void;
  onRu: (value: string) => void;
  errorEn?: string | undefined;
  errorRu?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="bilingual-inputs">
      <legend>{legend}</legend>
      <Field label={t('directory.form.inEnglish')} error={errorEn}>
        {(field) => (
          <input
            {...field}
            name={`${name}.en`}
            lang="en"
            value={en}
            maxLength={200}
            required={required}
            onChange={(e) => onEn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('directory.form.inRussian')} error={errorRu}>
        {(field) => (
          <input
            {...field}
            name={`${name}.ru`}
            lang="ru"
            value={ru}
            maxLength={200}
            onChange={(e) => onRu(e.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
