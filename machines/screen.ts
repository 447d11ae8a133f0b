import { and, assign, fromPromise, setup } from 'xstate';
import type { PostcodeResult } from '../src/lib/finder.ts';
import { botLine, personLine } from './log.ts';
import { isOption, type StepId } from './steps.ts';
import type { AnswerEvent, Answers, Line, Problem, StepOutput } from './types.ts';

/**
 * Screening: one question per turn, "not sure" or "prefer not to say" always allowed, Back always
 * works. Who is asking → where → what kind of harm → reported → person responsible known → admitted
 * → where the case is now (skipped if never reported) → responsible under 18 → asker under 18.
 *
 * `scope: 'place'` asks only where (for "find my local service"). `startAt` with `mode: 'change'`
 * asks one answer again and ends (the Change links on check your answers); `startAt` alone resumes
 * at a step (Back from the outcome).
 */
export type ScreenStep = 'asker' | 'place' | 'harm' | 'reported' | 'responsibleKnown' | 'admitted' | 'stage' | 'responsibleUnder18' | 'askerUnder18';

export type ScreenInput = {
  answers: Answers;
  nextId: number;
  scope?: 'full' | 'place';
  startAt?: ScreenStep;
  mode?: 'flow' | 'change';
  /** The area the person came from (an area page link), to confirm rather than ask. */
  presetAreaName?: string;
};

type Context = {
  answers: Answers;
  log: Line[];
  nextId: number;
  scope: 'full' | 'place';
  startAt: ScreenStep | undefined;
  mode: 'flow' | 'change';
  presetAreaName: string | undefined;
  /** Areas to choose between when a postcode district straddles them. */
  placeOptions: { code: string; name: string }[];
  /** Where a postcode outside England and Wales is. */
  elsewhere: string | undefined;
  /** The problem with the last answer, shown with the question. */
  error: Problem | undefined;
  ended: 'done' | 'back';
};

export type ScreenEvent = AnswerEvent | { type: 'place.list' } | { type: 'place.retry' };

const AREA_CODE = /^(E23|W15)\d{6}$/;

type ChoiceStep = 'asker' | 'harm' | 'reported' | 'responsibleKnown' | 'admitted' | 'stage' | 'responsibleUnder18' | 'askerUnder18';
type Back = string | { target: string; actions: readonly ('echoBack' | 'endBack')[] } | readonly { guard?: 'notReported'; target: string; actions: 'echoBack' }[];

/**
 * One question: ask it on entry; a valid option is echoed, recorded, and leads to `next`; Back leads
 * to `back`. (Every screening question has this shape; only the routes differ.)
 */
function question<const S extends ChoiceStep, const N extends string>(step: S, next: N, back: Back) {
  return {
    meta: { step },
    entry: { type: 'ask', params: { step } },
    on: {
      'answer.choose': {
        guard: { type: 'isOption', params: { step } },
        actions: [{ type: 'echoChoice', params: { step } }, { type: 'record', params: { field: step } }],
        target: next,
      },
      'nav.back': typeof back === 'string' ? ({ target: back, actions: 'echoBack' } as const) : back,
    },
  } as const;
}

export const screenMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ScreenEvent,
    input: {} as ScreenInput,
    output: {} as StepOutput,
  },
  actors: {
    /** Looks a postcode up in the finder table, on the device. Provided by the island. */
    lookupPlace: fromPromise<PostcodeResult, { text: string }>(async () => {
      throw new Error('lookupPlace is provided by the island');
    }),
  },
  guards: {
    isOption: ({ event }, params: { step: StepId }) => event.type === 'answer.choose' && isOption(params.step, event.value),
    isAreaCode: ({ event }) => event.type === 'answer.choose' && AREA_CODE.test(event.value),
    isScotland: ({ event }) => event.type === 'answer.choose' && event.value === 'scotland',
    hasText: ({ event }) => event.type === 'answer.submit' && typeof event.value === 'string' && event.value.trim() !== '',
    startsAt: ({ context }, params: { step: ScreenStep }) => context.startAt === params.step,
    changing: ({ context }) => context.mode === 'change',
    placeOnly: ({ context }) => context.scope === 'place',
    hasPreset: ({ context }) => context.presetAreaName !== undefined && context.answers.area !== undefined,
    notReported: ({ context }) => context.answers.reported === 'no',
    stageMissing: ({ context }) => context.answers.stage === undefined || context.answers.stage === 'not-reported',
    chose: ({ event }, params: { value: string }) => event.type === 'answer.choose' && event.value === params.value,
    foundArea: ({ event }) => (event as unknown as { output: PostcodeResult }).output.kind === 'area',
    foundChoice: ({ event }) => (event as unknown as { output: PostcodeResult }).output.kind === 'choice',
    foundOutside: ({ event }) => (event as unknown as { output: PostcodeResult }).output.kind === 'outside',
    foundInvalid: ({ event }) => (event as unknown as { output: PostcodeResult }).output.kind === 'invalid',
  },
  actions: {
    ask: assign(({ context }, params: { step: string; vars?: Record<string, string> }) => botLine(context, `${params.step}.prompt`, params.vars)),
    askPlaceConfirm: assign(({ context }) => botLine(context, 'placeConfirm.prompt', { area: context.presetAreaName ?? '' })),
    askOutside: assign(({ context }) => botLine(context, 'placeOutside.prompt', { place: context.elsewhere ?? '' })),
    echoChoice: assign(({ context, event }, params: { step: string }) =>
      event.type === 'answer.choose' ? personLine(context, event.label ? { text: event.label } : { key: `${params.step}.options.${event.value}` }) : {},
    ),
    echoText: assign(({ context, event }) => (event.type === 'answer.submit' && typeof event.value === 'string' ? personLine(context, { text: event.value.trim() }) : {})),
    echoBack: assign(({ context }) => personLine(context, { key: 'common.back' })),
    echoList: assign(({ context }) => personLine(context, { key: 'place.chooseFromList' })),
    echoRetry: assign(({ context }) => personLine(context, { key: 'placeOutside.retry' })),
    record: assign(({ context, event }, params: { field: keyof Answers }) =>
      event.type === 'answer.choose' ? { answers: { ...context.answers, [params.field]: event.value }, error: undefined } : {},
    ),
    recordFoundArea: assign(({ context, event }) => {
      const result = (event as unknown as { output: PostcodeResult }).output;
      return result.kind === 'area' ? { answers: { ...context.answers, area: result.area.code }, error: undefined } : {};
    }),
    recordFoundChoice: assign(({ event }) => {
      const result = (event as unknown as { output: PostcodeResult }).output;
      if (result.kind !== 'choice') return {};
      return {
        placeOptions: result.options.map((option) => (option.area ? { code: option.area.code, name: option.area.name } : { code: 'scotland', name: 'Scotland' })),
        error: undefined,
      };
    }),
    recordOutside: assign(({ event }) => {
      const result = (event as unknown as { output: PostcodeResult }).output;
      return result.kind === 'outside' ? { elsewhere: result.place, error: undefined } : {};
    }),
    recordScotland: assign({ elsewhere: 'Scotland' }),
    forgetPreset: assign({ presetAreaName: undefined }),
    setNotReported: assign(({ context }) => ({ answers: { ...context.answers, stage: 'not-reported' as const } })),
    setError: assign((_, params: { key: string }) => ({ error: { key: params.key } })),
    setLookupError: assign(({ event }) => {
      const result = (event as unknown as { output: PostcodeResult }).output;
      return { error: { key: result.kind === 'invalid' ? 'place.errors.invalid' : 'place.errors.unknown' } };
    }),
    clearError: assign({ error: undefined }),
    endBack: assign({ ended: 'back' as const }),
  },
}).createMachine({
  id: 'screen',
  context: ({ input }) => ({
    answers: input.answers,
    log: [],
    nextId: input.nextId,
    scope: input.scope ?? 'full',
    startAt: input.startAt,
    mode: input.mode ?? 'flow',
    presetAreaName: input.presetAreaName,
    placeOptions: [],
    elsewhere: undefined,
    error: undefined,
    ended: 'done',
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: 'placeOnly', target: 'place' },
        { guard: { type: 'startsAt', params: { step: 'place' } }, target: 'place' },
        { guard: { type: 'startsAt', params: { step: 'harm' } }, target: 'harm' },
        { guard: { type: 'startsAt', params: { step: 'reported' } }, target: 'reported' },
        { guard: { type: 'startsAt', params: { step: 'responsibleKnown' } }, target: 'responsibleKnown' },
        { guard: { type: 'startsAt', params: { step: 'admitted' } }, target: 'admitted' },
        { guard: { type: 'startsAt', params: { step: 'stage' } }, target: 'stage' },
        { guard: { type: 'startsAt', params: { step: 'responsibleUnder18' } }, target: 'responsibleUnder18' },
        { guard: { type: 'startsAt', params: { step: 'askerUnder18' } }, target: 'askerUnder18' },
        { target: 'asker' },
      ],
    },
    asker: question('asker', 'afterAsker', { target: 'leaving', actions: ['echoBack', 'endBack'] }),
    afterAsker: { always: [{ guard: 'changing', target: 'finished' }, { target: 'place' }] },
    place: {
      initial: 'routing',
      states: {
        routing: { always: [{ guard: 'hasPreset', target: 'confirming' }, { target: 'asking' }] },
        confirming: {
          meta: { step: 'placeConfirm' },
          entry: 'askPlaceConfirm',
          on: {
            'answer.choose': [
              { guard: { type: 'chose', params: { value: 'yes' } }, actions: { type: 'echoChoice', params: { step: 'placeConfirm' } }, target: '#screen.afterPlace' },
              { guard: { type: 'chose', params: { value: 'no' } }, actions: [{ type: 'echoChoice', params: { step: 'placeConfirm' } }, 'forgetPreset'], target: 'asking' },
            ],
            'nav.back': { target: '#screen.placeBack', actions: 'echoBack' },
          },
        },
        asking: {
          meta: { step: 'place' },
          entry: { type: 'ask', params: { step: 'place' } },
          on: {
            'answer.submit': [
              { guard: 'hasText', actions: 'echoText', target: 'lookingUp' },
              { actions: { type: 'setError', params: { key: 'place.errors.empty' } } },
            ],
            'place.list': { actions: 'echoList', target: 'listing' },
            'nav.back': { target: '#screen.placeBack', actions: 'echoBack' },
          },
        },
        lookingUp: {
          invoke: {
            id: 'lookup',
            src: 'lookupPlace',
            input: ({ event }) => ({ text: event.type === 'answer.submit' && typeof event.value === 'string' ? event.value : '' }),
            onDone: [
              { guard: 'foundArea', actions: 'recordFoundArea', target: '#screen.afterPlace' },
              { guard: 'foundChoice', actions: 'recordFoundChoice', target: 'choosing' },
              { guard: 'foundOutside', actions: 'recordOutside', target: 'outside' },
              { actions: 'setLookupError', target: 'asking' },
            ],
            onError: { actions: { type: 'setError', params: { key: 'place.errors.unavailable' } }, target: 'listing' },
          },
        },
        choosing: {
          meta: { step: 'placeChoice' },
          entry: { type: 'ask', params: { step: 'placeChoice' } },
          on: {
            'answer.choose': [
              { guard: 'isScotland', actions: [{ type: 'echoChoice', params: { step: 'placeChoice' } }, 'recordScotland'], target: 'outside' },
              { guard: 'isAreaCode', actions: [{ type: 'echoChoice', params: { step: 'placeChoice' } }, { type: 'record', params: { field: 'area' } }], target: '#screen.afterPlace' },
            ],
            'nav.back': { target: 'asking', actions: 'echoBack' },
          },
        },
        listing: {
          meta: { step: 'placeList' },
          entry: { type: 'ask', params: { step: 'placeList' } },
          on: {
            'answer.choose': [
              { guard: 'isAreaCode', actions: [{ type: 'echoChoice', params: { step: 'placeList' } }, { type: 'record', params: { field: 'area' } }], target: '#screen.afterPlace' },
            ],
            'nav.back': { target: 'asking', actions: ['echoBack', 'clearError'] },
          },
        },
        outside: {
          meta: { step: 'placeOutside' },
          entry: 'askOutside',
          on: {
            'place.retry': { target: 'asking', actions: 'echoRetry' },
            'nav.back': { target: 'asking', actions: 'echoBack' },
          },
        },
      },
    },
    placeBack: { always: [{ guard: 'placeOnly', target: 'leaving', actions: 'endBack' }, { guard: 'changing', target: 'finished' }, { target: 'asker' }] },
    afterPlace: { always: [{ guard: 'changing', target: 'finished' }, { guard: 'placeOnly', target: 'finished' }, { target: 'harm' }] },
    harm: question('harm', 'afterHarm', 'place'),
    afterHarm: { always: [{ guard: 'changing', target: 'finished' }, { target: 'reported' }] },
    reported: question('reported', 'afterReported', 'harm'),
    afterReported: {
      always: [
        { guard: and(['changing', 'notReported']), actions: 'setNotReported', target: 'finished' },
        { guard: 'changing', target: 'stageIfMissing' },
        { guard: 'notReported', actions: 'setNotReported', target: 'responsibleKnown' },
        { target: 'responsibleKnown' },
      ],
    },
    stageIfMissing: { always: [{ guard: 'stageMissing', target: 'stage' }, { target: 'finished' }] },
    responsibleKnown: question('responsibleKnown', 'afterResponsibleKnown', 'reported'),
    afterResponsibleKnown: { always: [{ guard: 'changing', target: 'finished' }, { target: 'admitted' }] },
    admitted: question('admitted', 'afterAdmitted', 'responsibleKnown'),
    afterAdmitted: { always: [{ guard: 'changing', target: 'finished' }, { guard: 'notReported', target: 'afterStage' }, { target: 'stage' }] },
    stage: question('stage', 'afterStage', 'admitted'),
    afterStage: { always: [{ guard: 'changing', target: 'finished' }, { target: 'responsibleUnder18' }] },
    responsibleUnder18: question('responsibleUnder18', 'afterResponsibleUnder18', [{ guard: 'notReported', target: 'admitted', actions: 'echoBack' }, { target: 'stage', actions: 'echoBack' }]),
    afterResponsibleUnder18: { always: [{ guard: 'changing', target: 'finished' }, { target: 'askerUnder18' }] },
    askerUnder18: question('askerUnder18', 'finished', 'responsibleUnder18'),
    leaving: { type: 'final' },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, answers: context.answers, log: context.log, nextId: context.nextId }),
});
