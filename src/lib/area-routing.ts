import { routeKind, type RouteKind } from '../../referral/route.ts';
import type { ServicePolicy } from '../../referral/rules.ts';
import type { Area } from '../schemas/area.ts';
import { nationalRoute, nationalRouteEnabled } from './national-route.ts';

/**
 * An area's route and its service's policy, from our own data: used by the function (to route a
 * referral), by the site's build (the chat's view of every area, the area pages) and the areas report.
 */
export function servicePolicy(area: Pick<Area, 'provider'>): ServicePolicy {
  const provider = area.provider;
  return {
    adultsOnly: provider?.worksWith?.adultsOnly ?? false,
    ...(provider?.responsibleReferrals ? { responsibleReferrals: { accepted: provider.responsibleReferrals.accepted, exceptFor: provider.responsibleReferrals.exceptFor } } : {}),
  };
}

export type AreaRoute = { kind: RouteKind; recipient: string; inbox: string | undefined };

/** Where a referral from this area goes, and who receives it. */
export function areaRoute(area: Area, nationalEnabled = nationalRouteEnabled()): AreaRoute {
  const kind = routeKind(area, nationalEnabled);
  if (kind === 'local') return { kind, recipient: area.provider?.name ?? '', inbox: area.referralEmail?.address };
  if (kind === 'national') return { kind, recipient: nationalRoute.recipient.name, inbox: nationalRoute.recipient.email };
  return { kind, recipient: '', inbox: undefined };
}
