import { describe, expect, it } from 'vitest';
import { routeReferral } from '../../functions/referral/route.ts';
import { nationalRoute } from '../../src/lib/national-route.ts';
import { areas } from '../../src/lib/areas.ts';

const off = { nationalRoute: false };
const on = { nationalRoute: true };

describe('routing a referral', () => {
  it('sends to the area’s own referral inbox from our data', () => {
    const route = routeReferral('E23000004', off);
    expect(route).toMatchObject({ ok: true, kind: 'local', to: 'RJMerseyside@restorativesolutions.org.uk', recipient: 'Restorative Solutions', test: false });
  });

  it('refuses an area without a usable inbox while the national route is off, and sends it to the national service when on', () => {
    expect(routeReferral('W15000001', off)).toEqual({ ok: false, code: 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' });
    expect(routeReferral('W15000001', on)).toMatchObject({ ok: true, kind: 'national', to: nationalRoute.recipient.email, recipient: nationalRoute.recipient.name });
  });

  it('refuses a code that is not one of our areas', () => {
    expect(routeReferral('E23000099', on)).toEqual({ ok: false, code: 'UNKNOWN_AREA' });
  });

  it('sends everything to the test inbox when redirected, marked as a test, keeping who it was for', () => {
    const route = routeReferral('E23000004', { ...off, redirectTo: 'staging@example.org' });
    expect(route).toMatchObject({ ok: true, to: 'staging@example.org', intendedFor: 'RJMerseyside@restorativesolutions.org.uk', test: true });
  });

  it('routes every one of the 43 areas to exactly one inbox from our data, or refuses it', () => {
    expect(areas).toHaveLength(43);
    for (const area of areas) {
      const usable = Boolean(area.provider && area.referralEmail && area.referralEmail.secureRoute !== 'cjsm');
      const local = routeReferral(area.code, off);
      if (usable) expect(local.ok && local.to, area.code).toBe(area.referralEmail!.address);
      else expect(local.ok, area.code).toBe(false);
      const national = routeReferral(area.code, on);
      expect(national.ok && national.to, area.code).toBe(usable ? area.referralEmail!.address : nationalRoute.recipient.email);
    }
  });
});
