import { fromPromise } from 'xstate';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import { conversationMachine } from '../../../machines/conversation.ts';
import { screenMachine } from '../../../machines/screen.ts';
import { sendMachine, type SubmitFailure } from '../../../machines/send.ts';
import type { ReferralInput } from '../../../functions/referral/schema.ts';
import { findByPostcode, type PostcodeResult } from '../../lib/finder.ts';
import type { FinderTable } from '../../lib/finder-table-types.ts';

/**
 * The side effects the charts name, implemented for the browser: the postcode is looked up in a table
 * loaded from this site (the postcode itself never leaves the device), area facts come from this
 * site's own data, and the referral is posted to /api/referral only when the person presses send.
 */
let finderTable: Promise<FinderTable> | undefined;
let areaFacts: Promise<AreaFacts[]> | undefined;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Loads once and shares the result; a failure is forgotten so the next try fetches again. */
function once<T>(get: () => Promise<T> | undefined, set: (value: Promise<T> | undefined) => void, load: () => Promise<T>): Promise<T> {
  const existing = get();
  if (existing) return existing;
  const loading = load().catch((error: unknown) => {
    set(undefined);
    throw error;
  });
  set(loading);
  return loading;
}

export const lookupPlace = fromPromise<PostcodeResult, { text: string }>(async ({ input }) => {
  const table = await once(() => finderTable, (value) => (finderTable = value), () => getJson<FinderTable>('/data/finder.json'));
  return findByPostcode(table, input.text);
});

export const loadArea = fromPromise<AreaFacts, { code: string }>(async ({ input }) => {
  const list = await once(() => areaFacts, (value) => (areaFacts = value), () => getJson<AreaFacts[]>('/data/areas.json'));
  const area = list.find((candidate) => candidate.code === input.code);
  if (!area) throw new Error(`no area ${input.code}`);
  return area;
});

const failure = (kind: SubmitFailure['kind']): SubmitFailure => ({ kind });

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

/** The conversation with the browser's side effects plugged in. */
export function browserConversation() {
  return conversationMachine.provide({
    actors: {
      loadArea,
      screen: screenMachine.provide({ actors: { lookupPlace } }),
      send: sendMachine.provide({ actors: { submitReferral } }),
    },
  });
}
