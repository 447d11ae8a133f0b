import { describe, expect, it } from 'vitest';
import { fromPromise, type AnyEventObject, type AnyMachineSnapshot } from 'xstate';
import { conversationMachine } from '../../machines/conversation.ts';
import { explainMachine, topics } from '../../machines/explain.ts';
import { questionsMachine } from '../../machines/questions.ts';
import { sendMachine } from '../../machines/send.ts';
import { fieldsAsked, stepsAsked, type Field } from '../../referral/catalogue.ts';
import { distinctAnswers } from '../support/catalogue-walk.ts';
import { measureCoverage } from './coverage.ts';
import { answers, direct, hampshire, merseyside } from './fixtures.ts';

const never = fromPromise(() => new Promise<never>(() => {}));

function expectFullCoverage(coverage: ReturnType<typeof measureCoverage>): void {
  expect(coverage.states.missed, 'states never reached').toEqual([]);
  expect(coverage.transitions.missed, 'transitions never taken').toEqual([]);
  expect(coverage.states.reached.length).toBe(coverage.states.all.length);
  expect(coverage.transitions.taken).toBe(coverage.transitions.all);
}

/** The answers a person can give at a step: each class of answer per question, one at a time, and nothing at all. */
function submitsFor(step: string | undefined, given: Record<string, unknown>): AnyEventObject[] {
  if (!step) return [];
  const fields = fieldsAsked(step, given as never) as Field[];
  if (fields.some((entry) => entry.kind === 'place')) return [];
  const events: AnyEventObject[] = [{ type: 'answer.submit', values: {} }];
  // Every field at its first class of answer, then each field's other classes in turn.
  const base = Object.fromEntries(fields.map((entry) => [entry.id, distinctAnswers(entry, given as never).find((value) => value !== undefined)]));
  events.push({ type: 'answer.submit', values: base });
  for (const entry of fields) {
    for (const value of distinctAnswers(entry, given as never).slice(1)) events.push({ type: 'answer.submit', values: { ...base, [entry.id]: value } });
    if (entry.kind === 'choice') events.push({ type: 'answer.submit', values: { ...base, [entry.id]: 'not-an-option' } });
  }
  return events;
}

describe('model-based paths through every chart', () => {
  it('explain: every state and transition', () => {
    const coverage = measureCoverage(explainMachine, {
      scenarios: [{ name: 'explain', input: { nextId: 0 } }],
      events: () => [...topics.map((topic) => ({ type: 'topic.choose', topic })), { type: 'explain.check' }, { type: 'nav.back' }],
      serialize: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.ended]),
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(4);
    expect(coverage.transitions.all).toBe(6);
  });

  it('questions: every state and transition, for both phases, a preset area, one place only, resuming, and changing each step', () => {
    const machine = questionsMachine.provide({ actors: { lookupPlace: never as never, checkStep: never as never, loadArea: never as never } });
    const done = (id: string, output: unknown): AnyEventObject => ({ type: `xstate.done.actor.${id}`, output });
    const failed = (id: string): AnyEventObject => ({ type: `xstate.error.actor.${id}`, error: new Error('offline') });
    const full = { ...answers.widest };
    const changeable = stepsAsked(full);
    const coverage = measureCoverage(machine, {
      scenarios: [
        { name: 'screening', input: { answers: {}, phase: 'screen', nextId: 0 } },
        { name: 'referral', input: { answers: answers.screening, phase: 'details', nextId: 0, area: merseyside } },
        { name: 'preset area', input: { answers: { area: 'E23000004' }, phase: 'screen', nextId: 0, presetArea: { code: 'E23000004', name: 'Merseyside' } } },
        { name: 'finding', input: { answers: {}, phase: 'screen', nextId: 0, only: ['area'] } },
        { name: 'resume', input: { answers: answers.screening, phase: 'screen', nextId: 0, startAt: 'safetyNow', area: merseyside } },
        ...changeable.map((startAt) => ({ name: `change ${startAt}`, input: { answers: full, phase: startAt === 'contactWays' || full[startAt as keyof typeof full] === undefined ? 'details' : 'screen', nextId: 0, mode: 'change', startAt, area: hampshire } })),
      ],
      events: (snapshot) => {
        const context = snapshot.context as { step?: string; answers: Record<string, unknown> };
        const events: AnyEventObject[] = [{ type: 'nav.back' }];
        if (snapshot.matches({ asking: 'question' }) || snapshot.matches({ asking: 'answered' }) || snapshot.matches({ asking: 'retyping' })) {
          events.push(...submitsFor(context.step, context.answers));
          events.push({ type: 'place.find', text: 'L1 8JQ' }, { type: 'place.find', text: '  ' }, { type: 'place.list' }, { type: 'place.wrong' });
        }
        if (snapshot.matches({ asking: 'checking' })) events.push(done('check', []), done('check', [{ path: 'name', code: 'required' }]), failed('check'));
        if (snapshot.matches({ asking: 'lookingUp' })) {
          events.push(
            done('lookup', { kind: 'area', area: { code: 'E23000004', name: 'Merseyside', slug: 'merseyside' } }),
            done('lookup', { kind: 'choice', options: [{ area: { code: 'E23000007', name: 'Northumbria', slug: 'northumbria' }, share: 0.94 }, { area: null, share: 0.06 }] }),
            done('lookup', { kind: 'outside', place: 'Scotland' }),
            done('lookup', { kind: 'invalid' }),
            failed('lookup'),
          );
        }
        if (snapshot.matches({ asking: 'choosingPlace' })) events.push({ type: 'place.choose', code: 'E23000007', name: 'Northumbria' }, { type: 'place.choose', code: 'scotland', name: 'Scotland' });
        if (snapshot.matches({ asking: 'listing' })) events.push({ type: 'place.choose', code: 'E23000004', name: 'Merseyside' }, { type: 'place.choose', code: 'nowhere', name: 'Nowhere' });
        if (snapshot.matches({ asking: 'outside' })) events.push({ type: 'place.retry' });
        if (snapshot.matches({ asking: 'confirmingPreset' })) events.push({ type: 'place.confirm', confirmed: true }, { type: 'place.confirm', confirmed: false });
        if (snapshot.matches({ asking: 'loadingArea' })) events.push(done('area', merseyside), failed('area'));
        return events;
      },
      serialize: (snapshot) => {
        const c = snapshot.context as { step?: string; mode: string; problems: unknown[]; ended: string; history: string[]; presetArea?: unknown; answers: Record<string, unknown> };
        return JSON.stringify([snapshot.value, c.step, c.mode, c.problems.length > 0, c.ended, c.history.length > 0, Boolean(c.presetArea), c.answers.area === undefined]);
      },
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(17);
    expect(coverage.transitions.all).toBe(42);
  });

  it('send: every state and transition', () => {
    const machine = sendMachine.provide({ actors: { submitReferral: never as never } });
    const complete = { ...answers.screening, ...answers.details };
    const { name: _name, ...incomplete } = complete;
    const coverage = measureCoverage(machine, {
      scenarios: [
        { name: 'complete', input: { answers: complete, idempotencyKey: 'k', area: merseyside, nextId: 0 } },
        { name: 'incomplete', input: { answers: incomplete, idempotencyKey: 'k', area: merseyside, nextId: 0 } },
      ],
      events: (snapshot) => [
        { type: 'referral.send' },
        { type: 'referral.retry' },
        { type: 'nav.back' },
        { type: 'answer.change', step: 'harm' },
        { type: 'answer.change', step: 'interpreter' },
        ...(snapshot.matches('sending')
          ? [
              { type: 'xstate.done.actor.submit', output: { reference: 'RJ-2345-6789' } },
              { type: 'xstate.done.actor.submit', output: { reference: 'RJ-2345-6789', delivery: 'unconfirmed' } },
              ...(['unavailable', 'busy', 'not-accepting', 'invalid'] as const).map((kind) => ({ type: 'xstate.error.actor.submit', error: { kind } })),
            ]
          : []),
      ],
      serialize: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.failure ?? '', Boolean(snapshot.context.problem), snapshot.context.ended]),
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(5);
    expect(coverage.transitions.all).toBe(8);
  });

  it('conversation: every state and transition of the parent chart', () => {
    const machine = conversationMachine.provide({ actors: { explain: never as never, questions: never as never, send: never as never } });
    const phaseDone = (output: unknown): AnyEventObject => ({ type: 'xstate.done.actor.phase', output });
    const screened = { ...answers.screening };
    const complete = { ...answers.screening, ...answers.details };
    const coverage = measureCoverage(machine, {
      scenarios: [{ name: 'conversation' }],
      events: (snapshot: AnyMachineSnapshot) => {
        const events: AnyEventObject[] = [
          { type: 'help.open' },
          { type: 'help.close' },
          { type: 'restart.ask' },
          { type: 'restart.cancel' },
          { type: 'conversation.restart' },
          { type: 'nav.back' },
          { type: 'menu.open' },
          { type: 'referral.start' },
          ...(['learn', 'check', 'refer', 'find'] as const).map((choice) => ({ type: 'menu.choose', choice })),
          ...(['learn', 'check', 'refer', 'find', undefined] as const).map((start) => ({ type: 'conversation.preset', area: { code: 'E23000004', name: 'Merseyside' }, campaign: 'poster', ...(start ? { start } : {}) })),
        ];
        const flow = (snapshot.value as { flow: string }).flow;
        if (flow === 'explaining') events.push(phaseDone({ ended: 'back', log: [], nextId: 9 }), phaseDone({ ended: 'check', log: [], nextId: 9 }));
        if (['finding', 'screening', 'resuming', 'details', 'lastDetails', 'changing'].includes(flow)) {
          events.push(
            phaseDone({ ended: 'back', answers: screened, log: [], nextId: 9, area: merseyside, lastStep: 'safetyNow' }),
            phaseDone({ ended: 'done', answers: complete, log: [], nextId: 9, area: merseyside, lastStep: 'consent' }),
            phaseDone({ ended: 'done', answers: { ...complete, contactWays: ['none'] }, log: [], nextId: 9, area: merseyside, lastStep: 'consent' }),
            phaseDone({ ended: 'done', answers: screened, log: [], nextId: 9, area: direct, lastStep: 'safetyNow' }),
          );
        }
        if (flow === 'checking') {
          events.push(
            phaseDone({ ended: 'sent', reference: 'RJ-2345-6789', delivery: 'confirmed', log: [], nextId: 9 }),
            phaseDone({ ended: 'change', change: 'harm', log: [], nextId: 9 }),
            phaseDone({ ended: 'back', log: [], nextId: 9 }),
          );
        }
        return events;
      },
      serialize: (snapshot) => {
        const c = snapshot.context as { area?: { route: string }; change?: string; presetArea?: unknown; answers: Record<string, unknown> };
        return JSON.stringify([snapshot.value, c.area?.route ?? '', c.change ?? '', Boolean(c.presetArea), Object.keys(c.answers).length, (c.answers.contactWays as string[] | undefined)?.[0] ?? '']);
      },
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(20);
    expect(coverage.transitions.all).toBe(42);
    expect(coverage.paths).toBeGreaterThan(20);
  });
});
