import { isValid, toOutcode, validOutcode } from 'postcode';
import { SCOTLAND, type FinderTable } from './finder-table-types.ts';

/**
 * Finds a police force area from a postcode, an outward code or a council name, using only the table
 * already in the browser: nothing a person types is sent anywhere. Used by the finder page and the chat.
 */

import type { FoundArea, PlaceResult } from '../../referral/place.ts';

export type { FoundArea };

/** Where a place outside England and Wales is. */
export type Elsewhere = 'Scotland' | 'Northern Ireland' | 'the Isle of Man' | 'the Channel Islands';

export type PostcodeResult =
  /** Not a postcode or the first part of one. */
  | { kind: 'invalid' }
  /** A real postcode district outside England and Wales. */
  | { kind: 'outside'; outcode: string; place: Elsewhere }
  /** Well formed, but not a district we know (new, or a PO box district). */
  | { kind: 'unknown'; outcode: string }
  /** The district lies in one area. */
  | { kind: 'area'; outcode: string; area: FoundArea }
  /** The district straddles areas (or the border with Scotland): the person chooses. */
  | { kind: 'choice'; outcode: string; options: { area: FoundArea | null; share: number }[] };

const crownDependencies: Record<string, Elsewhere> = { BT: 'Northern Ireland', IM: 'the Isle of Man', JE: 'the Channel Islands', GY: 'the Channel Islands' };

/** The outward code of a full postcode or an outward code, upper case; null if it is neither. */
export function outcodeOf(input: string): string | null {
  const text = input.trim().toUpperCase();
  if (isValid(text)) return toOutcode(text);
  const compact = text.replace(/\s+/g, '');
  return validOutcode(compact) ? compact : null;
}

export function findByPostcode(table: FinderTable, input: string): PostcodeResult {
  const outcode = outcodeOf(input);
  if (!outcode) return { kind: 'invalid' };
  const elsewhere = crownDependencies[outcode.replace(/\d.*$/, '')];
  if (elsewhere) return { kind: 'outside', outcode, place: elsewhere };
  const entry = table.districts[outcode];
  if (entry === undefined) return { kind: 'unknown', outcode };
  if (entry === SCOTLAND) return { kind: 'outside', outcode, place: 'Scotland' };
  if (typeof entry === 'number') return { kind: 'area', outcode, area: areaAt(table, entry) };
  return {
    kind: 'choice',
    outcode,
    options: entry.map(([where, share]) => ({ area: where === SCOTLAND ? null : areaAt(table, where), share })),
  };
}

export function areaAt(table: FinderTable, index: number): FoundArea {
  const row = table.areas[index];
  if (!row) throw new Error(`finder table: no area at ${index}`);
  return { code: row[0], name: row[1], slug: row[2] };
}

/** Lower case, "&" as "and", punctuation as spaces: so "st helens" finds "St. Helens". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type CouncilMatch = { name: string; area: FoundArea };

/** Councils whose name contains every word typed, names starting with the text first. */
export function findCouncils(table: FinderTable, query: string, limit = 8): CouncilMatch[] {
  const wanted = normalise(query);
  if (wanted.length < 2) return [];
  const words = wanted.split(' ');
  const scored = table.councils
    .map(([name, index]) => ({ name, index, key: normalise(name) }))
    .filter(({ key }) => words.every((word) => key.includes(word)))
    .sort((a, b) => Number(b.key.startsWith(wanted)) - Number(a.key.startsWith(wanted)) || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map(({ name, index }) => ({ name, area: areaAt(table, index) }));
}

/**
 * A place as the chat's question takes it: a postcode or its first part, or else a council's name.
 * A council name that matches councils in one area finds that area; in several, they are offered.
 */
export function findPlace(table: FinderTable, input: string): PlaceResult {
  const byPostcode = findByPostcode(table, input);
  if (byPostcode.kind !== 'invalid') return byPostcode;
  const councils = findCouncils(table, input, 20);
  const areas = [...new Map(councils.map((council) => [council.area.code, council.area])).values()];
  if (areas.length === 1 && areas[0]) return { kind: 'area', area: areas[0] };
  if (areas.length > 1) return { kind: 'choice', options: areas.slice(0, 6).map((area) => ({ area, share: 0 })) };
  return { kind: 'invalid' };
}
