import { useState } from 'react';
import { useRequestLabels } from './use-request-labels';

/** Finds a case by the reference an officer quotes (`KZ→RU-2026-0042`), whole or its beginning. */
export function ReferenceSearch({
  reference,
  onSearch,
}: {
  reference: string | undefined;
  onSearch: (reference: string | undefined) => void;
}) {
  const l = useRequestLabels();
  const [text, setText] = useState(reference ?? '');
  return (
    <form
      role="search"
      className="reference-search"
      data-testid="reference-search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim() || undefined);
      }}
    >
      <label>
        {l.r('box.search')}{' '}
        <input
          type="search"
          value={text}
          maxLength={40}
          placeholder={l.r('box.searchHint')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>{' '}
      <button type="submit">{l.r('box.find')}</button>
      {reference && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setText('');
            onSearch(undefined);
          }}
        >
          {l.r('box.clear')}
        </button>
      )}
    </form>
  );
}
