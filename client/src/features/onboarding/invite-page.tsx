import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '../../../../shared/schemas/accounts';
import { isApiError, type Registration } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { navigate } from '../../router/router';
import { useClient } from '../../services/client-context';
import { EnrolmentProgress, type ProgressStep } from './enrolment-progress';
import { InvitationSummary } from './invitation-summary';
import { PendingVerification } from './pending-verification';
import { RecoveryKeyStep } from './recovery-key-step';
import { RegistrationForm, type RegistrationValues } from './registration-form';

type Phase =
  | { name: 'checking' }
  | { name: 'invalid'; error?: unknown }
  | { name: 'form'; values: RegistrationValues; error?: unknown }
  | { name: 'working'; step: ProgressStep }
  | { name: 'recovery'; recoveryKeyText: string; onConfirmed: () => void }
  | { name: 'pending'; registration: Registration };

/**
 * /invite#TOKEN: preview, account form, key generation, the recovery key typed back (the account is
 * registered only then), then waiting for verification.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const client = useClient();
  // The token travels in the fragment, which browsers never send to a server.
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [preview, setPreview] = useState<InvitationPreview>();
  const [phase, setPhase] = useState<Phase>(() => (token ? { name: 'checking' } : { name: 'invalid' }));

  useEffect(() => {
    if (!token) return undefined;
    let live = true;
    client.invitations.preview(token).then(
      (found) => {
        if (!live) return;
        setPreview(found);
        setPhase({ name: 'form', values: { username: '', displayName: found.displayName, password: '' } });
      },
      (error: unknown) => live && setPhase({ name: 'invalid', error }),
    );
    return () => {
      live = false;
    };
  }, [client, token]);

  const register = async (values: RegistrationValues): Promise<void> => {
    setPhase({ name: 'working', step: 'generating-keys' });
    let registration: Registration;
    try {
      registration = await client.registerWithInvitation({
        token,
        username: values.username,
        password: values.password,
        displayName: values.displayName,
        onProgress: (step) => setPhase({ name: 'working', step }),
        confirmRecoveryKey: (recoveryKeyText) =>
          new Promise<void>((resolve) => {
            setPhase({ name: 'recovery', recoveryKeyText, onConfirmed: resolve });
          }),
      });
    } catch (error) {
      setPhase({ name: 'form', values: { ...values, password: '' }, error });
      return;
    }
    setPhase({ name: 'working', step: 'signing-in' });
    // Pending accounts may sign in: the newcomer then sees the moment they are activated.
    const signedIn = await client.signIn({ username: registration.user.username, password: values.password }).then(
      () => true,
      () => false,
    );
    if (signedIn) navigate('/', { replace: true });
    else setPhase({ name: 'pending', registration });
  };

  switch (phase.name) {
    case 'checking':
      return <p className="card">{t('invite.checking')}</p>;
    case 'invalid':
      return (
        <section className="card" data-testid="invitation-invalid">
          <h2>{t('invite.title')}</h2>
          <p className="warning">{token ? t('invite.invalid') : t('invite.missing')}</p>
          {phase.error !== undefined && !isApiError(phase.error, 'invitation.invalid') && (
            <FormError error={phase.error} />
          )}
        </section>
      );
    case 'form':
      return (
        <>
          {preview && <InvitationSummary preview={preview} />}
          <RegistrationForm initial={phase.values} error={phase.error} onSubmit={(values) => void register(values)} />
        </>
      );
    case 'working':
      return <EnrolmentProgress step={phase.step} />;
    case 'recovery':
      return <RecoveryKeyStep recoveryKeyText={phase.recoveryKeyText} onConfirmed={phase.onConfirmed} />;
    case 'pending':
      return (
        <PendingVerification user={phase.registration.user} verifiers={phase.registration.verifiers} watching={false} />
      );
  }
}
