import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SentCircular } from '../../../../shared/schemas/circulars';
import type { OpenedCircular } from '../../../sdk/circulars/open-circular';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useAudienceWords } from './audience-words';
import { LeftOutList } from './left-out-list';

/** One sent circular: "read in X of Y states", the tally per state, and the states left out with why. */
function SentItem({ circular }: { circular: SentCircular }) {
  const { t } = useTranslation();
  const l = useLabels();
  const words = useAudienceWords();
  const client = useClient();
  const [opened, setOpened] = useState<OpenedCircular>();
  const [error, setError] = useState<unknown>();
  const show = async (): Promise<void> => {
    try {
      setOpened(await client.circulars.openSent(circular));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <li className="card circular" data-testid="sent-circular" data-id={circular.id}>
      <p className="circular-meta">
        <strong>{words.audience(circular.audience)}</strong> · {l.date(circular.storedAt)}
        {circular.audience.kind !== 'domain' && ` · ${l.domain(circular.labels.domain)}`}
      </p>
      <p className="circular-tally" data-testid="read-in">
        {t('circulars.sent.readIn', { read: circular.statesRead, total: circular.statesReached })}
      </p>
      <FormError error={error} />
      {opened ? (
        <article>
          <h4>{opened.subject}</h4>
          <p className="circular-text">{opened.text}</p>
        </article>
      ) : (
        circular.envelope && (
          <button type="button" className="secondary" onClick={() => void show()}>
            {t('circulars.sent.show')}
          </button>
        )
      )}
      <details>
        <summary>{t('circulars.sent.perState')}</summary>
        <table className="circular-tally-table">
          <thead>
            <tr>
              <th scope="col">{t('circulars.sent.state')}</th>
              <th scope="col">{t('circulars.sent.recipients')}</th>
              <th scope="col">{t('circulars.sent.read')}</th>
            </tr>
          </thead>
          <tbody>
            {circular.tally.map((row) => (
              <tr key={row.state}>
                <th scope="row">{words.state(row.state)}</th>
                <td>{row.recipients}</td>
                <td>{row.read}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h4>{t('circulars.sent.leftOut')}</h4>
      {circular.leftOut.length === 0 ? (
        <p className="detail">{t('circulars.sent.noneLeftOut')}</p>
      ) : (
        <LeftOutList leftOut={circular.leftOut} />
      )}
    </li>
  );
}

export function SentList({ circulars }: { circulars: readonly SentCircular[] }) {
  const { t } = useTranslation();
  if (circulars.length === 0) return <p className="card">{t('circulars.sent.empty')}</p>;
  return (
    <ul className="circular-list">
      {circulars.map((circular) => (
        <SentItem key={circular.id} circular={circular} />
      ))}
    </ul>
  );
}
