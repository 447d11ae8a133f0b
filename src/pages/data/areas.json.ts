import type { APIRoute } from 'astro';
import { areas } from '../../lib/areas.ts';
import { toAreaFacts } from '../../lib/area-facts.ts';

// The chat's view of every area (provider, contacts, notes), fetched only when the chat needs it.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(areas.map((area) => toAreaFacts(area))), { headers: { 'Content-Type': 'application/json' } });
