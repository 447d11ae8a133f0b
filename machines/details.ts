import { and, assign, not, setup } from 'xstate';
import { botLine, personLine } from './log.ts';
import { hasSafeContact, textRules, type TextStep } from './rules.ts';
import { areOptions, isOption, steps, type StepId } from './steps.ts';
import type { AnswerEvent, Answers, Line, Problem, StepOutput } from './types.ts';

/**
 * Details, only once the person chooses to send a referral: how to address them; how to contact them,
 * with the safety questions for each method; language and interpreter; access needs; the ways they
 * would consider; a crime reference, a short message and how they heard about us (optional); and
 * explicit consent to share with the named provider. Typed answers are checked by the referral
 * schema's own rules (rules.ts).
 *
 * With `mode: 'change'` and `startAt`, one answer (or one group: contact, language) is asked again
 * and the chart ends, back to check your answers.
 */
export type DetailsStep = 'name' | 'contactMethods' | 'language' | 'accessNeeds' | 'ways' | 'crimeReference' | 'message' | 'heardFrom' | 'consent';

export type DetailsInput = {
  answers: Answers;
  nextId: number;
  providerName: string;
  startAt?: DetailsStep;
  mode?: 'flow' | 'change';
  /** How they heard about us is already known (a campaign code in the address): do not ask. */
  heardFromKnown?: boolean;
};

type Context = {
  answers: Answers;
  log: Line[];
  nextId: number;
  providerName: string;
  startAt: DetailsStep | undefined;
  mode: 'flow' | 'change';
  heardFromKnown: boolean;
  error: Problem | undefined;
  ended: 'done' | 'back';
};


const submitted = (event: AnswerEvent): string | string[] | undefined => (event.type === 'answer.submit' ? event.value : undefined);

type Field = 'name' | 'phone' | 'bestTimes' | 'email' | 'language' | 'accessNeeds' | 'crimeReference' | 'message';
type BackRoute = readonly { guard?: 'changing' | 'wantsPhone' | 'wantsEmail'; target: string; actions: readonly ('echoBack' | 'clearError' | 'endBack')[] }[];

/**
 * Back from a question: to `target`; from the first question of a group being changed, back to check
 * your answers (`group`); from the very first question, out of this chart (`first`).
 */
function backTo(target: string, options: { group?: boolean; first?: boolean } = {}): BackRoute {
  const back = { target, actions: ['echoBack', 'clearError', ...(options.first ? (['endBack'] as const) : [])] } as const;
  return options.group || options.first ? [{ guard: 'changing', target: 'finished', actions: ['echoBack', 'clearError'] }, back] : [back];
}

/** A typed answer, checked by the referral schema's rule for it; optional ones can be skipped. */
function textQuestion<const S extends TextStep>(step: S, next: string, back: BackRoute, options: { optional?: boolean } = {}) {
  const field: (typeof steps)[S]['field'] = steps[step].field;
  return {
    meta: { step },
    entry: { type: 'ask', params: { step } },
    on: {
      'answer.submit': [
        { guard: { type: 'textIsValid', params: { step } }, actions: ['echoText', { type: 'recordText', params: { field } }], target: next },
        { actions: { type: 'setTextError', params: { step } } },
      ],
      ...(options.optional ? ({ 'answer.skip': { actions: ['echoSkip', { type: 'skip', params: { field } }], target: next } } as const) : {}),
      'nav.back': back,
    },
  } as const;
}

/** Ticked options; `error` when at least one is needed (without it, none ticked is an answer too). */
function optionsQuestion<const S extends 'contactMethods' | 'phoneSafety' | 'emailSafety' | 'ways'>(step: S, next: string, back: BackRoute, options: { error?: string } = {}) {
  const record = step === 'contactMethods' ? ('recordMethods' as const) : ({ type: 'recordOptions', params: { field: step as Exclude<S, 'contactMethods'> } } as const);
  const guard = options.error ? ({ type: 'someOptions', params: { step } } as const) : ({ type: 'areOptions', params: { step } } as const);
  const accepted = { guard, actions: [{ type: 'echoOptions', params: { step } }, record], target: next } as const;
  return {
    meta: { step },
    entry: { type: 'ask', params: { step } },
    on: {
      'answer.submit': options.error ? ([accepted, { actions: { type: 'setError', params: { key: options.error } } }] as const) : ([accepted] as const),
      'nav.back': back,
    },
  } as const;
}

/** One option from a list; optional ones can be skipped. */
function choiceQuestion<const S extends 'interpreter' | 'heardFrom'>(step: S, next: string, back: BackRoute, options: { optional?: boolean } = {}) {
  return {
    meta: { step },
    entry: { type: 'ask', params: { step } },
    on: {
      'answer.choose': {
        guard: { type: 'isOption', params: { step } },
        actions: [{ type: 'echoChoice', params: { step } }, { type: 'recordChoice', params: { field: step } }],
        target: next,
      },
      ...(options.optional ? ({ 'answer.skip': { actions: ['echoSkip', { type: 'skip', params: { field: step } }], target: next } } as const) : {}),
      'nav.back': back,
    },
  } as const;
}

export const detailsMachine = setup({
  types: {
    context: {} as Context,
    events: {} as AnswerEvent,
    input: {} as DetailsInput,
    output: {} as StepOutput,
  },
  guards: {
    startsAt: ({ context }, params: { step: DetailsStep }) => context.startAt === params.step,
    changing: ({ context }) => context.mode === 'change',
    textIsValid: ({ event }, params: { step: TextStep }) => {
      const value = submitted(event);
      return typeof value === 'string' && textRules[params.step](value) === undefined;
    },
    isOption: ({ event }, params: { step: StepId }) => event.type === 'answer.choose' && isOption(params.step, event.value),
    areOptions: ({ event }, params: { step: StepId }) => areOptions(params.step, submitted(event)),
    someOptions: ({ event }, params: { step: StepId }) => {
      const value = submitted(event);
      return areOptions(params.step, value) && value.length > 0;
    },
    wantsPhone: ({ context }) => context.answers.contactMethods?.includes('phone') === true,
    wantsEmail: ({ context }) => context.answers.contactMethods?.includes('email') === true,
    contactIsSafe: ({ context }) => hasSafeContact(context.answers),
    heardFromKnown: ({ context }) => context.heardFromKnown,
    agreed: ({ event }) => {
      const value = submitted(event);
      return Array.isArray(value) && value.includes('yes');
    },
  },
  actions: {
    ask: assign(({ context }, params: { step: string }) => botLine(context, `${params.step}.prompt`, { provider: context.providerName })),
    echoChoice: assign(({ context, event }, params: { step: string }) =>
      event.type === 'answer.choose' ? personLine(context, { key: `${params.step}.options.${event.value}` }) : {},
    ),
    echoOptions: assign(({ context, event }, params: { step: string }) => {
      const value = submitted(event);
      if (!Array.isArray(value)) return {};
      return personLine(context, value.length ? { keys: value.map((item) => `${params.step}.options.${item}`) } : { key: `${params.step}.none` });
    }),
    echoText: assign(({ context, event }) => {
      const value = submitted(event);
      return typeof value === 'string' ? personLine(context, { text: value.trim() }) : {};
    }),
    echoSkip: assign(({ context }) => personLine(context, { key: 'common.skipped' })),
    echoBack: assign(({ context }) => personLine(context, { key: 'common.back' })),
    recordText: assign(({ context, event }, params: { field: Field }) => {
      const value = submitted(event);
      return typeof value === 'string' ? { answers: { ...context.answers, [params.field]: value.trim() }, error: undefined } : {};
    }),
    recordOptions: assign(({ context, event }, params: { field: 'phoneSafety' | 'emailSafety' | 'ways' }) => {
      const value = submitted(event);
      return Array.isArray(value) ? { answers: { ...context.answers, [params.field]: value }, error: undefined } : {};
    }),
    recordChoice: assign(({ context, event }, params: { field: 'interpreter' | 'heardFrom' }) =>
      event.type === 'answer.choose' ? { answers: { ...context.answers, [params.field]: event.value }, error: undefined } : {},
    ),
    recordMethods: assign(({ context, event }) => {
      const value = submitted(event);
      if (!Array.isArray(value)) return {};
      const methods = value as ('phone' | 'email')[];
      // Forget the details of a method they no longer want used.
      const answers: Answers = { ...context.answers, contactMethods: methods };
      if (!methods.includes('phone')) Object.assign(answers, { phone: undefined, phoneSafety: undefined, bestTimes: undefined });
      if (!methods.includes('email')) Object.assign(answers, { email: undefined, emailSafety: undefined });
      return { answers, error: undefined };
    }),
    skip: assign(({ context }, params: { field: keyof Answers }) => ({ answers: { ...context.answers, [params.field]: undefined }, error: undefined })),
    recordConsent: assign(({ context }) => ({ answers: { ...context.answers, consent: true }, error: undefined })),
    setError: assign((_, params: { key: string }) => ({ error: { key: params.key } })),
    setTextError: assign(({ event }, params: { step: TextStep }) => {
      const value = submitted(event);
      return { error: { text: textRules[params.step](typeof value === 'string' ? value : '') ?? '' } };
    }),
    clearError: assign({ error: undefined }),
    endBack: assign({ ended: 'back' as const }),
  },
}).createMachine({
  id: 'details',
  context: ({ input }) => ({
    answers: input.answers,
    log: [],
    nextId: input.nextId,
    providerName: input.providerName,
    startAt: input.startAt,
    mode: input.mode ?? 'flow',
    heardFromKnown: input.heardFromKnown ?? false,
    error: undefined,
    ended: 'done',
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: { type: 'startsAt', params: { step: 'contactMethods' } }, target: 'contactMethods' },
        { guard: { type: 'startsAt', params: { step: 'language' } }, target: 'language' },
        { guard: { type: 'startsAt', params: { step: 'accessNeeds' } }, target: 'accessNeeds' },
        { guard: { type: 'startsAt', params: { step: 'ways' } }, target: 'ways' },
        { guard: { type: 'startsAt', params: { step: 'crimeReference' } }, target: 'crimeReference' },
        { guard: { type: 'startsAt', params: { step: 'message' } }, target: 'message' },
        { guard: { type: 'startsAt', params: { step: 'heardFrom' } }, target: 'heardFrom' },
        { guard: { type: 'startsAt', params: { step: 'consent' } }, target: 'consent' },
        { target: 'name' },
      ],
    },
    name: textQuestion('name', 'afterName', backTo('leaving', { first: true })),
    afterName: { always: [{ guard: 'changing', target: 'finished' }, { target: 'contactMethods' }] },
    contactMethods: optionsQuestion('contactMethods', 'contactRoute', backTo('name', { group: true }), { error: 'contactMethods.errors.none' }),
    contactRoute: { always: [{ guard: 'wantsPhone', target: 'phoneNumber' }, { target: 'emailAddress' }] },
    phoneNumber: textQuestion('phoneNumber', 'phoneSafety', backTo('contactMethods')),
    phoneSafety: optionsQuestion('phoneSafety', 'bestTimes', backTo('phoneNumber')),
    bestTimes: textQuestion('bestTimes', 'afterPhone', backTo('phoneSafety'), { optional: true }),
    afterPhone: { always: [{ guard: 'wantsEmail', target: 'emailAddress' }, { target: 'contactCheck' }] },
    emailAddress: textQuestion('emailAddress', 'emailSafety', [
      { guard: 'wantsPhone', target: 'bestTimes', actions: ['echoBack', 'clearError'] },
      { target: 'contactMethods', actions: ['echoBack', 'clearError'] },
    ]),
    emailSafety: optionsQuestion('emailSafety', 'contactCheck', backTo('emailAddress')),
    contactCheck: {
      always: [
        { guard: and(['contactIsSafe', 'changing']), target: 'finished' },
        { guard: 'contactIsSafe', target: 'language' },
        { target: 'contactMethods', actions: { type: 'setError', params: { key: 'contactMethods.errors.noSafeWay' } } },
      ],
    },
    language: textQuestion('language', 'interpreter', [
      { guard: 'changing', target: 'finished', actions: ['echoBack', 'clearError'] },
      { guard: 'wantsEmail', target: 'emailSafety', actions: ['echoBack', 'clearError'] },
      { target: 'bestTimes', actions: ['echoBack', 'clearError'] },
    ]),
    interpreter: choiceQuestion('interpreter', 'afterLanguage', backTo('language')),
    afterLanguage: { always: [{ guard: 'changing', target: 'finished' }, { target: 'accessNeeds' }] },
    accessNeeds: textQuestion('accessNeeds', 'afterAccessNeeds', backTo('interpreter', { group: true }), { optional: true }),
    afterAccessNeeds: { always: [{ guard: 'changing', target: 'finished' }, { target: 'ways' }] },
    ways: optionsQuestion('ways', 'afterWays', backTo('accessNeeds', { group: true }), { error: 'ways.errors.none' }),
    afterWays: { always: [{ guard: 'changing', target: 'finished' }, { target: 'crimeReference' }] },
    crimeReference: textQuestion('crimeReference', 'afterCrimeReference', backTo('ways', { group: true }), { optional: true }),
    afterCrimeReference: { always: [{ guard: 'changing', target: 'finished' }, { target: 'message' }] },
    message: textQuestion('message', 'afterMessage', backTo('crimeReference', { group: true }), { optional: true }),
    afterMessage: { always: [{ guard: 'changing', target: 'finished' }, { guard: 'heardFromKnown', target: 'consent' }, { target: 'heardFrom' }] },
    heardFrom: choiceQuestion('heardFrom', 'afterHeardFrom', backTo('message', { group: true }), { optional: true }),
    afterHeardFrom: { always: [{ guard: 'changing', target: 'finished' }, { target: 'consent' }] },
    consent: {
      meta: { step: 'consent' },
      entry: { type: 'ask', params: { step: 'consent' } },
      on: {
        'answer.submit': [
          { guard: 'agreed', actions: [{ type: 'echoOptions', params: { step: 'consent' } }, 'recordConsent'], target: 'finished' },
          { actions: { type: 'setError', params: { key: 'consent.errors.required' } } },
        ],
        'nav.back': [
          { guard: 'changing', target: 'finished', actions: ['echoBack', 'clearError'] },
          { guard: not('heardFromKnown'), target: 'heardFrom', actions: ['echoBack', 'clearError'] },
          { target: 'message', actions: ['echoBack', 'clearError'] },
        ],
      },
    },
    leaving: { type: 'final' },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, answers: context.answers, log: context.log, nextId: context.nextId }),
});
