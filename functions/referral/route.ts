import { areaByCode } from '../../src/lib/areas.ts';
import type { Area } from '../../src/schemas/area.ts';

/** Where a referral goes: always from our own area data, never from anything in the request. */
export type Route =
  | { ok: true; area: Area; provider: NonNullable<Area['provider']>; to: string; test: boolean }
  | { ok: false; code: 'UNKNOWN_AREA' | 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' };

/**
 * The recipient for an area: its `referralEmail`. With `redirectTo` (staging: REFERRAL_REDIRECT_TO)
 * every referral goes to that one test inbox instead, and is marked as a test.
 */
export function routeReferral(areaCode: string, redirectTo?: string): Route {
  const area = areaByCode(areaCode);
  if (!area) return { ok: false, code: 'UNKNOWN_AREA' };
  if (!area.referralEmail || !area.provider) return { ok: false, code: 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' };
  return {
    ok: true,
    area,
    provider: area.provider,
    to: redirectTo ?? area.referralEmail.address,
    test: Boolean(redirectTo),
  };
}
