import data from '../../content/referral/national-route.json' with { type: 'json' };
import { nationalRouteSchema, type NationalRoute } from '../schemas/national-route.ts';
import { parseContentFile } from './validation.ts';

/** The national safety-net route, checked against its schema; NATIONAL_ROUTE=off switches it off. */
export const nationalRoute: NationalRoute = parseContentFile(nationalRouteSchema, 'national route', 'content/referral/national-route.json', data);

export function nationalRouteEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return nationalRoute.enabled && env.NATIONAL_ROUTE?.trim().toLowerCase() !== 'off';
}
