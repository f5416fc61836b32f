import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';

const MIN_PASSWORD = 12;

export interface RegistrationValues {
  username: string;
  displayName: string;
  password: string;
}

/** Username, name and password (twice); the server's verdict on the password comes back as `error`. */
export function RegistrationForm({
  initial,
  error,
  onSubmit,
}: {
  initial: RegistrationValues;
  error: unknown;
  onSubmit: (values: RegistrationValues) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const set = (field: keyof RegistrationValues) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  const tooShort = values.password.length < MIN_PASSWORD;
  const mismatch = repeat !== values.password;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (!tooShort && !mismatch) onSubmit(values);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="register-title" noValidate>
      <h2 id="register-title">{t('register.title')}</h2>
      <Field label={t('register.username')} hint={t('register.usernameRule')}>
        {(field) => (
          <input
            {...field}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={values.username}
            onChange={set('username')}
            required
          />
        )}
      </Field>
      <label>
        {t('register.displayName')}
        <input name="displayName" autoComplete="name" value={values.displayName} onChange={set('displayName')} />
      </label>
      <Field
        label={t('register.password')}
        hint={t('register.passwordRule')}
        error={
          (tried || values.password.length > 0) && tooShort && t('register.tooShort', { count: values.password.length })
        }
      >
        {(field) => (
          <input
            {...field}
            name="password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            required
            minLength={MIN_PASSWORD}
          />
        )}
      </Field>
      <Field label={t('register.confirmPassword')} error={tried && mismatch && t('register.mismatch')}>
        {(field) => (
          <input
            {...field}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
          />
        )}
      </Field>
      <FormError error={error} />
      <button type="submit" className="primary">
        {t('register.submit')}
      </button>
    </form>
  );
}
