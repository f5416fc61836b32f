import { useLoaded } from '../../../hooks/use-loaded';
import { sourceOfError, type Source } from './home-items';

/**
 * One input of the home list, and a way to read it again when the server says it changed. `load`
 * (stable, from useCallback) answers null when the line does not apply to this person; a failure
 * becomes a quiet "unavailable", never an error box.
 */
export function useHomeSource<T>(load: () => Promise<T | null>): [Source<T>, () => void] {
  const { data, error, reload } = useLoaded(load);
  return [error === undefined ? data : sourceOfError(error), reload];
}
