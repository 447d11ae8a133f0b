import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import words from '../../content/campaign/rj-week.json' with { type: 'json' };
import helplines from '../../content/helplines.json' with { type: 'json' };
import evidence from '../../content/evidence.json' with { type: 'json' };
import { areas } from '../../src/lib/areas.ts';
import { measure, sentencesOf } from '../../src/lib/readability.ts';
import { fill } from '../../src/lib/words.ts';
import type { Area } from '../../src/schemas/area.ts';
import { describeBuilt } from '../support/built.ts';

/**
 * Every area's campaign page, poster and leaflet in the built site (run after `npm run build`), and
 * the QR code on each sheet read back from its PNG as a phone camera would.
 */
const dist = process.env.DIST_DIR ?? 'dist';
const page = (path: string): string => join(dist, path, 'index.html');
const kinds = ['poster', 'leaflet'] as const;

/** The site's public address, as the build wrote it into the home page's canonical link. */
function siteOrigin(): string {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(
    readFileSync(join(dist, 'index.html'), 'utf8'),
  )?.[1];
  if (!canonical) throw new Error('dist/index.html has no canonical link');
  return new URL(canonical).origin;
}

function readQr(file: string) {
  const png = PNG.sync.read(readFileSync(file));
  return { png, code: jsQR(new Uint8ClampedArray(png.data), png.width, png.height) };
}

/** The printed sheet itself: the `<article class="sheet …">`, without the intro shown on screen. */
function sheetHtml(area: Area, kind: (typeof kinds)[number]): string {
  const html = readFileSync(page(`rj-week/${area.slug}/${kind}`), 'utf8');
  const sheet = /<article class="sheet[\s\S]*?<\/article>/.exec(html)?.[0];
  if (!sheet) throw new Error(`${area.slug}: the ${kind} has no sheet`);
  return sheet;
}

/** Text as read on paper: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string): string =>
  html
    .replace(/<\/?(wbr|span|strong|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** The block under "In <area>, contact …". */
function contactBlock(sheet: string): string {
  const block = /<div class="sheet__contact" data-sheet-contacts>([\s\S]*?)<\/div>/.exec(sheet)?.[1];
  if (!block) throw new Error('no contact block');
  return block;
}

const nationalNumber = helplines.find((line) => line.id === 'victim-support')?.number ?? '';
const nationalName = helplines.find((line) => line.id === 'victim-support')?.name ?? '';
const emergencyNumber = helplines.find((line) => line.id === 'emergency')?.number ?? '';
const digits = (number: string): string => number.replace(/\s+/g, '');

describe('the printed words', () => {
  it('say what restorative justice is, and what happens next, for a reading age of 11 or below', () => {
    expect(words.print.lines).toHaveLength(3);
    expect(measure(sentencesOf(words.print.lines)).age).toBeLessThanOrEqual(11);
    expect(measure(sentencesOf(words.print.steps)).age).toBeLessThanOrEqual(11);
    expect(measure(sentencesOf([words.print.headline, words.print.subhead])).age).toBeLessThanOrEqual(11);
  });
});

describeBuilt('the campaign kit for each area', () => {
  it('has a campaign page, a poster and a leaflet for all 43 areas', () => {
    expect(areas).toHaveLength(43);
    for (const area of areas) {
      expect(existsSync(page(`rj-week/${area.slug}`)), `${area.slug}: campaign page`).toBe(true);
      expect(existsSync(page(`rj-week/${area.slug}/poster`)), `${area.slug}: poster`).toBe(true);
      expect(existsSync(page(`rj-week/${area.slug}/leaflet`)), `${area.slug}: leaflet`).toBe(true);
    }
  });

  for (const kind of kinds) {
    it(`prints a QR code on every ${kind} that opens the area's page with ?from=${kind}`, () => {
      const origin = siteOrigin();
      for (const area of areas) {
        const sheet = sheetHtml(area, kind);
        expect(sheet, `${area.slug}: the ${kind} shows its QR code`).toContain(
          `src="/rj-week/${area.slug}/qr-${kind}.png"`,
        );
        const { code } = readQr(join(dist, 'rj-week', area.slug, `qr-${kind}.png`));
        expect(code?.data, area.slug).toBe(`${origin}/areas/${area.slug}/?from=${kind}`);
      }
    });

    it(`makes each ${kind}'s QR code at least 600 pixels wide, with a white quiet zone of 4 modules or more`, () => {
      for (const area of areas) {
        const { png, code } = readQr(join(dist, 'rj-week', area.slug, `qr-${kind}.png`));
        expect(png.width, area.slug).toBeGreaterThanOrEqual(600);
        expect(png.height, area.slug).toBe(png.width);
        // The dark modules' bounding box, and the size of one module from the code's version.
        let [left, top, right, bottom] = [png.width, png.height, -1, -1];
        for (let y = 0; y < png.height; y++) {
          for (let x = 0; x < png.width; x++) {
            if ((png.data[(y * png.width + x) * 4] ?? 255) < 128) {
              left = Math.min(left, x);
              right = Math.max(right, x);
              top = Math.min(top, y);
              bottom = Math.max(bottom, y);
            }
          }
        }
        const modules = 17 + 4 * (code?.version ?? 0);
        const moduleSize = (right - left + 1) / modules;
        expect(Number.isInteger(moduleSize), `${area.slug}: whole pixels per module`).toBe(true);
        for (const [side, pixels] of Object.entries({
          left,
          top,
          right: png.width - 1 - right,
          bottom: png.height - 1 - bottom,
        })) {
          expect(pixels / moduleSize, `${area.slug}: quiet zone on the ${side}`).toBeGreaterThanOrEqual(4);
        }
      }
    });

    it(`prints each ${kind}'s area page address, short, under its QR code`, () => {
      const host = new URL(siteOrigin()).host.replace(/^www\./, '');
      for (const area of areas) {
        const qr = /<div class="sheet__qr">([\s\S]*?)<\/div>/.exec(sheetHtml(area, kind))?.[1] ?? '';
        const address = /<p class="sheet__address">([\s\S]*?)<\/p>/.exec(qr)?.[1] ?? '';
        expect(textOf(address), area.slug).toBe(`${words.print.address} ${host}/areas/${area.slug}`);
        expect(qr.indexOf('<img'), `${area.slug}: the address follows the code`).toBeLessThan(qr.indexOf('sheet__address'));
      }
    });

    it(`keeps press headlines, a second number, source titles and caveats off every ${kind}`, () => {
      const banned = [
        'brings criminals',
        'second number',
        'another number',
        'Contact details from',
        'Checked on',
        'Services change',
        ...helplines.map((line) => line.source.title),
        ...evidence.flatMap((item) => [item.short, item.citation]),
      ];
      for (const area of areas) {
        const { provider } = area;
        // A source may be the provider's own website, titled with its name: those may appear as contacts.
        const names = [provider?.name, provider?.service].map((name) => name?.toLowerCase());
        const contacts = [provider?.website?.url, provider?.selfReferral?.url];
        const text = textOf(sheetHtml(area, kind)).toLowerCase();
        const titles = area.sources.map((source) => source.title).filter((title) => !names.includes(title.toLowerCase()));
        for (const phrase of [...banned, ...titles]) {
          expect(text, `${area.slug}: "${phrase}"`).not.toContain(phrase.toLowerCase());
        }
        for (const source of area.sources.filter((item) => !contacts.includes(item.url))) {
          expect(sheetHtml(area, kind), area.slug).not.toContain(`"${source.url}"`);
        }
      }
    });

    it(`gives on every ${kind} the provider's first phone number, or Victim Support's, under a real heading`, () => {
      for (const area of areas) {
        const block = contactBlock(sheetHtml(area, kind));
        const main = area.provider?.phones[0]?.number ?? nationalNumber;
        const heading = textOf(/<h3[^>]*>([^<]+)<\/h3>/.exec(block)?.[1] ?? '');
        const { provider } = area;
        expect([
          provider && fill(words.print.contactHeading, { area: area.name, provider: provider.service ?? provider.name }),
          fill(words.print.noProviderHeading, { area: area.name, helpline: nationalName }),
        ], area.slug).toContain(heading);
        expect(textOf(block), area.slug).toContain(main);
        expect(block, area.slug).toContain(`href="tel:${digits(main)}"`);
        // Never a second number: the first phone is the only one from the area's data.
        for (const phone of area.provider?.phones.slice(1) ?? []) {
          expect(textOf(sheetHtml(area, kind)), `${area.slug}: ${phone.number}`).not.toContain(phone.number);
        }
      }
    });

    it(`adds no contact to a ${kind} that the area's data or content/helplines.json does not have`, () => {
      for (const area of areas) {
        const sheet = sheetHtml(area, kind);
        const { provider } = area;
        const phones = [provider?.phones[0]?.number, nationalNumber, emergencyNumber].flatMap((n) => (n ? [digits(n)] : []));
        const emails = provider?.emails.map((email) => email.address) ?? [];
        const pages = [provider?.website?.url, provider?.selfReferral?.url].filter(Boolean);
        for (const [, href] of sheet.matchAll(/href="([^"]+)"/g)) {
          if (href?.startsWith('tel:')) expect(phones, `${area.slug}: ${href}`).toContain(href.slice(4));
          else if (href?.startsWith('mailto:')) expect(emails, `${area.slug}: ${href}`).toContain(href.slice(7));
          else expect(pages, `${area.slug}: ${href}`).toContain(href);
        }
      }
    });
  }

  it('lets a poster show only the heading, the number and the address: nothing else to type', () => {
    for (const area of areas) {
      const sheet = sheetHtml(area, 'poster');
      expect(sheet, area.slug).not.toContain('mailto:');
      expect(sheet, area.slug).not.toMatch(/href="https?:/);
    }
  });

  it('puts on each leaflet the provider\'s first email address and its website, as the data has them', () => {
    for (const area of areas) {
      const block = contactBlock(sheetHtml(area, 'leaflet'));
      const email = area.provider?.emails[0];
      if (email) expect(block, area.slug).toContain(`href="mailto:${email.address}"`);
      const website = area.provider?.website;
      const typed = website?.url.replace(/^https?:\/\//, '').replace(/^([^/]+)\/$/, '$1');
      if (website && typed && typed.length <= 64) {
        expect(block, area.slug).toContain(`href="${website.url}"`);
        expect(textOf(block), area.slug).toContain(typed);
      }
      // Help now: 999, and Victim Support's number somewhere on the back.
      expect(sheetHtml(area, 'leaflet'), area.slug).toContain(`href="tel:${emergencyNumber}"`);
      expect(textOf(sheetHtml(area, 'leaflet')), area.slug).toContain(nationalNumber);
    }
  });

  it('gives every sheet page its headings in order: h1 on screen, then h2, then h3', () => {
    for (const area of areas) {
      for (const kind of kinds) {
        const html = readFileSync(page(`rj-week/${area.slug}/${kind}`), 'utf8');
        const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '';
        const levels = [...main.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
        expect(levels[0], `${area.slug} ${kind}`).toBe(1);
        for (let i = 1; i < levels.length; i++) {
          expect((levels[i] ?? 0) - (levels[i - 1] ?? 0), `${area.slug} ${kind}: ${levels.join(',')}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('links each sheet to its print stylesheet, and keeps posters and leaflets out of the sitemap', () => {
    for (const area of areas) {
      for (const kind of kinds) {
        expect(readFileSync(page(`rj-week/${area.slug}/${kind}`), 'utf8')).toContain('href="/styles/print.css"');
      }
    }
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toMatch(/\/rj-week\/[a-z-]+\/(poster|leaflet)\//);
    expect(sitemap).toContain('/rj-week/</loc>');
    for (const area of areas) expect(sitemap, area.slug).toContain(`/rj-week/${area.slug}/</loc>`);
  });
});
