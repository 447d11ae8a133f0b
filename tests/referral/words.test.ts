import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topics, evidenceIds } from '../../machines/explain.ts';
import { askLines } from '../../machines/prompts.ts';
import { issueCodes } from '../../referral/answer-rules.ts';
import { catalogue, steps, stepsAsked, type Field } from '../../referral/catalogue.ts';
import { outcomeLines } from '../../referral/outcome.ts';
import { flags } from '../../referral/rules.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { fill, fillLoose, lookupVariant } from '../../src/lib/words.ts';
import { campaignCodes as siteCampaignCodes } from '../../src/lib/campaign-codes.ts';
import { campaignCodes } from '../../referral/vocabulary.ts';
import { areas } from '../../src/lib/areas.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { lookup } from '../../src/lib/words.ts';
import evidence from '../../content/evidence.json' with { type: 'json' };
import { randomChooser, walk } from '../support/catalogue-walk.ts';

const words = await loadWords('en');
const has = (key: string) => lookup(words, key) !== undefined;
const missing = (keys: Iterable<string>) => [...new Set(keys)].filter((key) => !has(key)).sort();
const fields = catalogue as readonly Field[];

/** Source files that look words up. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|astro)$/.test(entry.name) ? [path] : [];
  });
}
const namespaces = ['common', 'conversation', 'questions', 'outcome', 'help', 'explain', 'check', 'sent', 'failed', 'sending', 'consentExplain', 'route', 'service', 'form', 'errors', 'email', 'nextSteps'];
const literalKey = new RegExp(`['"\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)['"\`]`, 'g');

describe('every sentence comes from content/locales/en, and every key the code asks for is there', () => {
  it('has every literal words key named in the charts, the island, the function and the rules', () => {
    const files = [...sources('machines'), ...sources('src/components/chat'), ...sources('functions/referral'), ...sources('referral'), 'src/lib/issue-words.ts', 'src/pages/talk-it-through/index.astro'];
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    // Event names look like keys ("help.open"); they are not words.
    const events = new Set([...text.matchAll(/type: '([a-z]+\.[A-Za-z.]+)'/g), ...text.matchAll(/'([a-z]+\.[A-Za-z.]+)': [[{]/g)].map((match) => match[1]));
    const keys = [...text.matchAll(literalKey)].map((match) => match[1] ?? '').filter((key) => !events.has(key));
    expect(keys.length).toBeGreaterThan(60);
    expect(missing(keys)).toEqual([]);
  });

  it('has the email’s own keys (looked up relative to email.)', () => {
    const source = readFileSync('functions/referral/compose.ts', 'utf8');
    const keys = [...source.matchAll(/\bw\('([A-Za-z0-9_.-]+)'/g)].map((match) => `email.${match[1]}`);
    expect(keys.length).toBeGreaterThan(10);
    expect(missing(keys)).toEqual([]);
  });

  it('has, for every question in the catalogue, its prompt, options, labels, summary, Change link and email words', () => {
    const keys: string[] = [];
    for (const step of steps) {
      const first = step.fields[0]!;
      if (first.kind !== 'place') keys.push(`questions.${step.id}.prompt`);
      if (step.fields.length > 1) for (const entry of step.fields) if (entry.kind !== 'choice' && entry.kind !== 'multi') keys.push(`questions.${entry.id}.label`);
    }
    for (const entry of fields) {
      if (entry.perspective) keys.push(`questions.${entry.id}.prompt_responsible`);
      if (entry.kind === 'choice' || entry.kind === 'multi') keys.push(...entry.options.map((option) => `questions.${entry.id}.options.${option}`));
      if (entry.kind === 'text' || entry.kind === 'place') keys.push(`questions.${entry.id}.label`);
      if (entry.kind === 'agreement') keys.push(`questions.${entry.id}.label`);
      if (entry.navigation) continue;
      if (!entry.notAsked) keys.push(`questions.${entry.id}.change`);
      keys.push(`questions.${entry.id}.summary`, `email.fields.${entry.id}.label`, `check.sections.${entry.section}`, `email.sections.${entry.section}`);
      if (entry.kind === 'choice' || entry.kind === 'multi') keys.push(...entry.options.map((option) => `email.fields.${entry.id}.values.${option}`));
    }
    expect(missing(keys)).toEqual([]);
  });

  it('words every issue code in general, so any question’s problem has words', () => {
    expect(missing(issueCodes.map((code) => `errors.${code}`))).toEqual([]);
  });

  it('has every key the rules produce for any walk through the catalogue, in every area', () => {
    const keys = new Set<string>();
    for (let seed = 1; seed <= 300; seed += 1) {
      const answers = walk(randomChooser(seed));
      for (const nationalRoute of [true, false]) {
        const area = areas[seed % areas.length]!;
        const facts = toAreaFacts(area, nationalRoute);
        for (const line of outcomeLines({ ...answers, area: area.code }, facts)) keys.add(line.key);
        for (const step of stepsAsked(answers)) for (const line of askLines(step, answers, facts)) keys.add(line.key);
        keys.add(`route.${facts.route === 'direct' ? (facts.provider ? 'direct' : 'directNoProvider') : facts.route}`);
      }
      for (const flag of flags(answers)) keys.add(`email.flags.${flag}`);
    }
    expect(keys.size).toBeGreaterThan(40);
    expect(missing(keys)).toEqual([]);
  });

  it('has the explain topics and quotes only evidence with a source in content/evidence.json', () => {
    expect(missing(topics.flatMap((topic) => [`explain.topics.${topic}.label`, `explain.topics.${topic}.text`]))).toEqual([]);
    const ids = new Set(evidence.map((item) => item.id));
    for (const id of evidenceIds) expect(ids.has(id), id).toBe(true);
  });

  it('says plainly what the bot is not, before anything else', () => {
    const intro = lookup(words, 'conversation.intro') ?? '';
    expect(intro).toMatch(/not an emergency service/);
    expect(intro).toMatch(/cannot report a crime/i);
    expect(intro).toMatch(/999/);
  });

  it('keeps English out of the code: no sentence a person reads is written in the charts, the rules or the function', () => {
    // A sentence: a capital, then at least four words, ending in a full stop, inside quotes.
    const sentence = /['"`][A-Z][a-z]+(?: [a-zA-Z,']+){4,}[.?!]['"`]/;
    const files = [...sources('machines'), ...sources('referral'), 'functions/referral/compose.ts', 'functions/referral/page.ts', 'functions/referral/submit.ts', ...sources('src/components/chat')];
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.trim(), where: `${file}:${index + 1}` }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && !line.startsWith('/*') && sentence.test(line) && !/throw new Error|new Error\(/.test(line))
        .map(({ where, line }) => `${where} ${line.slice(0, 100)}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('looking words up', () => {
  const words = { q: { prompt: 'Did they?', prompt_responsible: 'Did you?', options: { yes: 'Yes', no: 'No' }, options_responsible: { yes: 'Yes, I did' } }, hello: 'Hello {name}, from {area}' };
  it('finds the person responsible’s own words in either place, and everyone’s words otherwise', () => {
    expect(lookupVariant(words, 'q.prompt', 'responsible')).toBe('Did you?');
    expect(lookupVariant(words, 'q.options.yes', 'responsible')).toBe('Yes, I did');
    expect(lookupVariant(words, 'q.options.no', 'responsible')).toBe('No');
    expect(lookupVariant(words, 'q.prompt', undefined)).toBe('Did they?');
    expect(lookupVariant(words, 'q.missing', 'responsible')).toBeUndefined();
  });
  it('fills what it has and leaves out what it has not (fill, by contrast, throws)', () => {
    expect(fillLoose('Hello {name}, from {area}', { name: 'Sam' })).toBe('Hello Sam, from ');
    expect(() => fill('Hello {name}, from {area}', { name: 'Sam' })).toThrow(/No value for \{area\}/);
  });
});

describe('campaign codes', () => {
  it('are the same for the site script (which carries them) and the chat (which turns them into an answer)', () => {
    expect(siteCampaignCodes).toEqual(campaignCodes);
  });
});
