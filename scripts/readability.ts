/**
 * `node --experimental-strip-types scripts/readability.ts <file.md|file.json>…`: the reading age of
 * each file's words (Flesch–Kincaid grade + 5), with its hardest sentences. JSON files are measured
 * string by string (every string value is a block). The site's own test measures the built pages.
 */
import { readFileSync } from 'node:fs';
import { hardestSentences, markdownBlocks, measure, sentencesOf } from '../src/lib/readability.ts';
import { organisationNames } from '../src/lib/organisations.ts';

const names = organisationNames();
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !/^(\$comment|url|id|source|sources|code|slug|checked|seen|published|address|number|email|region|kind|confidence)$/.test(key))
      .flatMap(([, item]) => strings(item));
  }
  return [];
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const blocks = file.endsWith('.json') ? strings(JSON.parse(text)) : markdownBlocks(text);
  const sentences = sentencesOf(blocks);
  const score = measure(sentences, names);
  console.log(`${score.age.toFixed(1).padStart(5)}  ${file}  (${score.sentences} sentences, ${score.words} words)`);
  for (const hard of hardestSentences(sentences, names, Number(process.env.HARDEST ?? 3))) {
    console.log(`        ${hard.age.toFixed(1)}: ${hard.text}`);
  }
}

/**
 * `npm run readability` (no files): every built page in dist/ (or DIST_DIR), measured as the test
 * measures it, as a distribution, with the hardest pages first.
 */
if (process.argv.length <= 2) {
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { mainBlocks } = await import('../src/lib/page-text.ts');
  const { areas } = await import('../src/lib/areas.ts');
  const dist = process.env.DIST_DIR ?? 'dist';
  const pageNames = [...names, ...areas.flatMap((area) => [area.name, area.onsName])];
  const scored = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const sentences = sentencesOf(mainBlocks(readFileSync(join(dist, file), 'utf8')));
      return { path: `/${file.replace(/index\.html$/, '')}`, ...measure(sentences, pageNames) };
    })
    .filter((page) => page.sentences > 0)
    .sort((a, b) => b.age - a.age);
  const bands = new Map<string, number>();
  for (const page of scored) {
    const band = page.age <= 9 ? '9 or below' : page.age <= 10 ? 'over 9 to 10' : page.age <= 11 ? 'over 10 to 11' : 'over 11';
    bands.set(band, (bands.get(band) ?? 0) + 1);
  }
  console.log(`Reading age of ${scored.length} built pages (Flesch–Kincaid grade + 5):`);
  for (const band of ['9 or below', 'over 9 to 10', 'over 10 to 11', 'over 11']) console.log(`  ${band.padEnd(14)} ${String(bands.get(band) ?? 0).padStart(4)}`);
  console.log('Hardest ten:');
  for (const page of scored.slice(0, 10)) console.log(`  ${page.age.toFixed(1).padStart(5)}  ${page.path}`);
  for (const path of ['/', '/what-is-restorative-justice/', '/could-it-work-for-me/', '/get-help/', '/talk-it-through/']) {
    const page = scored.find((candidate) => candidate.path === path);
    if (page) console.log(`  first read: ${page.age.toFixed(1).padStart(5)}  ${path}`);
  }
}
