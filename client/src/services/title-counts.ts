import { useEffect, useSyncExternalStore } from 'react';

const APP = 'FocalNet';
/** What waits for the person, by badge (unread messages, requests, approvals, …). */
const counts = new Map<string, number>();
/** The current page's name ("Messages"), shown before the app's name. */
let pageName = '';
const listeners = new Set<() => void>();
let version = 0;

function showTitle(): void {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const title = pageName ? `${pageName} — ${APP}` : APP;
  document.title = total > 0 ? `(${total}) ${title}` : title;
}

function changed(): void {
  version += 1;
  showTitle();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds a badge's count to the tab's title, so everything waiting shows in a background tab:
 * "(3) Messages — FocalNet". The count leaves the title when the badge unmounts (sign-out, other role).
 */
export function useTitleCount(key: string, count: number): void {
  useEffect(() => {
    counts.set(key, count);
    changed();
    return () => {
      counts.delete(key);
      changed();
    };
  }, [key, count]);
}

/** The sum of the given badges' counts, kept current: a menu group's or the menu button's badge. */
export function useWaitingTotal(keys: readonly string[] | 'all'): number {
  useSyncExternalStore(subscribe, () => version);
  const wanted = keys === 'all' ? [...counts.keys()] : keys;
  return wanted.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0);
}

/** Names the page in the tab's title, so every page has its own: "Messages — FocalNet". */
export function usePageName(name: string): void {
  useEffect(() => {
    pageName = name;
    showTitle();
  }, [name]);
}
