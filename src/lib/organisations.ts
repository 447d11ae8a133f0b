import helplines from '../../content/helplines.json' with { type: 'json' };
import listed from '../../content/organisations.json' with { type: 'json' };
import { areas } from './areas.ts';

/**
 * Names of organisations, which the readability measure leaves out: every provider, service and
 * commissioner in the area data, every help line, and the others listed in content/organisations.json.
 */
export function organisationNames(): string[] {
  const fromAreas = areas.flatMap((area) => [area.commissioner.name, area.provider?.name, area.provider?.service]);
  const fromLines = helplines.map((line) => line.name);
  return [...new Set([...listed.names, ...fromAreas, ...fromLines].filter((name): name is string => Boolean(name)))];
}
