import { fromPromise } from 'xstate';
import type { SubmitFailure } from '../../../machines/send.ts';
import type { ReferralInput } from '../../../functions/referral/schema.ts';

const failure = (kind: SubmitFailure['kind']): SubmitFailure => ({ kind });

/** Posts the referral to /api/referral, once the person presses send, and names any failure. */
export const submitReferral = fromPromise<{ reference: string }, { referral: ReferralInput }>(async ({ input }) => {
  let response: Response;
  try {
    response = await fetch('/api/referral', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input.referral),
      credentials: 'omit',
      signal: AbortSignal.timeout(25_000),
    });
  } catch {
    throw failure('unavailable');
  }
  if (response.status === 202) return (await response.json()) as { reference: string };
  const code = await response
    .json()
    .then((body: { error?: { code?: string } }) => body.error?.code)
    .catch(() => undefined);
  if (code === 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' || code === 'UNKNOWN_AREA') throw failure('not-accepting');
  if (response.status === 429) throw failure('busy');
  if (code === 'INVALID_REFERRAL' || code === 'CONSENT_REQUIRED' || code === 'IDEMPOTENCY_KEY_REUSED') throw failure('invalid');
  throw failure('unavailable');
});
