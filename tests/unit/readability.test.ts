import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWords } from '../../src/lib/locale.ts';
import { areas } from '../../src/lib/areas.ts';
import { organisationNames } from '../../src/lib/organisations.ts';
import { hardestSentences, measure, sentencesOf } from '../../src/lib/readability.ts';
import { mainBlocks } from '../../src/lib/page-text.ts';

/**
 * Plain English, measured: the main text of every built page, and the chat's words, at a reading age
 * of 11 or below by the Flesch–Kincaid formula (grade + 5). Names of organisations and the phrase
 * "restorative justice" are left out of the measure (src/lib/readability.ts); nothing else is.
 */
const dist = process.env.DIST_DIR ?? 'dist';
// Names the reader must see whatever their length: organisations (src/lib/organisations.ts) and the 43
// police force areas, which are also the names of their forces and commissioners.
const names = [...organisationNames(), ...areas.flatMap((area) => [area.name, area.onsName])];
const pages = existsSync(dist)
  ? readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ path: `/${file.replace(/index\.html$/, '')}`, blocks: mainBlocks(readFileSync(join(dist, file), 'utf8')) }))
      .filter((page) => page.blocks.length > 0)
  : [];
const MAX_AGE = 11;

describe('plain English', () => {
  it('keeps the main text of every page at a reading age of 11 or below (prints the five hardest pages)', () => {
    expect(pages.length).toBeGreaterThan(150);
    const scored = pages.map((page) => {
      const sentences = sentencesOf(page.blocks);
      return { path: page.path, ...measure(sentences, names), hardest: hardestSentences(sentences, names, 3) };
    });
    scored.sort((a, b) => b.age - a.age);
    const lines = scored.slice(0, 5).map((page) => `${page.age.toFixed(1)} ${page.path}\n${page.hardest.map((hard) => `    ${hard.age.toFixed(1)}: ${hard.text}`).join('\n')}`);
    const ages = scored.map((page) => page.age);
    console.info(`Reading age of ${scored.length} pages: median ${ages[Math.floor(ages.length / 2)]?.toFixed(1)}, hardest five:\n${lines.join('\n')}`);
    expect(scored.filter((page) => page.age > MAX_AGE).map((page) => `${page.age.toFixed(1)} ${page.path}`)).toEqual([]);
  });

  it('keeps the chat’s words, the form’s and the function’s pages at a reading age of 11 or below', async () => {
    const words = await loadWords();
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    for (const part of ['conversation', 'questions', 'form', 'errors'] as const) {
      const source = part === 'conversation' ? { ...words, questions: undefined, form: undefined, errors: undefined, email: undefined } : words[part];
      const sentences = sentencesOf(strings(source).map((text) => text.replace(/\{(\w+)\}/g, 'Merseyside')));
      const score = measure(sentences, names);
      console.info(`${part}: reading age ${score.age.toFixed(1)} over ${score.sentences} sentences`);
      expect(score.age, `${part}: ${hardestSentences(sentences, names, 3).map((hard) => `${hard.age}: ${hard.text}`).join(' | ')}`).toBeLessThanOrEqual(MAX_AGE);
    }
  });
});
