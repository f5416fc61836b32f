import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InclusionVerdict } from '../../../sdk/index';
import type { AuditEntryView } from '../../../../shared/schemas/accounts';
import { useClient } from '../../services/client-context';
import './audit-log.css';

/** An entry's leaf hash and "Verify inclusion": proven against the head this browser verified, or why not. */
export function VerifyInclusionButton({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const { auditLog } = useClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InclusionVerdict>();
  const verify = async (): Promise<void> => {
    setBusy(true);
    try {
      setResult(await auditLog.verifyInclusion(entry));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="audit-inclusion" data-testid="audit-inclusion">
      <div>
        <span className="detail">{t('auditLog.inclusion.leafHash')}:</span>{' '}
        <span className="mono leaf-hash">{entry.leafHash}</span>
      </div>
      <button type="button" className="link" disabled={busy} onClick={() => void verify()}>
        {busy ? t('auditLog.inclusion.verifying') : t('auditLog.inclusion.verify')}
      </button>
      {result && (
        <div
          role="status"
          className={result.ok ? 'proven' : 'not-proven'}
          data-testid="audit-inclusion-result"
          data-ok={String(result.ok)}
        >
          {result.ok
            ? t('auditLog.inclusion.ok', { seq: result.seq, size: result.head.size })
            : t(`auditLog.inclusion.${result.reason}`)}
        </div>
      )}
    </div>
  );
}
