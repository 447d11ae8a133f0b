import { applies, catalogue, optionsFor, prune, stepsAsked, type Field } from '../../referral/catalogue.ts';
import { dependsOn, type Answer, type Answers, type Condition } from '../../referral/conditions.ts';
import { areas } from '../../src/lib/areas.ts';

/**
 * Walks the question catalogue the way a person does, asking each question that applies in order.
 * Used by the catalogue tests (every question reachable, every condition both ways), by property
 * tests over whole referrals, and to measure the shortest and a typical route (answers and taps).
 */
export type Chooser = (entry: Field, answers: Answers) => Answer | undefined;

export const asked = catalogue.filter((entry) => !(entry as Field).notAsked) as readonly Field[];

/** The answers a walk gives: each question that applies, in order, answered by `choose` (undefined leaves it out). */
export function walk(choose: Chooser): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const entry of asked) {
    if (!applies(entry, answers)) continue;
    const value = choose(entry, answers);
    if (value !== undefined) answers[entry.id] = value;
  }
  return prune(answers) as Record<string, Answer>;
}

/** A valid text for a field's rule. */
export function sampleText(entry: Field, pick = 0): string {
  if (entry.kind !== 'text') throw new Error(`${entry.id} is not text`);
  const samples: Record<string, string[]> = {
    phone: ['07700 900123', '+44 7700 900456', '(0151) 496 0000'],
    email: ['sam@example.org', 'a.person+rj@example.co.uk'],
    'crime-reference': ['MP/12345/26', 'AB-1234'],
    free: entry.text.multiline ? ['I would like to ask why.\nNot ready to meet yet.', 'Step-free access, please.'] : ['Sam', 'Zoë Łódź', 'After 6pm on weekdays'],
  };
  const list = samples[entry.text.format ?? 'free'] ?? ['x'];
  return (list[pick % list.length] ?? 'x').slice(0, entry.text.max);
}

/** The area codes of our data. */
export const areaCodes = areas.map((area) => area.code);

/** A small deterministic random source, so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Answers every question that applies at random (optional ones left out sometimes); consent is given. */
export function randomChooser(seed: number, fixed: Readonly<Record<string, Answer>> = {}): Chooser {
  const next = random(seed);
  const oneOf = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return (entry, answers) => {
    if (entry.id in fixed) return fixed[entry.id];
    if (entry.id === 'consent') return true;
    if (entry.optional && next() < 0.3) return undefined;
    switch (entry.kind) {
      case 'choice':
        return oneOf(optionsFor(entry, answers));
      case 'multi': {
        const offered = optionsFor(entry, answers);
        const exclusive = entry.exclusive ?? [];
        const open = offered.filter((option) => !exclusive.includes(option));
        if (exclusive.length > 0 && next() < 0.25) return [oneOf(exclusive.filter((option) => offered.includes(option)))];
        const chosen = open.filter(() => next() < 0.4);
        return chosen.length > 0 ? chosen : [oneOf(open)];
      }
      case 'text':
        return sampleText(entry, Math.floor(next() * 3));
      case 'place':
        return oneOf(areaCodes);
      case 'agreement':
        return next() < 0.5;
    }
  };
}

/** The values a condition compares a field with, across the whole catalogue. */
function literalsFor(id: string): Set<string> {
  const found = new Set<string>();
  const visit = (condition: Condition | undefined) => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if (condition.field === id) for (const value of 'is' in condition ? condition.is : 'isNot' in condition ? condition.isNot : condition.includes) found.add(value);
  };
  for (const entry of catalogue as readonly Field[]) {
    visit(entry.when);
    if (entry.kind === 'choice' || entry.kind === 'multi') for (const condition of Object.values(entry.optionWhen ?? {})) visit(condition as Condition);
  }
  return found;
}

/**
 * The answers worth trying for a field when searching the catalogue: one per class of answers that no
 * condition tells apart (every value a condition names, one value none names, and "left out" where
 * the question is optional). Enough to reach every state of every condition.
 */
export function distinctAnswers(entry: Field, answers: Answers): (Answer | undefined)[] {
  const named = literalsFor(entry.id);
  const out: (Answer | undefined)[] = entry.optional ? [undefined] : [];
  switch (entry.kind) {
    case 'choice': {
      const offered = optionsFor(entry, answers);
      out.push(...offered.filter((option) => named.has(option)));
      const other = offered.find((option) => !named.has(option));
      if (other !== undefined) out.push(other);
      break;
    }
    case 'multi': {
      const offered = optionsFor(entry, answers);
      out.push(...offered.filter((option) => named.has(option) || (entry.exclusive ?? []).includes(option)).map((option) => [option]));
      const other = offered.find((option) => !named.has(option) && !(entry.exclusive ?? []).includes(option));
      if (other !== undefined) out.push([other]);
      break;
    }
    case 'text':
      out.push(sampleText(entry));
      break;
    case 'place':
      out.push('E23000004');
      break;
    case 'agreement':
      out.push(true);
      if (entry.optional) out.push(false);
      break;
  }
  return out;
}

/** The fields a field's asking (and its options) depends on, and theirs, in catalogue order. */
export function dependencyClosure(target: Field): Field[] {
  const needed = new Set<string>();
  const add = (entry: Field) => {
    const conditions = [entry.when, ...(entry.kind === 'choice' || entry.kind === 'multi' ? Object.values(entry.optionWhen ?? {}) : [])] as (Condition | undefined)[];
    for (const id of conditions.flatMap((condition) => dependsOn(condition))) {
      if (needed.has(id)) continue;
      needed.add(id);
      const found = (catalogue as readonly Field[]).find((candidate) => candidate.id === id);
      if (found) add(found);
    }
  };
  add(target);
  return (catalogue as readonly Field[]).filter((entry) => needed.has(entry.id));
}

/**
 * Searches the answers to `fields` (in order, each where it applies) for ones where `goal` holds;
 * returns the first found, or undefined when no answers make it hold.
 */
export function search(fields: readonly Field[], goal: (answers: Answers) => boolean, start: Record<string, Answer> = {}): Record<string, Answer> | undefined {
  const go = (index: number, answers: Record<string, Answer>): Record<string, Answer> | undefined => {
    if (index === fields.length) return goal(answers) ? answers : undefined;
    const entry = fields[index] as Field;
    if (!applies(entry, answers)) return go(index + 1, answers);
    for (const value of distinctAnswers(entry, answers)) {
      const next = { ...answers };
      if (value === undefined) delete next[entry.id];
      else next[entry.id] = value;
      const found = go(index + 1, next);
      if (found) return found;
    }
    return undefined;
  };
  return go(0, start);
}

/**
 * What a route costs a person from "Ask for a referral" to "sent": each question answered (the area's
 * "is that right?" counts as one), the taps (a choice is one; a tick box and its Continue are one each;
 * a typed answer's Continue is one; the area is typed, found and confirmed), and the characters typed.
 * Plus the taps around the questions: the menu's choice, "Ask for a referral" after the outcome, and
 * "Send" on check your answers.
 */
export function routeCost(answers: Answers): { answers: number; taps: number; keystrokes: number } {
  let count = 0;
  let taps = 3;
  let keystrokes = 0;
  for (const stepId of stepsAsked(answers)) {
    const fields = asked.filter((entry) => (entry.step ?? entry.id) === stepId && applies(entry, answers));
    count += 1;
    const kinds = new Set(fields.map((entry) => entry.kind));
    if (kinds.has('place')) {
      const confirm = fields.some((entry) => entry.kind === 'place' && entry.confirm);
      count += confirm ? 1 : 0;
      taps += 1 + (confirm ? 1 : 0);
      keystrokes += 'L1 8JQ'.length;
      continue;
    }
    if (kinds.size === 1 && kinds.has('choice')) {
      taps += 1;
      continue;
    }
    for (const entry of fields) {
      const value = answers[entry.id];
      if (entry.kind === 'multi' && Array.isArray(value)) taps += value.length;
      if (entry.kind === 'agreement' && value === true) taps += 1;
      if (entry.kind === 'choice') taps += 1;
      if (entry.kind === 'text' && typeof value === 'string') keystrokes += value.length;
    }
    taps += 1;
  }
  return { answers: count, taps, keystrokes };
}

/**
 * The route with the fewest questions, by searching every class of answers (branch and bound): the
 * steps are counted for each complete walk and the smallest kept.
 */
export function shortestRoute(fixed: Readonly<Record<string, Answer>> = {}, accept: (answers: Answers) => boolean = () => true): { answers: Record<string, Answer>; cost: ReturnType<typeof routeCost> } {
  // Only answers some condition reads can change the route; any other question takes one answer.
  const read = new Set((catalogue as readonly Field[]).flatMap((entry) => [
    ...dependsOn(entry.when),
    ...(entry.kind === 'choice' || entry.kind === 'multi' ? Object.values(entry.optionWhen ?? {}).flatMap((condition) => dependsOn(condition as Condition)) : []),
  ]));
  const stepOf = (entry: Field) => entry.step ?? entry.id;
  // The steps still to come that are always asked: a lower bound on what a route must still ask.
  const alwaysAfter = asked.map((_, index) => new Set(asked.slice(index).filter((entry) => !entry.when).map(stepOf)).size);
  let best: { answers: Record<string, Answer>; steps: number } | undefined;
  const go = (index: number, answers: Record<string, Answer>, stepsSoFar: number, lastStep: string | undefined) => {
    if (best && stepsSoFar + (alwaysAfter[index] ?? 0) - (lastStep && index < asked.length && stepOf(asked[index] as Field) === lastStep ? 1 : 0) >= best.steps) return;
    if (index === asked.length) {
      if (!accept(answers)) return;
      best = { answers, steps: stepsSoFar };
      return;
    }
    const entry = asked[index] as Field;
    if (!applies(entry, answers)) return go(index + 1, answers, stepsSoFar, lastStep);
    const step = stepOf(entry);
    const counted = step === lastStep ? stepsSoFar : stepsSoFar + 1;
    let choices: (Answer | undefined)[];
    if (entry.id in fixed) choices = [fixed[entry.id]];
    else if (entry.kind === 'agreement' && !entry.optional) choices = [true];
    else if (!read.has(entry.id)) choices = [distinctAnswers(entry, answers)[0]];
    else choices = distinctAnswers(entry, answers);
    for (const value of choices) {
      const next = { ...answers };
      if (value === undefined) delete next[entry.id];
      else next[entry.id] = value;
      go(index + 1, next, counted, step);
    }
  };
  go(0, {}, 0, undefined);
  if (!best) throw new Error('no route through the catalogue');
  const found = best as { answers: Record<string, Answer>; steps: number };
  return { answers: found.answers, cost: routeCost(found.answers) };
}
