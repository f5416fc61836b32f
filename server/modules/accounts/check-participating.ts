import { AppError } from '../../../shared/errors.js';
import type { AccountsDeps } from './accounts-deps.js';

/** A focal point serves only domains their state takes part in (participation names only the network's domains). */
export async function checkParticipating(
  deps: Pick<AccountsDeps, 'states'>,
  stateCode: string,
  domains: readonly string[],
): Promise<void> {
  const state = await deps.states.find(stateCode);
  if (!state) throw new AppError('state.unknown', `${stateCode} is not a member state`);
  const participating = new Set(state.domains);
  const outside = domains.filter((domain) => !participating.has(domain));
  if (outside.length > 0) {
    throw new AppError(
      'domain.not-participating',
      `${stateCode} does not take part in: ${outside.join(', ')} (set the state's participation first)`,
      [{ path: ['body', 'domains'], message: `not taken part in: ${outside.join(', ')}` }],
    );
  }
}
