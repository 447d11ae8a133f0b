import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/areas.ts';
import { renderShareCard, shareCardAlt, shareCardSvg, wrapText } from '../../src/lib/share-card.ts';
import { describeBuilt, dist } from '../support/built.ts';

/** Share cards in the built site (run after `npm run build`), and the pages that point to them. */

const pagesWithCards: { path: string; card: string }[] = [
  { path: '/', card: '/share/home.png' },
  { path: '/rj-week/', card: '/share/rj-week.png' },
  ...areas.map((area) => ({
    path: `/rj-week/${area.slug}/`,
    card: `/share/rj-week-${area.slug}.png`,
  })),
];

const html = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');
const meta = (page: string, key: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(page)?.[1];

describeBuilt('the share cards', () => {
  it('are PNG files of exactly 1200 × 630 pixels', () => {
    for (const { card } of pagesWithCards) {
      const png = PNG.sync.read(readFileSync(join(dist, card)));
      expect([png.width, png.height], card).toEqual([1200, 630]);
    }
  });

  it('are linked from each page as og:image and twitter:image, with absolute addresses', () => {
    for (const { path, card } of pagesWithCards) {
      const page = html(path);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1] ?? '';
      const expected = new URL(card, canonical).href;
      expect(meta(page, 'og:image'), path).toBe(expected);
      expect(meta(page, 'twitter:image'), path).toBe(expected);
      expect(expected, path).toMatch(/^https?:\/\//);
      expect(meta(page, 'og:image:width'), path).toBe('1200');
      expect(meta(page, 'og:image:height'), path).toBe('630');
      expect(meta(page, 'twitter:card'), path).toBe('summary_large_image');
      expect(meta(page, 'og:image:alt')?.length, path).toBeGreaterThan(20);
      expect(meta(page, 'twitter:image:alt'), path).toBe(meta(page, 'og:image:alt'));
    }
  });

  it('are linked for download from the campaign pages', () => {
    expect(html('/rj-week/')).toContain('href="/share/rj-week.png"');
    for (const area of areas)
      expect(html(`/rj-week/${area.slug}/`), area.slug).toContain(
        `href="/share/rj-week-${area.slug}.png"`,
      );
  });
});

describe('composing a share card', () => {
  const card = {
    kicker: 'Restorative Justice Week: 21 to 27 November 2027',
    title: 'Restorative justice in Devon & Cornwall <test>',
    subtitle: 'Who to contact, and how to ask for it.',
    footer: 'Restorative Justice Guide · example.org',
  };

  it('renders 1200 × 630 pixels with the bundled fonts', () => {
    const png = PNG.sync.read(renderShareCard(card));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });

  it('says in its alt text what the picture says, as sentences', () => {
    expect(shareCardAlt(card)).toBe(
      'Restorative Justice Week: 21 to 27 November 2027. Restorative justice in Devon & Cornwall <test>. Who to contact, and how to ask for it.',
    );
  });

  it('escapes text for SVG', () => {
    const svg = shareCardSvg(card);
    expect(svg).toContain('Devon &amp; Cornwall');
    expect(svg).toContain('&lt;test&gt;');
    expect(svg).not.toContain('<test>');
  });

  it('wraps long titles between words, and never cuts words off', () => {
    const title = 'Harmed by crime? Restorative justice could help you be heard.';
    const lines = wrapText(title, 84);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
  });

  it('stops the build when words are too long to read as a thumbnail', () => {
    expect(() => renderShareCard({ ...card, title: 'word '.repeat(60) })).toThrow(
      /too long to read as a thumbnail/,
    );
  });
});
