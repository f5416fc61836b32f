import { useLoaded } from '../../admin/use-loaded';
import { sourceOfError, type Source } from './home-items';

/**
 * One input of the home list. `load` (stable, from useCallback) answers null when the line does
 * not apply to this person; a failure becomes a quiet "unavailable", never an error box.
 */
export function useHomeSource<T>(load: () => Promise<T | null>): Source<T> {
  const { data, error } = useLoaded(load);
  return error === undefined ? data : sourceOfError(error);
}
