import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromBase64Url, toBase64Url } from '../../../../shared/crypto/encoding';
import { keyFingerprint } from '../../../../shared/crypto/safety-number';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { useSession, useUnlockedKeys } from '../../services/client-context';
import { SafetyNumberView } from '../verification/safety-number-view';

/** The fingerprint computed here from the key itself, so the server cannot show one key and hand out another. */
function useLocalFingerprint(identityKey: string): string | undefined | null {
  const [fingerprint, setFingerprint] = useState<string | null>();
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => keyFingerprint(fromBase64Url(identityKey)))
      .then(
        (next) => live && setFingerprint(next),
        () => live && setFingerprint(null),
      );
    return () => {
      live = false;
    };
  }, [identityKey]);
  return fingerprint;
}

function KeyFacts({ keys, name }: { keys: NonNullable<EntryView['keys']>; name: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const local = useLocalFingerprint(keys.identityKey);
  return (
    <dl className="facts">
      <dt>{t('directory.keys.fingerprint')}</dt>
      <dd>
        <code data-testid="key-fingerprint">{local ?? keys.fingerprint}</code>
        {(local === null || (local !== undefined && local !== keys.fingerprint)) && (
          <div className="form-error">{t('directory.keys.fingerprintMismatch')}</div>
        )}
      </dd>
      <dt>{t('directory.keys.version')}</dt>
      <dd>{keys.keyVersion}</dd>
      <dt>{t('directory.keys.verification')}</dt>
      <dd data-testid="key-verification" data-verified={keys.verified}>
        {keys.verified ? (
          <>
            <span className="badge verified">{t('directory.badges.verified')}</span>{' '}
            {keys.verifiedAt && t('directory.keys.verifiedOn', { date: labels.date(keys.verifiedAt) })}
          </>
        ) : (
          <>
            <span className="badge unverified">{t('directory.badges.unverified')}</span>{' '}
            {t('directory.keys.unverifiedHint', { name })}
          </>
        )}
      </dd>
    </dl>
  );
}

/** Keys, fingerprint, verification, and the safety number between the reader and this person. */
export function EntryKeys({ entry, name }: { entry: EntryView; name: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const unlocked = useUnlockedKeys();
  const me = session?.user;
  return (
    <section className="card" aria-labelledby="entry-keys-title" data-testid="entry-keys">
      <h3 id="entry-keys-title">{t('directory.keys.title')}</h3>
      {!entry.keys ? (
        <p>{t('directory.keys.none')}</p>
      ) : (
        <>
          <KeyFacts keys={entry.keys} name={name} />
          {me && unlocked && me.id !== entry.userId && (
            <>
              <SafetyNumberView
                me={{ userId: me.id, identityKey: toBase64Url(unlocked.keys.identity.publicKey) }}
                them={{ userId: entry.userId, identityKey: entry.keys.identityKey }}
              />
              <p className="hint">{t('directory.keys.safetyHint', { name })}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
