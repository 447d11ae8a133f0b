/** The shape of /data/finder.json, shared by the build (finder-table.ts) and the browser (finder.ts). */

/** The part of a district outside England and Wales. */
export const SCOTLAND = 'S';

/** One area's share of a district: [index into `areas`, or SCOTLAND, share from 0 to 1]. */
export type DistrictShare = [number | typeof SCOTLAND, number];

export type FinderTable = {
  /** Format version, so a cached old table is never misread. */
  v: 1;
  /** Police force areas: [ONS code, name, page slug]. Districts and councils point here by index. */
  areas: [string, string, string][];
  /**
   * Postcode district → the one area it lies in (an index), `S` for wholly in Scotland, or its
   * shares, largest first, when it straddles areas or the border.
   */
  districts: Record<string, number | typeof SCOTLAND | DistrictShare[]>;
  /** Councils (local authorities): [name, area index, ONS codes]. */
  councils: [string, number, string[]][];
};
