// The issuing state the desk used last: a border post sees the same few states all day. Not secret.
const KEY = 'focalnet.travelDocuments.lastState';

export function lastState(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberState(text: string): void {
  try {
    window.localStorage.setItem(KEY, text);
  } catch {
    // Private browsing without storage: the desk types it again.
  }
}
