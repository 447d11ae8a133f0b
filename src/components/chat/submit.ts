import { fromPromise } from 'xstate';
import type { SubmitFailure, Submitted } from '../../../machines/send.ts';
import type { Referral } from '../../../referral/schema.ts';

const failure = (kind: SubmitFailure['kind']): SubmitFailure => ({ kind });

/**
 * The time-trap token, fetched from this site when the referral questions load (long before anything
 * is sent; it carries nothing about the person). A send waits until the token is a few seconds old,
 * so a person who answers quickly is never mistaken for a bot.
 */
let token: Promise<{ token: string; at: number } | undefined> | undefined;
const MIN_TOKEN_AGE_MS = 4_000;

export function prefetchToken(): void {
  token ??= fetch('/api/referral/token', { credentials: 'omit' })
    .then(async (response) => (response.ok ? { token: ((await response.json()) as { token: string }).token, at: Date.now() } : undefined))
    .catch(() => undefined)
    .then((result) => {
      if (!result) token = undefined;
      return result;
    });
}

async function freshToken(): Promise<string | undefined> {
  prefetchToken();
  const issued = await token;
  if (!issued) return undefined;
  const wait = issued.at + MIN_TOKEN_AGE_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return issued.token;
}

/** Posts the referral to /api/referral, once the person presses send, and names any failure. */
export const submitReferral = fromPromise<Submitted, { referral: Referral }>(async ({ input }) => {
  let response: Response;
  try {
    const trap = await freshToken();
    // Without a token the function would take this for a bot and send nothing while answering like
    // success: say it could not be sent, so the person can try again.
    if (!trap) throw failure('unavailable');
    response = await fetch('/api/referral', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...input.referral, token: trap }),
      credentials: 'omit',
      signal: AbortSignal.timeout(25_000),
    });
  } catch {
    throw failure('unavailable');
  }
  if (response.status === 202) return (await response.json()) as Submitted;
  const code = await response
    .json()
    .then((body: { error?: { code?: string } }) => body.error?.code)
    .catch(() => undefined);
  if (code === 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' || code === 'UNKNOWN_AREA' || code === 'REFERRAL_NOT_OFFERED') throw failure('not-accepting');
  if (response.status === 429) throw failure('busy');
  if (code === 'INVALID_REFERRAL' || code === 'CONSENT_REQUIRED' || code === 'IDEMPOTENCY_KEY_REUSED') throw failure('invalid');
  throw failure('unavailable');
});
