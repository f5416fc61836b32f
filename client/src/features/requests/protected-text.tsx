import { onwardUse } from '../../../../shared/requests/onward-use';
import type { HandlingCode } from '../../../../shared/schemas/labels';
import type { ReceivedMessage } from '../../../sdk/index';
import { CopyButton } from '../../components/copy-button';
import { saveFile } from '../../lib/save-file';
import { useRequestLabels } from './use-request-labels';

/**
 * Decrypted text with the onward-use rules of its handling code and policy conditions
 * (shared/requests/onward-use.ts): copy and export are offered only where passing it on is
 * allowed; otherwise the text says so and no button exists. My own copies carry no restriction.
 */
export function ProtectedText({
  message,
  text,
  name,
  consentGranted = false,
}: {
  message: ReceivedMessage;
  text: string;
  name: string;
  /** Consent to pass it on, granted by the providing state for this case: copy and export open up. */
  consentGranted?: boolean;
}) {
  const l = useRequestLabels();
  const byCode = onwardUse(message.labels.handling as HandlingCode, message.conditions);
  const unlocked = consentGranted && !byCode.mayDisseminate;
  const use = message.outgoing
    ? { mayDisseminate: true, mayUseAsEvidence: true }
    : { ...byCode, mayDisseminate: byCode.mayDisseminate || consentGranted };
  return (
    <div
      className="protected-text"
      data-testid="protected-text"
      data-may-disseminate={use.mayDisseminate}
      data-may-use-as-evidence={use.mayUseAsEvidence}
    >
      <div className={`plaintext${use.mayDisseminate ? '' : ' no-copy'}`} data-testid="plaintext">
        {text}
      </div>
      {!message.outgoing && (
        <ul className="onward-notes">
          {use.mayDisseminate && use.mayUseAsEvidence && !unlocked && <li>{l.r('onward.allowed')}</li>}
          {unlocked && (
            <li className="success" data-testid="consent-unlocked">
              {l.r('onward.consentGranted')}
            </li>
          )}
          {!use.mayDisseminate && (
            <li className="warning" data-testid="no-onward">
              {l.r('onward.noDissemination')}
            </li>
          )}
          {!use.mayUseAsEvidence && (
            <li className="warning" data-testid="not-evidence">
              {l.r('onward.notAsEvidence')}
            </li>
          )}
        </ul>
      )}
      {use.mayDisseminate && (
        <p className="onward-buttons">
          <CopyButton text={text} label={l.r('onward.copy')} />{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), `${name}.txt`)}
          >
            {l.r('onward.export')}
          </button>
        </p>
      )}
    </div>
  );
}
