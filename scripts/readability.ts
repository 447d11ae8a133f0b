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
