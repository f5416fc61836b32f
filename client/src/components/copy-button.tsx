import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard and says whether it worked (the clipboard may be refused). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = (): void => {
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) return setState('failed');
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <span className="copy">
      <button type="button" onClick={copy}>
        {label ?? t('common.copy')}
      </button>
      <span role="status" className={state === 'failed' ? 'field-error' : 'hint'}>
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
