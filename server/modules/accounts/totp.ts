import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'FocalNet', label: username, secret });
}

/**
 * The time step a code belongs to, or undefined when it is wrong. One step of clock drift either
 * way is accepted; the caller refuses a step already used, so a code works once.
 */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | undefined> {
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD_SECONDS });
    if (!result.valid) return undefined;
    return Math.floor(epoch / PERIOD_SECONDS) + (result.delta ?? 0);
  } catch {
    return undefined;
  }
}
