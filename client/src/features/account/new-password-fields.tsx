import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';

/** The server's length rule (Password in shared/schemas/accounts.ts), checked before any key work. */
const MIN_PASSWORD = 12;

export interface NewPassword {
  value: string;
  repeat: string;
}

export const EMPTY_NEW_PASSWORD: NewPassword = { value: '', repeat: '' };

/** Ready to send: long enough and typed the same twice. */
export const newPasswordReady = (password: NewPassword): boolean =>
  password.value.length >= MIN_PASSWORD && password.repeat === password.value;

/** A new password twice, with the length rule shown while typing and the mismatch once submitted. */
export function NewPasswordFields({
  value,
  onChange,
  tried,
  disabled = false,
}: {
  value: NewPassword;
  onChange: (next: NewPassword) => void;
  tried: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const tooShort = value.value.length < MIN_PASSWORD;
  return (
    <>
      <Field
        label={t('account.password.new')}
        hint={t('register.passwordRule')}
        error={(tried || value.value.length > 0) && tooShort && t('register.tooShort', { count: value.value.length })}
      >
        {(field) => (
          <input
            {...field}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={value.value}
            onChange={(e) => onChange({ ...value, value: e.target.value })}
            required
            disabled={disabled}
          />
        )}
      </Field>
      <Field
        label={t('account.password.repeat')}
        error={tried && value.repeat !== value.value && t('register.mismatch')}
      >
        {(field) => (
          <input
            {...field}
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            value={value.repeat}
            onChange={(e) => onChange({ ...value, repeat: e.target.value })}
            required
            disabled={disabled}
          />
        )}
      </Field>
    </>
  );
}
