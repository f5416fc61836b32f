import { useEffect } from 'react';

const TITLE = 'FocalNet';
/** What waits for the person, by badge (unread messages, requests, approvals, …). */
const counts = new Map<string, number>();

function showTotal(): void {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  document.title = total > 0 ? `(${total}) ${TITLE}` : TITLE;
}

/**
 * Adds a badge's count to the tab's title, so everything waiting shows in a background tab:
 * "(3) FocalNet". The count leaves the title when the badge unmounts (sign-out, other role).
 */
export function useTitleCount(key: string, count: number): void {
  useEffect(() => {
    counts.set(key, count);
    showTotal();
    return () => {
      counts.delete(key);
      showTotal();
    };
  }, [key, count]);
}
