import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromBase64Url } from '../../../../shared/crypto/encoding';
import { safetyNumber, type SafetyNumber } from '../../../../shared/crypto/safety-number';
import { QrCode } from '../../components/qr-code';

export interface Party {
  userId: string;
  /** Ed25519 public key, base64url. */
  identityKey: string;
}

/** The safety number between two people: 12 groups of 5 digits and the same as a QR code. */
export function SafetyNumberView({ me, them }: { me: Party; them: Party }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState<SafetyNumber>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    safetyNumber(
      { userId: me.userId, identityKey: fromBase64Url(me.identityKey) },
      { userId: them.userId, identityKey: fromBase64Url(them.identityKey) },
    ).then(
      (next) => live && setNumber(next),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [me.userId, me.identityKey, them.userId, them.identityKey]);

  if (failed) return <p className="form-error">{t('errors.crypto.malformed')}</p>;
  if (!number) return <p>{t('common.loading')}</p>;
  return (
    <figure className="safety-number" data-testid="safety-number" data-digits={number.groups.join('')}>
      <figcaption>{t('safety.label')}</figcaption>
      <div className="safety-body">
        <ol className="safety-groups" aria-label={t('safety.label')}>
          {number.groups.map((group, index) => (
            <li key={index}>{group}</li>
          ))}
        </ol>
        <QrCode text={number.qr} alt={t('safety.qrAlt')} size={160} />
      </div>
    </figure>
  );
}
