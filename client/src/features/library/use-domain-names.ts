import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainView } from '../../../../shared/schemas/directory';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** The network's domains, and a domain's name in the page's language (its code until loaded). */
export function useDomains(): { domains: DomainView[]; nameOf: (code: string) => string } {
  const client = useClient();
  const { i18n } = useTranslation();
  const loaded = useLoaded(useCallback(() => client.domains.list(), [client]));
  const domains = loaded.data ?? [];
  const nameOf = (code: string): string => {
    const domain = domains.find((d) => d.code === code);
    return domain ? (i18n.language === 'ru' ? domain.name.ru : domain.name.en) : code;
  };
  return { domains, nameOf };
}
