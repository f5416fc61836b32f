import { useEffect, useRef } from 'react';
import { usePath } from '../../router/router';

const HEADING = 'main h1, main h2';
/** How long a page may take to show its heading (it may load first) before focus stays where it is. */
const WAIT_MS = 15_000;

/**
 * After an in-app navigation, moves focus to the new page's heading, so a keyboard or screen-reader
 * user starts reading the page rather than at the top of the document. Not on the first load.
 */
export function usePageFocus(): void {
  const path = usePath();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector('main');
    if (!main) return;
    const focusHeading = (): boolean => {
      // The first heading shown: a suspended page keeps the previous one in the document, hidden.
      const heading = [...document.querySelectorAll<HTMLElement>(HEADING)].find((h) => h.getClientRects().length > 0);
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return document.activeElement === heading;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [path]);
}
