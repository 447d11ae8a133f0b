import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * Reading age by the Flesch–Kincaid grade formula (0.39 × words per sentence + 11.8 × syllables per
 * word − 15.59), with reading age = grade + 5, the way GOV.UK and the NHS quote it. Syllables come
 * from `syllable` (wooorm), the formula from `flesch-kincaid` (wooorm).
 *
 * What counts as a sentence: text up to `.`, `!` or `?` followed by a space, and every heading,
 * list item, table cell and button on its own. Names of organisations, and the phrase "restorative
 * justice", are taken out before measuring (they are names the reader must see, whatever their
 * length); nothing else is.
 */
export type Readability = {
  /** Reading age (grade + 5), to one decimal place. NaN when there is no text. */
  age: number;
  sentences: number;
  words: number;
  syllables: number;
};

export type SentenceScore = { text: string; age: number; words: number };

const alwaysExcluded = ['restorative justice', 'Restorative Justice', 'Restorative justice'];

/** Text blocks (each a paragraph, heading or list item) into sentences. */
export function sentencesOf(blocks: readonly string[]): string[] {
  return blocks
    .flatMap((block) => block.split(/(?<=[.!?])\s+(?=["“‘(]?[A-Z0-9])/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => /[A-Za-z]/.test(sentence));
}

/** The words of a sentence, once `names` (organisations) are taken out. */
export function wordsOf(sentence: string, names: readonly string[] = []): string[] {
  let text = sentence;
  for (const name of [...alwaysExcluded, ...names].sort((a, b) => b.length - a.length)) {
    if (name) text = text.split(name).join(' ');
  }
  return (
    text
      // Web and email addresses, phone numbers and references are read as one "word" each.
      .replace(/\b(?:https?:\/\/|www\.)\S+/g, 'link')
      .replace(/\S+@\S+/g, 'email')
      .replace(/\+?\d[\d ]{6,}\d/g, 'number')
      .split(/[\s/–—-]+/)
      .map((word) => word.replace(/^[^A-Za-z0-9£%]+|[^A-Za-z0-9%]+$/g, ''))
      .filter((word) => /[A-Za-z0-9]/.test(word))
  );
}

function syllablesOf(word: string): number {
  // Digits are read as one number word each ("2026", "85%").
  if (/^[£\d][\d,.%]*$/.test(word)) return 1;
  return Math.max(1, syllable(word));
}

export function measure(sentences: readonly string[], names: readonly string[] = []): Readability {
  let words = 0;
  let syllables = 0;
  let count = 0;
  for (const sentence of sentences) {
    const list = wordsOf(sentence, names);
    if (list.length === 0) continue;
    count += 1;
    words += list.length;
    syllables += list.reduce((sum, word) => sum + syllablesOf(word), 0);
  }
  const grade = fleschKincaid({ sentence: count, word: words, syllable: syllables });
  return { age: Math.round((grade + 5) * 10) / 10, sentences: count, words, syllables };
}

/** Each sentence's own reading age, hardest first: what to rewrite first. */
export function hardestSentences(sentences: readonly string[], names: readonly string[] = [], limit = 5): SentenceScore[] {
  return sentences
    .map((text) => ({ text, ...measure([text], names) }))
    .filter((score) => Number.isFinite(score.age))
    .sort((a, b) => b.age - a.age)
    .slice(0, limit)
    .map(({ text, age, words }) => ({ text, age, words }));
}

/** Markdown to text blocks: headings, list items and paragraphs, without link targets or markup. */
export function markdownBlocks(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#+|\|)\s)/)
    .flatMap((block) => block.split(/\s*\|\s*/))
    .map((block) =>
      block
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*(?:#+|[-*+]|\d+\.|>)\s*/gm, '')
        .replace(/[*_`]+/g, '')
        .replace(/<[^>]+>/g, ' ')
        .trim(),
    )
    .filter((block) => block !== '' && !/^:?-{3,}:?$/.test(block));
}
