import { ImplementationReview } from '../../../shared/schemas/review.js';
import type { SessionManager } from '../session-manager.js';

export interface ReviewApi {
  /** The year's implementation review: your state's (national admins); a state's or the whole network's (network admins). */
  get(year: number, state?: string): Promise<ImplementationReview>;
}

export function reviewApi(session: SessionManager): ReviewApi {
  return {
    get: (year, state) =>
      session.authed({
        method: 'GET',
        path: '/api/review',
        query: { year: String(year), state },
        schema: ImplementationReview,
      }),
  };
}
