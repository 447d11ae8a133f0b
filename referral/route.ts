/**
 * Which route a referral from an area takes, from our own area data (never from the request):
 * - `local`: to the area's own provider, at the inbox our data holds for it;
 * - `national`: the area has no inbox we can use (none known, or the provider needs a secure route
 *   this site cannot send), so to the national safety-net service, which passes it on to the local
 *   service or helps the person itself;
 * - `direct`: neither, so the person is shown who to contact themselves.
 */
export type RouteKind = 'local' | 'national' | 'direct';

export type AreaRouting = {
  provider: { name: string } | null;
  referralEmail: { address: string; secureRoute: 'unknown' | 'none' | 'cjsm' } | null;
};

export function routeKind(area: AreaRouting, nationalEnabled: boolean): RouteKind {
  if (area.provider && area.referralEmail && area.referralEmail.secureRoute !== 'cjsm') return 'local';
  return nationalEnabled ? 'national' : 'direct';
}
