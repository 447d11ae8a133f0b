import type { Area, Source } from '../schemas/area.ts';
import { commissionerKinds } from '../schemas/area.ts';

/** A sentence explaining the commissioner where the name alone does not. */
export const commissionerNote: Record<(typeof commissionerKinds)[number], string> = {
  PCC: '',
  PFCC: 'A Police, Fire and Crime Commissioner also oversees the fire and rescue service.',
  Mayor: 'Here the Mayor does the job that a Police and Crime Commissioner does elsewhere.',
  'City of London': 'The City of London has no Police and Crime Commissioner: the City of London Corporation oversees policing there.',
};

/** Plain words for how sure we are, by confidence level. */
export const confidenceWords: Record<Area['confidence'], string> = {
  high: 'High: a current official page shows who provides the service.',
  medium: 'Medium: an official page shows it, but the page is older or undated, or the source is not official.',
  low: 'Low: our sources are old or indirect, or we found no provider.',
};

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
