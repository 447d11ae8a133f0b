import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applies, catalogue, fieldIds, nextStep, optionsFor, prune, shownFields, steps, stepsAsked, type Field } from '../../referral/catalogue.ts';
import { dependsOn, holds, type Condition } from '../../referral/conditions.ts';
import { answersComplete } from '../../referral/complete.ts';
import { answersSchema, validateReferral } from '../../referral/schema.ts';
import { siteMaySend } from '../../referral/outcome.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { areaByCode } from '../../src/lib/areas.ts';
import { asked, dependencyClosure, randomChooser, routeCost, search, shortestRoute, walk } from '../support/catalogue-walk.ts';

const fields = catalogue as readonly Field[];
const indexOf = (id: string) => fields.findIndex((entry) => entry.id === id);
const optionConditions = (entry: Field): [string, Condition][] =>
  entry.kind === 'choice' || entry.kind === 'multi' ? (Object.entries(entry.optionWhen ?? {}) as [string, Condition][]) : [];
const merseyside = toAreaFacts(areaByCode('E23000004')!, false);

describe('the question catalogue', () => {
  it('names each question once, and each step’s questions are asked together, in one phase', () => {
    expect(new Set(fieldIds).size).toBe(fieldIds.length);
    for (const step of steps) {
      const positions = step.fields.map((entry) => indexOf(entry.id));
      expect(positions, step.id).toEqual(positions.map((_, index) => (positions[0] ?? 0) + index));
      expect(new Set(step.fields.map((entry) => entry.phase)).size, step.id).toBe(1);
    }
    // Screening first, then the referral's details: the outcome sits between the two.
    const phases = steps.map((step) => step.phase);
    expect(phases.indexOf('details')).toBeGreaterThan(phases.lastIndexOf('screen'));
  });

  it('decides whether to ask a question only from answers asked before it', () => {
    for (const entry of fields) {
      for (const id of [...dependsOn(entry.when), ...optionConditions(entry).flatMap(([, condition]) => dependsOn(condition))]) {
        expect(indexOf(id), `${entry.id} depends on ${id}`).toBeGreaterThanOrEqual(0);
        expect(indexOf(id), `${entry.id} depends on ${id}, asked later`).toBeLessThan(indexOf(entry.id));
      }
    }
  });

  it('names only real options in its conditions and exclusive choices', () => {
    const optionsOf = (id: string) => {
      const found = fields.find((entry) => entry.id === id);
      return found && (found.kind === 'choice' || found.kind === 'multi') ? found.options : [];
    };
    const check = (condition: Condition | undefined, where: string) => {
      if (!condition) return;
      if ('all' in condition) return condition.all.forEach((inner) => check(inner, where));
      if ('any' in condition) return condition.any.forEach((inner) => check(inner, where));
      const values = 'is' in condition ? condition.is : 'isNot' in condition ? condition.isNot : condition.includes;
      for (const value of values) expect(optionsOf(condition.field), `${where}: ${condition.field} = ${value}`).toContain(value);
    };
    for (const entry of fields) {
      check(entry.when, entry.id);
      for (const [option, condition] of optionConditions(entry)) {
        check(condition, `${entry.id}.${option}`);
        expect((entry as { options: readonly string[] }).options).toContain(option);
      }
      if (entry.kind === 'multi') for (const option of entry.exclusive ?? []) expect(entry.options).toContain(option);
    }
  });

  it('can reach every question, and every condition holds for some answers and not for others', () => {
    for (const entry of asked) {
      const closure = dependencyClosure(entry);
      const reached = search(closure, (answers) => applies(entry, answers));
      expect(reached, `${entry.id} is never asked`).toBeDefined();
      expect(stepsAsked(reached!)).toContain(entry.step ?? entry.id);
      if (entry.when) expect(search(closure, (answers) => !applies(entry, answers)), `${entry.id} is always asked`).toBeDefined();
    }
  });

  it('offers every conditional option for some answers and withholds it for others', () => {
    for (const entry of fields) {
      for (const [option, condition] of optionConditions(entry)) {
        const closure = dependencyClosure(entry);
        const reachable = (answers: Record<string, unknown>) => applies(entry, answers as never);
        expect(search(closure, (answers) => reachable(answers) && holds(condition, answers)), `${entry.id}.${option} never offered`).toBeDefined();
        expect(search(closure, (answers) => reachable(answers) && !holds(condition, answers)), `${entry.id}.${option} always offered`).toBeDefined();
      }
    }
  });

  it('skips what earlier answers make irrelevant', () => {
    const base = { asker: 'person-harmed', askerAge: '18-or-over', area: 'E23000004', happenedHere: 'yes', harm: 'burglary-or-theft', when: 'past-year', reported: 'yes' } as const;
    // Nobody found: nothing about them.
    expect(stepsAsked({ ...base, responsibleKnown: 'no' })).not.toEqual(expect.arrayContaining(['relationship']));
    for (const id of ['relationship', 'accepts', 'stage', 'release', 'responsibleUnder18', 'safetyNow']) expect(stepsAsked({ ...base, responsibleKnown: 'no' }), id).not.toContain(id);
    // Found guilty: the case is past the police and the court.
    const found = fields.find((entry) => entry.id === 'stage')!;
    expect(optionsFor(found, { ...base, responsibleKnown: 'yes', accepts: 'found-guilty' })).not.toEqual(expect.arrayContaining(['investigation']));
    expect(optionsFor(found, { ...base, responsibleKnown: 'yes', accepts: 'found-guilty' })).not.toContain('awaiting-court');
    expect(optionsFor(found, { ...base, responsibleKnown: 'yes', accepts: 'yes' })).toContain('investigation');
    // Not reported: no stage.
    expect(stepsAsked({ ...base, reported: 'no', responsibleKnown: 'yes' })).not.toContain('stage');
    // English: no interpreter question; Welsh asks it.
    expect(stepsAsked({ ...base, responsibleKnown: 'no', contactWays: ['none'], language: 'english' })).not.toContain('interpreter');
    expect(stepsAsked({ ...base, responsibleKnown: 'no', contactWays: ['none'], language: 'welsh' })).toContain('interpreter');
    // Only text is safe: asked when to text, never when to call or email, and no email address.
    const textOnly = { ...base, responsibleKnown: 'no', contactWays: ['text'] };
    expect(fields.filter((entry) => entry.step === 'yourDetails' && applies(entry, textOnly)).map((entry) => entry.id)).toEqual(['name', 'phone', 'textTimes']);
    // No safe way: a name only, and no question about naming the service.
    const none = { ...base, responsibleKnown: 'no', contactWays: ['none'] };
    expect(fields.filter((entry) => entry.step === 'yourDetails' && applies(entry, none)).map((entry) => entry.id)).toEqual(['name']);
    expect(stepsAsked(none)).not.toContain('mayName');
    // An adult is not asked about a trusted adult; a 15-year-old is.
    expect(stepsAsked(base)).not.toContain('trustedAdult');
    expect(stepsAsked({ ...base, askerAge: '13-15' })).toContain('trustedAdult');
    // The person responsible is not asked whether someone was found, nor about the person harmed's safety "not safe" option.
    expect(stepsAsked({ ...base, asker: 'person-responsible' })).not.toContain('responsibleKnown');
    const safety = fields.find((entry) => entry.id === 'safetyNow')!;
    expect(optionsFor(safety, { ...base, asker: 'person-responsible' })).not.toContain('not-safe');
  });

  it('moves to the next question that applies, in order', () => {
    const answers = { asker: 'person-harmed', askerAge: '18-or-over', area: 'E23000004', happenedHere: 'yes', harm: 'violence', when: 'past-year', reported: 'no', responsibleKnown: 'yes' };
    expect(nextStep(answers, 'screen')).toBe('asker');
    expect(nextStep(answers, 'screen', 'askerAge')).toBe('area');
    expect(nextStep(answers, 'screen', 'accepts')).toBe('responsibleUnder18');
    expect(nextStep(answers, 'screen', 'safetyNow')).toBeUndefined();
    expect(nextStep(answers, 'details')).toBe('contactWays');
  });

  it('drops answers to questions that no longer apply, and what depended on them', () => {
    const answers = { asker: 'person-harmed', askerAge: '13-15', trustedAdult: 'knows-may-contact', trustedAdultContact: 'Ms Shah' };
    expect(prune({ ...answers, askerAge: '18-or-over' })).toEqual({ asker: 'person-harmed', askerAge: '18-or-over' });
    expect(prune({ ...answers, asker: 'professional' })).toEqual({ asker: 'professional' });
  });

  it('is documented field by field in the README, in its order', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('| Answer | When | Values |'));
    const rows = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((match) => match[1]);
    expect(rows).toEqual([...fieldIds]);
  });

  it('has the schema’s field list exactly the catalogue’s', () => {
    expect(Object.keys(answersSchema.shape)).toEqual([...fieldIds]);
  });

  it('makes a valid referral of any walk through it, and lists exactly what was asked', () => {
    for (let seed = 1; seed <= 600; seed += 1) {
      const answers = walk(randomChooser(seed));
      expect(answersComplete(answers), `seed ${seed}`).toEqual([]);
      expect(prune(answers), `seed ${seed}`).toEqual(answers);
      const result = validateReferral({ answers, idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' });
      expect(result.ok ? [] : result.issues, `seed ${seed}`).toEqual([]);
      const shown = shownFields(answers).map((entry) => entry.id);
      const given = Object.keys(answers).filter((id) => !fields.find((entry) => entry.id === id)?.navigation);
      expect(shown.filter((id) => given.includes(id))).toEqual(given.filter((id) => shown.includes(id)));
      for (const id of given) expect(shown, `seed ${seed}: ${id} given but not shown`).toContain(id);
    }
  });

  it('refuses a referral that leaves out a question that applies, or answers with an option not offered', () => {
    const answers = walk(randomChooser(7, { responsibleKnown: 'yes', reported: 'yes', accepts: 'found-guilty' }));
    const { harm: _harm, ...missing } = answers;
    const refused = validateReferral({ answers: missing, idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' });
    expect(refused.ok ? [] : refused.issues).toContainEqual({ path: 'answers.harm', code: 'required' });
    const notOffered = validateReferral({ answers: { ...answers, stage: 'investigation' }, idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' });
    expect(notOffered.ok ? [] : notOffered.issues).toContainEqual({ path: 'answers.stage', code: 'not-an-option' });
  });
});

describe('how long the route to "sent" is', () => {
  it('is at most 15 answers at its shortest, for a referral the site may send to Merseyside', () => {
    const { answers, cost } = shortestRoute({ area: 'E23000004', asker: 'person-harmed' }, (found) => siteMaySend(found, merseyside));
    expect(cost.answers).toBeLessThanOrEqual(15);
    const anyone = shortestRoute({ area: 'E23000004' }, (found) => siteMaySend(found, merseyside));
    expect(anyone.cost.answers).toBeLessThanOrEqual(cost.answers);
    expect(validateReferral({ answers, idempotencyKey: '6f1c2b8e-4f57-4c1e-9d2a-3b7c5e8f9a10' }).ok).toBe(true);
    // The README quotes these figures (section "The question catalogue").
    const typical = walk(
      randomChooser(1, {
        asker: 'person-harmed', askerAge: '18-or-over', area: 'E23000004', happenedHere: 'yes', harm: 'burglary-or-theft', when: 'past-year', reported: 'yes',
        responsibleKnown: 'yes', relationship: 'stranger', accepts: 'found-guilty', stage: 'sentenced', responsibleUnder18: 'no', safetyNow: ['none'],
        contactWays: ['call'], name: 'Sam', phone: '07700 900123', callTimes: undefined as never, mayName: 'yes', language: 'english', addMore: 'skip', consent: true, checkDetails: true,
      }),
    );
    const typicalCost = routeCost(typical);
    console.info(`Route to "sent": shortest for anyone ${anyone.cost.answers} answers (${stepsAsked(anyone.answers).join(', ')}); shortest for the person harmed ${cost.answers} answers, ${cost.taps} taps, ${cost.keystrokes} characters typed (${stepsAsked(answers).join(', ')}); typical ${typicalCost.answers} answers, ${typicalCost.taps} taps, ${typicalCost.keystrokes} characters typed (${stepsAsked(typical).join(', ')})`);
    expect(typicalCost.answers).toBeLessThanOrEqual(20);
  });
});
