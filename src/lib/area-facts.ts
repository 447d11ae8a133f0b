import type { AreaFacts } from '../../machines/area-facts.ts';
import type { Area } from '../schemas/area.ts';
import { areaRoute, servicePolicy } from './area-routing.ts';

/** What the chat needs about an area, from its record: contacts without their source notes, the route and the service's policy. */
export function toAreaFacts(area: Area, nationalEnabled?: boolean): AreaFacts {
  const { provider } = area;
  const route = areaRoute(area, nationalEnabled);
  return {
    code: area.code,
    name: area.name,
    slug: area.slug,
    provider: provider
      ? {
          name: provider.name,
          ...(provider.service ? { service: provider.service } : {}),
          phones: provider.phones.map(({ number, label }) => ({ number, label })),
          emails: provider.emails.map(({ address, label }) => ({ address, label })),
          ...(provider.website ? { website: { url: provider.website.url, label: provider.website.label } } : {}),
          ...(provider.selfReferral ? { selfReferral: { url: provider.selfReferral.url, label: provider.selfReferral.label } } : {}),
        }
      : null,
    route: route.kind,
    recipient: route.recipient,
    policy: servicePolicy(area),
    commissioner: {
      name: area.commissioner.name,
      ...(area.commissioner.website ? { website: { url: area.commissioner.website.url, label: area.commissioner.website.label } } : {}),
    },
    notes: area.notes,
  };
}
