import type { Area, Source } from '../schemas/area.ts';

/** The 1-based number of a source in the area's list, for "source 2" references. */
export function sourceNumber(area: Area, id: string): number {
  const index = area.sources.findIndex((source) => source.id === id);
  if (index < 0) throw new Error(`${area.code}: no source "${id}"`);
  return index + 1;
}

/** The fragment id of a source's entry on the area page. */
export function sourceAnchor(source: Pick<Source, 'id'>): string {
  return `source-${source.id}`;
}
