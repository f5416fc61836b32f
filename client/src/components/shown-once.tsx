import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

/**
 * A secret the server shows this once (an invitation link, a webhook signing secret): selected
 * on focus, with a copy button, until the person says they have kept it.
 */
export function ShownOnce(props: {
  id: string;
  testId: string;
  title: string;
  children?: ReactNode;
  warning: string;
  label: string;
  name: string;
  value: string;
  doneLabel: string;
  onDone: () => void;
}) {
  return (
    <section className="card notice" aria-labelledby={props.id} data-testid={props.testId}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
      <p className="warning">{props.warning}</p>
      <label>
        {props.label}
        <input name={props.name} readOnly value={props.value} onFocus={(e) => e.target.select()} className="mono" />
      </label>
      <div className="actions">
        <CopyButton text={props.value} />
        <button type="button" onClick={props.onDone}>
          {props.doneLabel}
        </button>
      </div>
    </section>
  );
}
