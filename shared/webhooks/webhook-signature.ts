import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries older or newer than this (seconds) fail verification: a captured delivery cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The `FocalNet-Signature` header of `rawBody` (the exact bytes sent, as UTF-8 text):
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 keyed with the whole secret string, over "<t>.<rawBody>">`.
 */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}

/**
 * True when `header` signs `rawBody` with `secret` and its time is within the tolerance of
 * `nowMs` (milliseconds since the epoch). Compares in constant time. The same check as README's
 * few lines, for national systems written in TypeScript.
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string,
  secret: string,
  nowMs: number = Date.now(),
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]),
  );
  const t = Number(parts.get('t'));
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
