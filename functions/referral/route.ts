import { areaByCode } from '../../src/lib/areas.ts';
import { areaRoute } from '../../src/lib/area-routing.ts';
import type { Area } from '../../src/schemas/area.ts';

/**
 * Where a referral goes: always from our own data, never from anything in the request. The area's
 * provider at its inbox (`local`), or, where the area has none we can use, the national safety-net
 * service (`national`), which passes it on. With `redirectTo` (staging: REFERRAL_REDIRECT_TO) every
 * referral goes to that one test inbox instead, and is marked as a test.
 */
export type Route =
  | { ok: true; kind: 'local' | 'national'; area: Area; recipient: string; to: string; intendedFor: string; test: boolean }
  | { ok: false; code: 'UNKNOWN_AREA' | 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' };

export function routeReferral(areaCode: string, options: { redirectTo?: string; nationalRoute: boolean }): Route {
  const area = areaByCode(areaCode);
  if (!area) return { ok: false, code: 'UNKNOWN_AREA' };
  const route = areaRoute(area, options.nationalRoute);
  if (route.kind === 'direct' || !route.inbox) return { ok: false, code: 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' };
  return { ok: true, kind: route.kind, area, recipient: route.recipient, intendedFor: route.inbox, to: options.redirectTo ?? route.inbox, test: Boolean(options.redirectTo) };
}
