import { describe, expect, it } from 'vitest';
import { fromPromise, type AnyEventObject, type AnyMachineSnapshot } from 'xstate';
import type { AreaFacts } from '../../machines/area-facts.ts';
import { conversationMachine } from '../../machines/conversation.ts';
import { detailsMachine, type DetailsStep } from '../../machines/details.ts';
import { explainMachine, topics } from '../../machines/explain.ts';
import { screenMachine, type ScreenStep } from '../../machines/screen.ts';
import { changeableFields, sendMachine } from '../../machines/send.ts';
import { steps, type Step } from '../../machines/steps.ts';
import { measureCoverage } from './coverage.ts';
import { answers, merseyside } from './fixtures.ts';

/** The step a chart is on, from its states' meta. */
const stepOf = (snapshot: AnyMachineSnapshot): string | undefined =>
  (Object.values(snapshot.getMeta()) as { step?: string }[]).map((meta) => meta.step).filter(Boolean).at(-1);

const never = fromPromise(() => new Promise<never>(() => {}));

function choicesFor(step: string | undefined): AnyEventObject[] {
  const definition = step ? (steps as Record<string, Step>)[step] : undefined;
  if (!definition?.options) return [];
  if (definition.kind === 'choice') return definition.options.map((value) => ({ type: 'answer.choose', value }));
  return [];
}

function expectFullCoverage(coverage: ReturnType<typeof measureCoverage>): void {
  expect(coverage.states.missed, 'states never reached').toEqual([]);
  expect(coverage.transitions.missed, 'transitions never taken').toEqual([]);
  expect(coverage.states.reached.length).toBe(coverage.states.all.length);
  expect(coverage.transitions.taken).toBe(coverage.transitions.all);
}

describe('model-based paths through every chart', () => {
  it('explain: every state and transition', () => {
    const coverage = measureCoverage(explainMachine, {
      scenarios: [{ name: 'explain', input: { nextId: 0 } }],
      events: () => [
        ...topics.map((topic) => ({ type: 'topic.choose', topic })),
        { type: 'explain.check' },
        { type: 'nav.back' },
      ],
      serialize: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.ended]),
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(4);
    expect(coverage.transitions.all).toBe(6);
  });

  it('screen: every state and transition, in the flow, for one place, resumed, and changing each answer', () => {
    const lookup = (output: unknown): AnyEventObject => ({ type: 'xstate.done.actor.lookup', output });
    const machine = screenMachine.provide({ actors: { lookupPlace: never as never } });
    const screenSteps: ScreenStep[] = ['asker', 'place', 'harm', 'reported', 'responsibleKnown', 'admitted', 'stage', 'responsibleUnder18', 'askerUnder18'];
    const coverage = measureCoverage(machine, {
      scenarios: [
        { name: 'flow', input: { answers: {}, nextId: 0 } },
        { name: 'preset area', input: { answers: { area: 'E23000004' }, nextId: 0, presetAreaName: 'Merseyside' } },
        { name: 'place only', input: { answers: {}, nextId: 0, scope: 'place' } },
        ...screenSteps.map((startAt) => ({ name: `change ${startAt}`, input: { answers: { ...answers.screening, stage: 'not-reported', reported: 'no' }, nextId: 0, startAt, mode: 'change' } })),
        ...screenSteps.map((startAt) => ({ name: `change ${startAt} (reported)`, input: { answers: answers.screening, nextId: 0, startAt, mode: 'change' } })),
        { name: 'resume', input: { answers: answers.screening, nextId: 0, startAt: 'askerUnder18' } },
      ],
      events: (snapshot) => {
        const step = stepOf(snapshot);
        const events: AnyEventObject[] = [{ type: 'nav.back' }, ...choicesFor(step)];
        if (snapshot.matches({ place: 'asking' })) events.push({ type: 'answer.submit', value: 'L1 8JQ' }, { type: 'answer.submit', value: ' ' }, { type: 'place.list' });
        if (snapshot.matches({ place: 'lookingUp' })) {
          events.push(
            lookup({ kind: 'area', outcode: 'L1', area: { code: 'E23000004', name: 'Merseyside', slug: 'merseyside' } }),
            lookup({ kind: 'choice', outcode: 'TD15', options: [{ area: { code: 'E23000007', name: 'Northumbria', slug: 'northumbria' }, share: 0.94 }, { area: null, share: 0.06 }] }),
            lookup({ kind: 'outside', outcode: 'EH1', place: 'Scotland' }),
            lookup({ kind: 'invalid' }),
            { type: 'xstate.error.actor.lookup', error: new Error('offline') },
          );
        }
        if (snapshot.matches({ place: 'choosing' })) events.push({ type: 'answer.choose', value: 'E23000007', label: 'Northumbria' }, { type: 'answer.choose', value: 'scotland', label: 'Scotland' });
        if (snapshot.matches({ place: 'listing' })) events.push({ type: 'answer.choose', value: 'E23000004', label: 'Merseyside' });
        if (snapshot.matches({ place: 'outside' })) events.push({ type: 'place.retry' });
        return events;
      },
      serialize: (snapshot) =>
        JSON.stringify([snapshot.value, snapshot.context.mode, snapshot.context.scope, snapshot.context.startAt, snapshot.context.presetAreaName ?? '', snapshot.context.answers.reported === 'no', snapshot.context.answers.stage ?? '', snapshot.context.ended]),
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(30);
    expect(coverage.transitions.all).toBe(73);
  });

  it('details: every state and transition, in the flow and changing each group', () => {
    const groups: DetailsStep[] = ['name', 'contactMethods', 'language', 'accessNeeds', 'ways', 'crimeReference', 'message', 'heardFrom', 'consent'];
    const known = { ...answers.screening, ...answers.details };
    const coverage = measureCoverage(detailsMachine, {
      scenarios: [
        { name: 'flow', input: { answers: { language: 'English' }, nextId: 0, providerName: 'Restorative Solutions' } },
        { name: 'flow, heard from a poster', input: { answers: { language: 'English', heardFrom: 'poster' }, nextId: 0, providerName: 'Restorative Solutions', heardFromKnown: true } },
        ...groups.map((startAt) => ({ name: `change ${startAt}`, input: { answers: known, nextId: 0, providerName: 'Restorative Solutions', startAt, mode: 'change' } })),
      ],
      events: (snapshot) => {
        const step = stepOf(snapshot);
        const events: AnyEventObject[] = [{ type: 'nav.back' }, ...choicesFor(step)];
        const definition = step ? (steps as Record<string, Step>)[step] : undefined;
        if (definition?.kind === 'text') {
          const valid: Record<string, string> = { name: 'Sam', phoneNumber: '07700 900123', bestTimes: 'Mornings', emailAddress: 'sam@example.org', language: 'English', accessNeeds: 'Step-free access', crimeReference: 'MP/1/26', message: 'Hello' };
          events.push({ type: 'answer.submit', value: valid[step ?? ''] ?? 'x' }, { type: 'answer.submit', value: '' });
        }
        if (definition?.optional) events.push({ type: 'answer.skip' });
        if (step === 'contactMethods') events.push(...[[], ['phone'], ['email'], ['phone', 'email']].map((value) => ({ type: 'answer.submit', value })));
        if (step === 'phoneSafety') events.push(...[[], ['call']].map((value) => ({ type: 'answer.submit', value })));
        if (step === 'emailSafety') events.push(...[[], ['email']].map((value) => ({ type: 'answer.submit', value })));
        if (step === 'ways') events.push(...[[], ['letters']].map((value) => ({ type: 'answer.submit', value })));
        if (step === 'consent') events.push(...[[], ['yes']].map((value) => ({ type: 'answer.submit', value })));
        return events;
      },
      serialize: (snapshot) => {
        const a = snapshot.context.answers;
        const safe = Boolean((a.contactMethods?.includes('phone') && a.phone && a.phoneSafety?.length) || (a.contactMethods?.includes('email') && a.email && a.emailSafety?.includes('email')));
        return JSON.stringify([snapshot.value, snapshot.context.mode, snapshot.context.startAt, snapshot.context.heardFromKnown, a.contactMethods ?? [], safe, snapshot.context.ended]);
      },
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(29);
    expect(coverage.transitions.all).toBe(89);
  });

  it('send: every state and transition', () => {
    const machine = sendMachine.provide({ actors: { submitReferral: never as never } });
    const coverage = measureCoverage(machine, {
      scenarios: [
        { name: 'complete', input: { referral: answers.referral(), providerName: 'Restorative Solutions', nextId: 0 } },
        { name: 'incomplete', input: { referral: { ...answers.referral(), name: '' }, providerName: 'Restorative Solutions', nextId: 0 } },
      ],
      events: (snapshot) => [
        { type: 'referral.send' },
        { type: 'referral.retry' },
        { type: 'nav.back' },
        ...changeableFields.slice(0, 1).map((field) => ({ type: 'answer.change', field })),
        ...(snapshot.matches('sending')
          ? [
              { type: 'xstate.done.actor.submit', output: { reference: 'RJ-2345-6789' } },
              { type: 'xstate.error.actor.submit', error: { kind: 'unavailable' } },
              { type: 'xstate.error.actor.submit', error: { kind: 'not-accepting' } },
            ]
          : []),
      ],
      serialize: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.failure ?? '', Boolean(snapshot.context.error), snapshot.context.ended]),
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(6);
    expect(coverage.transitions.all).toBe(8);
  });

  it('conversation: every state and transition of the parent chart', () => {
    const accepting: AreaFacts = merseyside;
    const noInbox: AreaFacts = { ...merseyside, code: 'E23000014', name: 'West Midlands', acceptsReferrals: false };
    const machine = conversationMachine.provide({
      actors: { loadArea: never as never, explain: never as never, screen: never as never, details: never as never, send: never as never },
    });
    const phaseDone = (output: unknown): AnyEventObject => ({ type: 'xstate.done.actor.phase', output });
    const coverage = measureCoverage(machine, {
      scenarios: [{ name: 'conversation' }],
      events: (snapshot) => {
        const events: AnyEventObject[] = [
          { type: 'help.open' },
          { type: 'help.close' },
          { type: 'conversation.restart' },
          { type: 'nav.back' },
          { type: 'menu.open' },
          { type: 'referral.start' },
          ...(['learn', 'check', 'refer', 'find'] as const).map((choice) => ({ type: 'menu.choose', choice })),
          ...(['learn', 'check', 'refer', 'find', undefined] as const).map((start) => ({ type: 'conversation.preset', area: { code: 'E23000004', name: 'Merseyside' }, heardFrom: 'poster', ...(start ? { start } : {}) })),
        ];
        const flow = (snapshot.value as { flow: string }).flow;
        if (flow === 'explaining') events.push(phaseDone({ ended: 'back', log: [], nextId: 9 }), phaseDone({ ended: 'check', log: [], nextId: 9 }));
        if (['finding', 'screening', 'resuming', 'details', 'lastDetail', 'changingScreen', 'changingDetails'].includes(flow)) {
          events.push(
            phaseDone({ ended: 'back', answers: {}, log: [], nextId: 9 }),
            phaseDone({ ended: 'done', answers: { ...answers.screening, ...answers.details }, log: [], nextId: 9 }),
            phaseDone({ ended: 'done', answers: { ...answers.screening, responsibleKnown: 'no' }, log: [], nextId: 9 }),
          );
        }
        if (['loadingService', 'assessing', 'reassessing'].includes(flow)) {
          events.push(
            { type: 'xstate.done.actor.area', output: accepting },
            { type: 'xstate.done.actor.area', output: noInbox },
            { type: 'xstate.error.actor.area', error: new Error('offline') },
          );
        }
        if (flow === 'checking') {
          events.push(
            phaseDone({ ended: 'sent', reference: 'RJ-2345-6789', log: [], nextId: 9 }),
            phaseDone({ ended: 'change', change: 'harm', log: [], nextId: 9 }),
            phaseDone({ ended: 'change', change: 'message', log: [], nextId: 9 }),
            phaseDone({ ended: 'back', log: [], nextId: 9 }),
          );
        }
        return events;
      },
      serialize: (snapshot) => {
        const c = snapshot.context;
        const canRefer = Boolean(c.area?.acceptsReferrals && c.assessment && c.assessment.kind !== 'not-yet');
        return JSON.stringify([snapshot.value, canRefer, Boolean(c.area), c.change ?? '', c.presetAreaName ?? '', c.answers.harm ? 'screened' : '']);
      },
    });
    expectFullCoverage(coverage);
    expect(coverage.states.all).toHaveLength(23);
    expect(coverage.transitions.all).toBe(45);
    expect(coverage.paths).toBeGreaterThan(20);
  });
});
