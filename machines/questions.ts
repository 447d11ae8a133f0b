import { assign, fromPromise, setup } from 'xstate';
import { fieldsAsked, nextStep, optionsFor, prune, stepsAsked, type Field, type Phase } from '../referral/catalogue.ts';
import { areaCodePattern, isAnswered, normalise } from '../referral/answer-rules.ts';
import type { PlaceResult } from '../referral/place.ts';
import type { FieldIssue } from '../referral/complete.ts';
import type { AreaFacts } from './area-facts.ts';
import { botLine, personLine } from './log.ts';
import { areaVars } from '../referral/outcome.ts';
import { askLines, choiceKey, variantFor } from './prompts.ts';
import type { Answers, Line, Problem } from './types.ts';

/**
 * Asks the catalogue's questions, one step per turn, in catalogue order, skipping any that earlier
 * answers make irrelevant. The chart knows no question by name: what to ask, its options, whether an
 * answer is valid and what comes next all come from the catalogue (referral/catalogue.ts) and the
 * rules for answers (referral/answer-rules.ts). Only places have states of their own, because finding one
 * takes a lookup on the device.
 *
 * - `mode: 'flow'` asks every step of a phase that applies; Back goes to the previous step asked.
 * - `mode: 'change'` (a Change link) asks `startAt`, then only the steps that its new answer brings in
 *   and that are still unanswered, then ends; Back ends at once, changing nothing more.
 * - `only` limits it to some steps (finding the local service asks only where).
 */
export type QuestionsInput = {
  answers: Answers;
  phase: Phase;
  nextId: number;
  mode?: 'flow' | 'change';
  startAt?: string;
  only?: readonly string[];
  /** An area the page address named: confirmed rather than asked. */
  presetArea?: { code: string; name: string };
  area?: AreaFacts;
};

export type QuestionsOutput = { ended: 'done' | 'back'; answers: Answers; log: Line[]; nextId: number; area: AreaFacts | undefined; lastStep: string | undefined };

export type QuestionsEvent =
  | { type: 'answer.submit'; values: Answers }
  | { type: 'place.find'; text: string }
  | { type: 'place.list' }
  | { type: 'place.choose'; code: string; name: string }
  | { type: 'place.retry' }
  /** "That is not where I live", from the question after the area. */
  | { type: 'place.wrong' }
  | { type: 'place.confirm'; confirmed: boolean }
  | { type: 'nav.back' };

type Context = {
  answers: Answers;
  phase: Phase;
  mode: 'flow' | 'change';
  only: readonly string[] | undefined;
  /** The step being asked. */
  step: string | undefined;
  /** The steps asked before this one, most recent last (Back goes to the last). */
  history: string[];
  presetArea: { code: string; name: string } | undefined;
  area: AreaFacts | undefined;
  /** What the person typed for a place, kept when it could not be found. */
  draft: string;
  placeOptions: { code: string; name: string }[];
  elsewhere: string | undefined;
  problems: Problem[];
  /** The answers just given, while their rules are checked. */
  pending: Answers;
  log: Line[];
  nextId: number;
  ended: 'done' | 'back';
};

const fieldsOf = (context: Context, values: Answers = {}): Field[] => (context.step ? fieldsAsked(context.step, { ...context.answers, ...values }) : []);
const placeField = (context: Context): Field | undefined => fieldsOf(context).find((entry) => entry.kind === 'place');
const lookupOutput = (event: unknown) => (event as { output: PlaceResult }).output;

/** The steps a flow asks before `step`, in order (what Back goes through from there). */
function stepsBefore(step: string, answers: Answers, phase: Phase, only: readonly string[] | undefined): string[] {
  const asked = stepsAsked(prune(answers), phase).filter((id) => !only || only.includes(id));
  const at = asked.indexOf(step);
  return at < 0 ? [] : asked.slice(0, at);
}

/** The step after the current one: in a flow, the next that applies; in a change, the next that applies and is unanswered. */
function following(context: Context): string | undefined {
  const answers = prune(context.answers);
  let candidate = nextStep(answers, context.phase, context.step);
  while (candidate !== undefined) {
    const allowed = !context.only || context.only.includes(candidate);
    const missing = fieldsAsked(candidate, answers).some((entry) => !entry.optional && answers[entry.id] === undefined);
    if (allowed && (context.mode === 'flow' || missing)) return candidate;
    candidate = nextStep(answers, context.phase, candidate);
  }
  return undefined;
}

/** The words a person's answers are echoed with: option keys, or what they typed. */
function echo(context: Context, values: Answers): { key?: string; keys?: string[]; text?: string; vars?: Record<string, string>; variant?: string } {
  const parts: string[] = [];
  const keys: string[] = [];
  const variant = variantFor(fieldsOf(context, values)[0], context.answers);
  const vars = areaVars(context.area);
  const withVariant = <T extends object>(line: T) => ({ ...line, vars, ...(variant ? { variant } : {}) });
  for (const entry of fieldsOf(context, values)) {
    const value = values[entry.id];
    if (value === undefined || value === '') continue;
    if (entry.kind === 'choice' && typeof value === 'string') keys.push(choiceKey(entry, value, context.answers));
    else if (entry.kind === 'multi' && Array.isArray(value)) keys.push(...value.map((item) => choiceKey(entry, item, context.answers)));
    else if (entry.kind === 'agreement') keys.push(`questions.${entry.id}.label`);
    else if (typeof value === 'string') parts.push(value.trim());
  }
  if (parts.length > 0) return { text: parts.join(', ') };
  if (keys.length === 1) return withVariant({ key: keys[0] });
  if (keys.length > 1) return withVariant({ keys });
  return { key: 'common.skipped' };
}

export const questionsMachine = setup({
  types: {
    context: {} as Context,
    events: {} as QuestionsEvent,
    input: {} as QuestionsInput,
    output: {} as QuestionsOutput,
  },
  actors: {
    /** Looks a postcode or council up in the finder table, on the device. Provided by the island. */
    lookupPlace: fromPromise<PlaceResult, { text: string }>(async () => {
      throw new Error('lookupPlace is provided by the island');
    }),
    /**
     * Checks a step's answers with the rules the function applies too (referral/answer-rules.ts).
     * An actor, so the island supplies it (and tests can too).
     */
    checkStep: fromPromise<FieldIssue[], { values: Answers; fields: string[] }>(async () => {
      throw new Error('checkStep is provided by the island');
    }),
    /** Loads an area's facts (provider, route, contacts) from our own data. Provided by the island. */
    loadArea: fromPromise<AreaFacts, { code: string }>(async () => {
      throw new Error('loadArea is provided by the island');
    }),
  },
  guards: {
    hasStep: ({ context }) => context.step !== undefined,
    hasNext: ({ context }) => following(context) !== undefined,
    /** The choices made are among those offered now (the typed answers are checked by `checkStep`). */
    offered: ({ context, event }) => event.type === 'answer.submit' && optionsValid(context, event.values),
    passed: ({ event }) => (event as unknown as { output: FieldIssue[] }).output.length === 0,
    canGoBack: ({ context }) => context.mode === 'flow' && context.history.length > 0,
    hasText: ({ event }) => event.type === 'place.find' && event.text.trim() !== '',
    isAreaCode: ({ event }) => event.type === 'place.choose' && areaCodePattern.test(event.code),
    choseScotland: ({ event }) => event.type === 'place.choose' && event.code === 'scotland',
    confirmsPlace: ({ context }) => placeField(context)?.kind === 'place' && (placeField(context) as Extract<Field, { kind: 'place' }>).confirm,
    presetHere: ({ context }) => context.presetArea !== undefined && placeField(context)?.id === 'area' && context.answers.area === context.presetArea.code,
    confirmed: ({ event }) => event.type === 'place.confirm' && event.confirmed,
    found: ({ event }) => lookupOutput(event).kind === 'area',
    foundChoice: ({ event }) => lookupOutput(event).kind === 'choice',
    foundOutside: ({ event }) => lookupOutput(event).kind === 'outside',
    isPlaceStep: ({ context }) => placeField(context) !== undefined,
  },
  actions: {
    start: assign(({ context }) => {
      const first = context.step ?? nextStep(prune(context.answers), context.phase);
      return { step: first !== undefined && (!context.only || context.only.includes(first)) ? first : undefined };
    }),
    ask: assign(({ context }) => {
      let next: Pick<Context, 'log' | 'nextId'> = context;
      for (const line of askLines(context.step ?? '', context.answers, context.area)) next = botLine(next, line.key, line.vars, line.variant);
      return next;
    }),
    say: assign(({ context }, params: { key: string }) => botLine(context, params.key)),
    sayOutside: assign(({ context }) => botLine(context, 'questions.area.outsidePrompt', { place: context.elsewhere ?? '' })),
    askPreset: assign(({ context }) => botLine(context, 'questions.area.presetPrompt', { area: context.presetArea?.name ?? '' })),
    hold: assign(({ event }) => (event.type === 'answer.submit' ? { pending: event.values } : {})),
    echoValues: assign(({ context }) => personLine(context, echo(context, context.pending))),
    echoKey: assign(({ context }, params: { key: string }) => personLine(context, { key: params.key })),
    echoText: assign(({ context, event }) => (event.type === 'place.find' ? personLine(context, { text: event.text.trim() }) : {})),
    echoPlace: assign(({ context, event }) => (event.type === 'place.choose' ? personLine(context, { text: event.name }) : {})),
    record: assign(({ context }) => {
      const answers: Answers = { ...context.answers };
      for (const entry of fieldsOf(context, context.pending)) {
        const value = context.pending[entry.id];
        answers[entry.id] = isAnswered(value) ? (normalise(entry, value) as Answers[string]) : undefined;
      }
      return { answers, problems: [], pending: {} };
    }),
    setProblems: assign(({ event }) => ({ problems: (event as unknown as { output: FieldIssue[] }).output.map((issue) => ({ field: issue.path, code: issue.code })) })),
    setNotOffered: assign(({ context }) => ({ problems: [{ field: fieldsOf(context)[0]?.id ?? '', code: 'not-an-option' }] })),
    setPlaceProblem: assign(({ context }, params: { key: string }) => ({ problems: [{ field: placeField(context)?.id ?? 'area', key: params.key }] })),
    keepDraft: assign(({ event }) => (event.type === 'place.find' ? { draft: event.text } : {})),
    recordFound: assign(({ context, event }) => {
      const result = lookupOutput(event);
      if (result.kind !== 'area') return {};
      return { answers: { ...context.answers, [placeField(context)?.id ?? 'area']: result.area.code }, problems: [], draft: '' };
    }),
    recordChosen: assign(({ context, event }) => (event.type === 'place.choose' ? { answers: { ...context.answers, [placeField(context)?.id ?? 'area']: event.code }, problems: [], draft: '' } : {})),
    recordChoices: assign(({ event }) => {
      const result = lookupOutput(event);
      if (result.kind !== 'choice') return {};
      return { placeOptions: result.options.map((option) => (option.area ? { code: option.area.code, name: option.area.name } : { code: 'scotland', name: 'Scotland' })), problems: [] };
    }),
    recordOutside: assign(({ event }) => {
      const result = lookupOutput(event);
      return result.kind === 'outside' ? { elsewhere: result.place, problems: [] } : {};
    }),
    recordScotland: assign({ elsewhere: 'Scotland' }),
    recordArea: assign(({ context, event }) => {
      const area = (event as unknown as { output: AreaFacts }).output;
      let next = botLine(context, 'route.found', { area: area.name });
      next = botLine(next, routeKey(area), areaVars(area));
      return { ...next, area };
    }),
    forgetArea: assign(({ context }) => ({ area: undefined, answers: { ...context.answers, area: undefined }, presetArea: undefined })),
    advance: assign(({ context }) => ({ history: context.step ? [...context.history, context.step] : context.history, step: following(context) })),
    goBack: assign(({ context }) => ({ step: context.history.at(-1), history: context.history.slice(0, -1), problems: [] })),
    goToArea: assign(({ context }) => ({ history: context.step ? [...context.history, context.step] : context.history, step: 'area', answers: { ...context.answers, area: undefined }, presetArea: undefined })),
    endBack: assign({ ended: 'back' as const }),
  },
}).createMachine({
  id: 'questions',
  context: ({ input }) => ({
    answers: input.answers,
    phase: input.phase,
    mode: input.mode ?? 'flow',
    only: input.only,
    step: input.startAt,
    // Resuming a flow part-way (Back from what the answers mean, or from check your answers): the
    // steps before it are its history, so Back keeps going back one question at a time.
    history: input.startAt && (input.mode ?? 'flow') === 'flow' ? stepsBefore(input.startAt, input.answers, input.phase, input.only) : [],
    presetArea: input.presetArea,
    area: input.area,
    draft: '',
    placeOptions: [],
    elsewhere: undefined,
    problems: [],
    pending: {},
    log: [],
    nextId: input.nextId,
    ended: 'done',
  }),
  initial: 'starting',
  states: {
    starting: {
      entry: 'start',
      always: [{ guard: 'hasStep', target: 'asking' }, { target: 'finished' }],
    },
    asking: {
      initial: 'choosing',
      states: {
        choosing: { always: [{ guard: 'presetHere', target: 'confirmingPreset' }, { target: 'question' }] },
        question: {
          entry: 'ask',
          on: {
            'answer.submit': [{ guard: 'offered', actions: 'hold', target: 'checking' }, { actions: 'setNotOffered' }],
            'place.find': [
              { guard: 'hasText', actions: ['keepDraft', 'echoText'], target: 'lookingUp' },
              { actions: { type: 'setPlaceProblem', params: { key: 'questions.area.errors.empty' } } },
            ],
            'place.list': { guard: 'isPlaceStep', actions: { type: 'echoKey', params: { key: 'questions.area.chooseFromList' } }, target: 'listing' },
            'place.wrong': { actions: [{ type: 'echoKey', params: { key: 'questions.happenedHere.wrongArea' } }, 'goToArea'], target: '#questions.asking' },
          },
        },
        confirmingPreset: {
          entry: 'askPreset',
          on: {
            'place.confirm': [
              { guard: 'confirmed', actions: { type: 'echoKey', params: { key: 'common.yes' } }, target: 'loadingArea' },
              { actions: [{ type: 'echoKey', params: { key: 'common.no' } }, 'forgetArea'], target: 'question' },
            ],
          },
        },
        lookingUp: {
          invoke: {
            id: 'lookup',
            src: 'lookupPlace',
            input: ({ context }) => ({ text: context.draft }),
            onDone: [
              { guard: 'found', actions: 'recordFound', target: 'placed' },
              { guard: 'foundChoice', actions: 'recordChoices', target: 'choosingPlace' },
              { guard: 'foundOutside', actions: 'recordOutside', target: 'outside' },
              { actions: { type: 'setPlaceProblem', params: { key: 'questions.area.errors.invalid' } }, target: 'retyping' },
            ],
            onError: { actions: { type: 'setPlaceProblem', params: { key: 'questions.area.errors.unavailable' } }, target: 'listing' },
          },
        },
        // Asked again without saying the question twice: the error is beside the box, with what was typed.
        retyping: {
          on: {
            'place.find': [
              { guard: 'hasText', actions: ['keepDraft', 'echoText'], target: 'lookingUp' },
              { actions: { type: 'setPlaceProblem', params: { key: 'questions.area.errors.empty' } } },
            ],
            'place.list': { actions: { type: 'echoKey', params: { key: 'questions.area.chooseFromList' } }, target: 'listing' },
            'answer.submit': [{ guard: 'offered', actions: 'hold', target: 'checking' }, { actions: 'setNotOffered' }],
          },
        },
        // The answers are checked against the schema's rules; the question stays on screen meanwhile.
        checking: {
          invoke: {
            id: 'check',
            src: 'checkStep',
            input: ({ context }) => ({ values: context.pending, fields: fieldsOf(context, context.pending).map((entry) => entry.id) }),
            onDone: [
              { guard: 'passed', actions: ['echoValues', 'record'], target: '#questions.advancing' },
              { actions: 'setProblems', target: 'answered' },
            ],
            onError: { actions: 'setNotOffered', target: 'answered' },
          },
        },
        // Back at the question after a problem: asked again without saying it twice.
        answered: {
          on: {
            'answer.submit': [{ guard: 'offered', actions: 'hold', target: 'checking' }, { actions: 'setNotOffered' }],
          },
        },
        choosingPlace: {
          entry: { type: 'say', params: { key: 'questions.area.choicePrompt' } },
          on: {
            'nav.back': { actions: { type: 'echoKey', params: { key: 'common.back' } }, target: 'question' },
            'place.choose': [
              { guard: 'choseScotland', actions: ['echoPlace', 'recordScotland'], target: 'outside' },
              { guard: 'isAreaCode', actions: ['echoPlace', 'recordChosen'], target: 'placed' },
            ],
          },
        },
        listing: {
          entry: { type: 'say', params: { key: 'questions.area.listPrompt' } },
          on: {
            'place.choose': { guard: 'isAreaCode', actions: ['echoPlace', 'recordChosen'], target: 'placed' },
            'nav.back': { actions: { type: 'echoKey', params: { key: 'common.back' } }, target: 'question' },
          },
        },
        outside: {
          entry: 'sayOutside',
          on: {
            'place.retry': { actions: { type: 'echoKey', params: { key: 'questions.area.retry' } }, target: 'question' },
            'nav.back': { actions: { type: 'echoKey', params: { key: 'common.back' } }, target: 'question' },
          },
        },
        placed: { always: [{ guard: 'confirmsPlace', target: 'loadingArea' }, { target: '#questions.advancing' }] },
        loadingArea: {
          invoke: {
            id: 'area',
            src: 'loadArea',
            input: ({ context }) => ({ code: String(context.answers.area ?? '') }),
            onDone: { actions: 'recordArea', target: '#questions.advancing' },
            onError: { actions: { type: 'say', params: { key: 'outcome.areaUnavailable' } }, target: '#questions.advancing' },
          },
        },
      },
      on: {
        'nav.back': [
          { guard: 'canGoBack', actions: [{ type: 'echoKey', params: { key: 'common.back' } }, 'goBack'], target: '.choosing' },
          { actions: [{ type: 'echoKey', params: { key: 'common.back' } }, 'endBack'], target: 'finished' },
        ],
      },
    },
    advancing: {
      always: [{ guard: 'hasNext', actions: 'advance', target: 'asking' }, { target: 'finished' }],
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, answers: prune(context.answers), log: context.log, nextId: context.nextId, area: context.area, lastStep: context.step }),
});

function routeKey(area: AreaFacts): string {
  if (area.route === 'direct') return area.provider ? 'route.direct' : 'route.directNoProvider';
  return `route.${area.route}`;
}

/** A chosen option must be one offered now (some depend on earlier answers). */
function optionsValid(context: Context, values: Answers): boolean {
  const answers = { ...context.answers, ...values };
  return fieldsOf(context, values).every((entry) => {
    const value = values[entry.id];
    if (value === undefined || (entry.kind !== 'choice' && entry.kind !== 'multi')) return true;
    const offered = optionsFor(entry, answers);
    return Array.isArray(value) ? value.every((item) => offered.includes(item)) : offered.includes(String(value));
  });
}

