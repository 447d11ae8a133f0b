import type { APIRoute, GetStaticPaths } from 'astro';
import * as z from 'zod/mini';
import { REFERRAL_VERSION, referralSchema } from '../../../referral/schema.ts';

/**
 * The referral's JSON Schema at a stable address, /schemas/referral.v2.json (the version is the
 * referral's own, REFERRAL_VERSION), generated at build time from the one schema the chat and the
 * function use (referral/schema.ts), so it cannot drift. The referral email names this address in its
 * note on the attached `referral-<ref>.json`, whose `referral` validates against it.
 */
export const getStaticPaths = (() => [{ params: { version: REFERRAL_VERSION } }]) satisfies GetStaticPaths;

/** What each part of the envelope is (the schema itself is written with zod/mini, which keeps no descriptions). */
const envelope: Record<string, string> = {
  answers:
    'The answers, keyed by question id (referral/catalogue.ts), each optional in shape: which are required depends on the other answers, and the function checks that. `area` is the ONS police force area code of where the person lives.',
  idempotencyKey: 'A random UUID made once per referral: a retry with the same key is never sent twice.',
  token: 'Bot protection: the time-trap token the referral function issued (not in the email attachment).',
  website: 'Bot protection: a field people never see; anything in it marks a bot (not in the email attachment).',
};

export function referralJsonSchema(site: URL | string): Record<string, unknown> {
  const generated = z.toJSONSchema(referralSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown> & {
    properties?: Record<string, Record<string, unknown>>;
  };
  const { $schema, ...rest } = generated;
  for (const [key, description] of Object.entries(envelope)) {
    const property = rest.properties?.[key];
    if (property) property.description = description;
  }
  return {
    $schema,
    $id: new URL(`/schemas/${REFERRAL_VERSION}.json`, site).href,
    title: `Restorative justice referral (${REFERRAL_VERSION})`,
    description:
      'A referral sent by the Restorative Justice Guide: what its chat or no-JavaScript form posts to /api/referral, and what the `referral` of the JSON attached to each referral email (referral-<reference>.json) holds. Unknown keys are not allowed.',
    ...rest,
  };
}

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('The JSON Schema needs the site address (`site` in astro.config.mjs)');
  return new Response(`${JSON.stringify(referralJsonSchema(site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
