import { fromPromise } from 'xstate';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import type { PlaceResult } from '../../../referral/place.ts';
import { findPlace } from '../../lib/finder.ts';
import type { FinderTable } from '../../lib/finder-table-types.ts';

/**
 * A place is looked up in a table loaded from this site (what the person typed never leaves the
 * device); area facts come from this site's own data.
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

const table = () => once(() => finderTable, (value) => (finderTable = value), () => getJson<FinderTable>('/data/finder.json'));

/** The finder table, fetched ahead so a lookup never waits for it. */
export function prefetchFinder(): void {
  void table().catch(() => {});
}

export const lookupPlace = fromPromise<PlaceResult, { text: string }>(async ({ input }) => findPlace(await table(), input.text));

export const loadArea = fromPromise<AreaFacts, { code: string }>(async ({ input }) => {
  const list = await once(() => areaFacts, (value) => (areaFacts = value), () => getJson<AreaFacts[]>('/data/areas.json'));
  const area = list.find((candidate) => candidate.code === input.code);
  if (!area) throw new Error(`no area ${input.code}`);
  return area;
});
