import { describe, expect, it } from 'vitest';
import { routeReferral } from '../../functions/referral/route.ts';
import { areas } from '../../src/lib/areas.ts';

describe('routing a referral', () => {
  it('sends to the area’s own referral inbox from our data', () => {
    const route = routeReferral('E23000004');
    expect(route.ok && route.to).toBe('RJMerseyside@restorativesolutions.org.uk');
    expect(route.ok && route.provider.name).toBe('Restorative Solutions');
    expect(route.ok && route.test).toBe(false);
  });

  it('refuses an area without a referral inbox', () => {
    expect(routeReferral('E23000014')).toEqual({ ok: false, code: 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' });
    expect(routeReferral('W15000001')).toEqual({ ok: false, code: 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' });
  });

  it('refuses a code that is not one of our areas', () => {
    expect(routeReferral('E23000099')).toEqual({ ok: false, code: 'UNKNOWN_AREA' });
  });

  it('sends everything to the test inbox when redirected, marked as a test', () => {
    const route = routeReferral('E23000004', 'staging@example.org');
    expect(route.ok && route.to).toBe('staging@example.org');
    expect(route.ok && route.test).toBe(true);
  });

  it('routes every area with an inbox to exactly that inbox', () => {
    for (const area of areas) {
      const route = routeReferral(area.code);
      if (area.referralEmail) expect(route.ok && route.to, area.code).toBe(area.referralEmail.address);
      else expect(route.ok, area.code).toBe(false);
    }
  });
});
