import type { BilingualText } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';

/**
 * Text in both scripts where the entry has both: the interface language first, the other one
 * after it, so a Russian reader sees Cyrillic first and still sees the Latin spelling.
 */
export function Bilingual({ text, testId }: { text: BilingualText | null | undefined; testId?: string }) {
  const { language } = useLabels();
  if (!text) return null;
  const [first, second] = language === 'ru' && text.ru ? [text.ru, text.en] : [text.en, text.ru];
  return (
    <span className="bilingual" data-testid={testId}>
      <span lang={first === text.ru ? 'ru' : 'en'}>{first}</span>
      {second && second !== first && (
        <span className="other-script" lang={second === text.ru ? 'ru' : 'en'}>
          {second}
        </span>
      )}
    </span>
  );
}
