import { fromPromise } from 'xstate';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import { conversationMachine } from '../../../machines/conversation.ts';
import { screenMachine } from '../../../machines/screen.ts';
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

type ReferralPhases = (typeof import('./referral-phases.ts'))['referralPhases'];
let referralPhases: ReferralPhases | undefined;
let loadingPhases: Promise<void> | undefined;

/**
 * Loads the referral phase (its questions, and the schema that checks them) the first time someone
 * asks for a referral; the page itself ships without it. A failed load can be tried again.
 */
export function loadReferralPhases(): Promise<void> {
  loadingPhases ??= import('./referral-phases.ts').then(
    (module) => {
      referralPhases = module.referralPhases;
    },
    (error: unknown) => {
      loadingPhases = undefined;
      throw error;
    },
  );
  return loadingPhases;
}

/** A stand-in for a referral chart, forwarding to it once loaded (the chat waits for the load first). */
function loadedLater<K extends keyof ReferralPhases>(key: K): ReferralPhases[K] {
  return new Proxy({} as ReferralPhases[K], {
    get(_target, property) {
      if (!referralPhases) throw new Error('the referral questions have not loaded yet');
      return Reflect.get(referralPhases[key], property);
    },
  });
}

/** The conversation with the browser's side effects plugged in. */
export function browserConversation() {
  return conversationMachine.provide({
    actors: {
      loadArea,
      screen: screenMachine.provide({ actors: { lookupPlace } }),
      details: loadedLater('details'),
      send: loadedLater('send'),
    },
  });
}
