import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

/**
 * Share cards: the 1200 × 630 pictures that link previews show. We compose an SVG and render it to a
 * PNG at build time with resvg and the Atkinson Hyperlegible font (made for low-vision readers), so no
 * outside service ever sees which pages are shared. Text is large enough to read as a thumbnail.
 */

export type ShareCard = {
  /** The small line at the top, e.g. "Restorative Justice Week: 15 to 21 November 2026". */
  kicker: string;
  /** The large words. */
  title: string;
  /** One short line under the title. */
  subtitle: string;
  /** The line at the bottom: the site's name and address. */
  footer: string;
};

export const shareCardSize = { width: 1200, height: 630 } as const;

const margin = 80;
const textWidth = shareCardSize.width - 2 * margin;
const colours = { background: '#12355b', accent: '#ffdd00', text: '#ffffff' };

// Advance widths (in em) of Atkinson Hyperlegible Bold, rounded up by character class, so the
// estimate errs on the wide side and lines never run off the card.
function charWidth(char: string): number {
  if (/[ijl.,:;'!|]/.test(char)) return 0.33;
  if (/[frt ()\-‘’]/.test(char)) return 0.4;
  if (/[mwMW%@]/.test(char)) return 0.9;
  if (/[A-Z0-9]/.test(char)) return 0.7;
  return 0.6;
}

type Weight = 'bold' | 'regular';

// The regular weight is about 8% narrower than the bold.
const estimateWidth = (text: string, size: number, weight: Weight): number =>
  [...text].reduce((total, char) => total + charWidth(char), 0) *
  size *
  (weight === 'bold' ? 1 : 0.92);

/** Splits text into lines that fit `width` at `size`, breaking between words. */
export function wrapText(
  text: string,
  size: number,
  weight: Weight = 'bold',
  width = textWidth,
): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && estimateWidth(`${last} ${word}`, size, weight) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Block = { lines: string[]; size: number; lineHeight: number };

/** The largest size, of those given, at which `text` fits in `maxLines` lines and `height` pixels. */
function fit(
  text: string,
  weight: Weight,
  sizes: readonly number[],
  maxLines: number,
  height: number,
): Block | undefined {
  for (const size of sizes) {
    const lines = wrapText(text, size, weight);
    const lineHeight = Math.round(size * 1.15);
    if (lines.length <= maxLines && lines.length * lineHeight <= height)
      return { lines, size, lineHeight };
  }
  return undefined;
}

/** Room for the title and subtitle: from under the kicker to above the footer's rule. */
const room = 360;

/**
 * The largest title that fits with its subtitle. Words too long to stay readable as a thumbnail stop
 * the build, rather than being cut off.
 */
function layout(card: ShareCard): { title: Block; subtitle: Block } {
  const subtitle = fit(card.subtitle, 'regular', [38, 34, 30], 3, 140);
  const title =
    subtitle &&
    fit(
      card.title,
      'bold',
      [84, 76, 68, 60, 54],
      3,
      room - 20 - subtitle.lines.length * subtitle.lineHeight,
    );
  if (!subtitle || !title) {
    throw new Error(
      `The share card words are too long to read as a thumbnail; shorten them: "${card.title}" / "${card.subtitle}"`,
    );
  }
  return { title, subtitle };
}

function textLines(block: Block, top: number, attributes: string): string {
  return block.lines
    .map(
      (line, i) =>
        `<text x="${margin}" y="${top + i * block.lineHeight + Math.round(block.size * 0.8)}" ${attributes} font-size="${block.size}">${escapeXml(line)}</text>`,
    )
    .join('');
}

/** The card as SVG, for resvg (and for looking at in a browser while changing the design). */
export function shareCardSvg(card: ShareCard): string {
  const { width, height } = shareCardSize;
  const { title, subtitle } = layout(card);
  const titleTop = 150;
  const subtitleTop = titleTop + title.lines.length * title.lineHeight + 20;
  const font = 'font-family="Atkinson Hyperlegible"';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${colours.background}"/>`,
    `<rect width="${width}" height="16" fill="${colours.accent}"/>`,
    `<text x="${margin}" y="110" ${font} font-weight="700" font-size="40" fill="${colours.accent}">${escapeXml(card.kicker)}</text>`,
    textLines(title, titleTop, `${font} font-weight="700" fill="${colours.text}"`),
    textLines(subtitle, subtitleTop, `${font} font-weight="400" fill="${colours.text}"`),
    `<rect x="${margin}" y="540" width="${textWidth}" height="3" fill="${colours.accent}"/>`,
    `<text x="${margin}" y="592" ${font} font-weight="700" font-size="32" fill="${colours.text}">${escapeXml(card.footer)}</text>`,
    '</svg>',
  ].join('');
}

const require = createRequire(import.meta.url);
const fontFiles = [
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf'),
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf'),
];

/** The card as a PNG of exactly 1200 × 630 pixels. */
export function renderShareCard(card: ShareCard): Buffer {
  const resvg = new Resvg(shareCardSvg(card), {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Atkinson Hyperlegible' },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

/** What the card says, for `og:image:alt` and `twitter:image:alt`. */
export function shareCardAlt(card: ShareCard): string {
  const sentence = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`);
  return [card.kicker, card.title, card.subtitle].map(sentence).join(' ');
}
