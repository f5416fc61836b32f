import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

/** The error of a form or an action, translated; nothing when there is none. */
export function FormError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error === undefined || error === null) return null;
  const { code, text, details } = errorText(error, t, (key) => i18n.exists(key));
  return (
    <div className="form-error" role="alert" data-code={code}>
      <p>{text}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
