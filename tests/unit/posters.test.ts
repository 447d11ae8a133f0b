import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/areas.ts';

/**
 * Every area's campaign page, poster and leaflet in the built site (run after `npm run build`), and
 * the QR code on each sheet read back from its PNG as a phone camera would.
 */
const dist = 'dist';
const built = existsSync(join(dist, 'index.html'));
const page = (path: string): string => join(dist, path, 'index.html');

/** The site's public address, as the build wrote it into the home page's canonical link. */
function siteOrigin(): string {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(
    readFileSync(join(dist, 'index.html'), 'utf8'),
  )?.[1];
  if (!canonical) throw new Error('dist/index.html has no canonical link');
  return new URL(canonical).origin;
}

function decodeQr(file: string): string | undefined {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe.skipIf(!built)('the campaign kit for each area', () => {
  it('has a campaign page, a poster and a leaflet for all 43 areas', () => {
    expect(areas).toHaveLength(43);
    for (const area of areas) {
      expect(existsSync(page(`rj-week/${area.slug}`)), `${area.slug}: campaign page`).toBe(true);
      expect(existsSync(page(`rj-week/${area.slug}/poster`)), `${area.slug}: poster`).toBe(true);
      expect(existsSync(page(`rj-week/${area.slug}/leaflet`)), `${area.slug}: leaflet`).toBe(true);
    }
  });

  for (const kind of ['poster', 'leaflet'] as const) {
    it(`prints a QR code on every ${kind} that opens the area's page with ?from=${kind}`, () => {
      const origin = siteOrigin();
      for (const area of areas) {
        const html = readFileSync(page(`rj-week/${area.slug}/${kind}`), 'utf8');
        expect(html, `${area.slug}: the ${kind} shows its QR code`).toContain(
          `src="/rj-week/${area.slug}/qr-${kind}.png"`,
        );
        expect(decodeQr(join(dist, 'rj-week', area.slug, `qr-${kind}.png`)), area.slug).toBe(
          `${origin}/areas/${area.slug}/?from=${kind}`,
        );
      }
    });
  }

  it('keeps posters and leaflets out of the sitemap, and campaign pages in it', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toMatch(/\/rj-week\/[a-z-]+\/(poster|leaflet)\//);
    expect(sitemap).toContain('/rj-week/</loc>');
    for (const area of areas) expect(sitemap, area.slug).toContain(`/rj-week/${area.slug}/</loc>`);
  });

  it('shows every contact on a sheet with where it comes from', () => {
    for (const area of areas) {
      const html = readFileSync(page(`rj-week/${area.slug}/poster`), 'utf8');
      expect(html, area.slug).toMatch(
        /Contact details from [^<]+\. Checked on \d{1,2} [A-Z][a-z]+ \d{4}\./,
      );
      for (const phone of area.provider?.phones ?? [])
        expect(html, `${area.slug}: ${phone.number}`).toContain(phone.number);
      for (const email of area.provider?.emails ?? [])
        expect(html, `${area.slug}: ${email.address}`).toContain(email.address);
      const { provider } = area;
      const ownContacts = provider
        ? provider.phones.length +
          provider.emails.length +
          (provider.website ? 1 : 0) +
          (provider.selfReferral ? 1 : 0)
        : 0;
      // Without a provider, or without any of its contact details, the sheet gives Victim Support's Supportline.
      if (ownContacts === 0) expect(html, area.slug).toContain('08 08 16 89 111');
    }
  });
});
