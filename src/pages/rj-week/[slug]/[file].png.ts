import type { APIRoute, GetStaticPaths } from 'astro';
import { areas } from '../../../lib/areas.ts';
import { printKinds, qrTarget, type PrintKind } from '../../../lib/campaign.ts';
import { qrPng } from '../../../lib/qr.ts';
import type { Area } from '../../../schemas/area.ts';

/** /rj-week/<area>/qr-poster.png and qr-leaflet.png: the QR codes printed on each sheet. */
export const getStaticPaths = (() =>
  areas.flatMap((area) =>
    printKinds.map((kind) => ({
      params: { slug: area.slug, file: `qr-${kind}` },
      props: { area, kind },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ area: Area; kind: PrintKind }> = async ({ props, site, url }) => {
  const png = await qrPng(qrTarget(site ?? url, props.area, props.kind));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
