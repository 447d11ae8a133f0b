import type { AreaFacts } from '../../machines/area-facts.ts';
import { acceptsOnlineReferrals } from './area-view.ts';
import type { Area } from '../schemas/area.ts';

/** What the chat needs about an area, from its record: contacts without their source notes. */
export function toAreaFacts(area: Area): AreaFacts {
  const { provider } = area;
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
    acceptsReferrals: acceptsOnlineReferrals(area),
    commissioner: {
      name: area.commissioner.name,
      ...(area.commissioner.website ? { website: { url: area.commissioner.website.url, label: area.commissioner.website.label } } : {}),
    },
    notes: area.notes,
  };
}
