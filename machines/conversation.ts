import { assign, fromPromise, setup, type AnyActorLogic } from 'xstate';
import type { HeardFrom } from '../functions/referral/options.ts';
import type { AreaFacts } from './area-facts.ts';
import type { detailsMachine, DetailsStep } from './details.ts';
import { explainMachine, type ExplainOutput } from './explain.ts';
import { botLine, personLine } from './log.ts';
import { assess, referralPossible, type Assessment } from './outcome.ts';
import { toReferral } from './referral.ts';
import { screenMachine, type ScreenStep } from './screen.ts';
import type { ChangeableField, SendOutput, sendMachine } from './send.ts';
import type { Answers, Line, StepOutput } from './types.ts';

/**
 * The guided conversation. It says what it is and is not, then offers: learn about restorative
 * justice (explain), check whether it could work (screen → outcome), ask for a referral (screen →
 * outcome → details → check and send), or find the local service. "I need help now" opens from any
 * step without losing the place; "start again" forgets everything.
 *
 * Each phase is its own chart, invoked here; the phase hands back its answers and its part of the
 * transcript. Side effects are actors the island provides: looking a place up, loading an area's
 * facts, sending the referral. Nothing here touches React, fetch or the window.
 */
export type MenuChoice = 'learn' | 'check' | 'refer' | 'find';

export type ConversationEvent =
  | { type: 'menu.choose'; choice: MenuChoice }
  | { type: 'menu.open' }
  | { type: 'referral.start' }
  | { type: 'nav.back' }
  | { type: 'help.open' }
  | { type: 'help.close' }
  | { type: 'conversation.restart' }
  /** What the page address says: the area the person came from, how they heard about us, where to start. */
  | { type: 'conversation.preset'; area?: { code: string; name: string }; heardFrom?: HeardFrom; start?: MenuChoice };

type Context = {
  answers: Answers;
  transcript: Line[];
  nextId: number;
  presetAreaName: string | undefined;
  heardFromKnown: boolean;
  area: AreaFacts | undefined;
  assessment: Assessment | undefined;
  idempotencyKey: string;
  reference: string | undefined;
  change: ChangeableField | undefined;
};

const screenFields: readonly string[] = ['asker', 'place', 'harm', 'reported', 'responsibleKnown', 'admitted', 'stage', 'responsibleUnder18', 'askerUnder18'];

function fresh(): Context {
  return {
    answers: {},
    transcript: [
      { id: 0, from: 'bot', key: 'conversation.intro' },
      { id: 1, from: 'bot', key: 'conversation.menu' },
    ],
    nextId: 2,
    presetAreaName: undefined,
    heardFromKnown: false,
    area: undefined,
    assessment: undefined,
    idempotencyKey: '',
    reference: undefined,
    change: undefined,
  };
}

/**
 * Stands in for a phase chart that is supplied with `.provide()`: the referral phase (details, then
 * check and send) is loaded by the island only when someone asks for a referral, with the schema it
 * checks answers against, so the first page load stays small.
 */
function providedLater<T extends AnyActorLogic>(name: string): T {
  return fromPromise(async () => {
    throw new Error(`the ${name} chart is provided with .provide()`);
  }) as unknown as T;
}

type PhaseDone = { output: StepOutput };

/** What every screening phase starts from. */
const screenInput = (context: Context) => ({ answers: context.answers, nextId: context.nextId, presetAreaName: context.presetAreaName });
/** What every details phase starts from. */
const detailsInput = (context: Context) => ({
  answers: context.answers,
  nextId: context.nextId,
  providerName: context.area?.provider?.name ?? '',
  heardFromKnown: context.heardFromKnown,
});
const phaseOutput = (event: unknown) => (event as PhaseDone).output;

/** The transcript helpers (log.ts) over this chart's `transcript`. */
function bot(context: Pick<Context, 'transcript' | 'nextId'>, key: string, vars?: Record<string, string>) {
  const next = botLine({ log: context.transcript, nextId: context.nextId }, key, vars);
  return { transcript: next.log, nextId: next.nextId };
}
function person(context: Pick<Context, 'transcript' | 'nextId'>, line: { key: string }) {
  const next = personLine({ log: context.transcript, nextId: context.nextId }, line);
  return { transcript: next.log, nextId: next.nextId };
}

export const conversationMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ConversationEvent,
  },
  actors: {
    explain: explainMachine,
    screen: screenMachine,
    details: providedLater<typeof detailsMachine>('details'),
    send: providedLater<typeof sendMachine>('send'),
    /** Loads an area's facts (provider, contacts, notes) from our own data. Provided by the island. */
    loadArea: fromPromise<AreaFacts, { code: string }>(async () => {
      throw new Error('loadArea is provided by the island');
    }),
  },
  guards: {
    chose: ({ event }, params: { choice: MenuChoice }) => event.type === 'menu.choose' && event.choice === params.choice,
    startsWith: ({ event }, params: { choice: MenuChoice }) => event.type === 'conversation.preset' && event.start === params.choice,
    wentBack: ({ event }) => phaseOutput(event).ended === 'back',
    wantsCheck: ({ event }) => (event as unknown as { output: ExplainOutput }).output.ended === 'check',
    canRefer: ({ context }) => Boolean(context.area?.acceptsReferrals && context.assessment && referralPossible(context.assessment)),
    sent: ({ event }) => (event as unknown as { output: SendOutput }).output.ended === 'sent',
    changeInScreen: ({ event }) => screenFields.includes((event as unknown as { output: SendOutput }).output.change ?? ''),
    changeInDetails: ({ event }) => (event as unknown as { output: SendOutput }).output.ended === 'change',
  },
  actions: {
    echoMenu: assign(({ context, event }) => (event.type === 'menu.choose' ? person(context, { key: `conversation.choices.${event.choice}` }) : {})),
    echo: assign(({ context }, params: { key: string }) => person(context, { key: params.key })),
    sayMenu: assign(({ context }) => bot(context, 'conversation.menu')),
    applyPreset: assign(({ context, event }) => {
      if (event.type !== 'conversation.preset') return {};
      return {
        answers: { ...context.answers, ...(event.area ? { area: event.area.code } : {}), ...(event.heardFrom ? { heardFrom: event.heardFrom } : {}) },
        presetAreaName: event.area?.name ?? context.presetAreaName,
        heardFromKnown: context.heardFromKnown || event.heardFrom !== undefined,
      };
    }),
    takePhase: assign(({ context, event }) => {
      const output = phaseOutput(event);
      return {
        answers: output.answers ?? context.answers,
        transcript: [...context.transcript, ...output.log],
        nextId: output.nextId,
      };
    }),
    takeLog: assign(({ context, event }) => {
      const output = (event as unknown as { output: { log: Line[]; nextId: number } }).output;
      return { transcript: [...context.transcript, ...output.log], nextId: output.nextId };
    }),
    recordArea: assign(({ context, event }) => {
      const area = (event as unknown as { output: AreaFacts }).output;
      return { area, presetAreaName: area.name, assessment: context.answers.harm ? assess(toScreening(context.answers), context.answers.asker) : undefined };
    }),
    forgetArea: assign({ area: undefined }),
    sayService: assign(({ context }) => bot(context, 'service.prompt', { area: context.area?.name ?? '' })),
    sayAreaUnavailable: assign(({ context }) => bot(context, 'outcome.areaUnavailable')),
    sayOutcome: assign(({ context }) => {
      const assessment = context.assessment;
      if (!assessment) return {};
      const area = context.area;
      let next = bot(context, `outcome.kinds.${assessment.kind}`, { area: area?.name ?? '' });
      for (const reason of assessment.reasons) next = bot({ ...next }, `outcome.reasons.${reason}`);
      for (const note of assessment.notes) next = bot({ ...next }, `outcome.notes.${note}`);
      if (area) next = bot(next, area.provider ? 'outcome.provider' : 'outcome.noProvider', { area: area.name, provider: area.provider?.name ?? '' });
      if (area && referralPossible(assessment)) next = bot(next, area.acceptsReferrals ? 'outcome.offerReferral' : 'outcome.contactDirectly', { provider: area.provider?.name ?? '' });
      return next;
    }),
    newKey: assign({ idempotencyKey: () => globalThis.crypto.randomUUID() }),
    takeSent: assign(({ context, event }) => {
      const output = (event as unknown as { output: SendOutput }).output;
      return { transcript: [...context.transcript, ...output.log], nextId: output.nextId, reference: output.reference };
    }),
    takeChange: assign(({ context, event }) => {
      const output = (event as unknown as { output: SendOutput }).output;
      return { transcript: [...context.transcript, ...output.log], nextId: output.nextId, change: output.change };
    }),
    reassess: assign(({ context }) => ({ assessment: assess(toScreening(context.answers), context.answers.asker) })),
    restart: assign(() => fresh()),
  },
}).createMachine({
  id: 'conversation',
  context: fresh,
  type: 'parallel',
  on: {
    'conversation.restart': { target: ['.flow.start', '.help.closed'], actions: 'restart' },
  },
  states: {
    help: {
      initial: 'closed',
      states: {
        closed: { on: { 'help.open': 'open' } },
        open: { meta: { step: 'help' }, on: { 'help.close': 'closed' } },
      },
    },
    flow: {
      initial: 'start',
      states: {
        start: {
          meta: { step: 'menu' },
          on: {
            'conversation.preset': [
              { guard: { type: 'startsWith', params: { choice: 'learn' } }, actions: ['applyPreset', { type: 'echo', params: { key: 'conversation.choices.learn' } }], target: 'explaining' },
              { guard: { type: 'startsWith', params: { choice: 'check' } }, actions: ['applyPreset', { type: 'echo', params: { key: 'conversation.choices.check' } }], target: 'screening' },
              { guard: { type: 'startsWith', params: { choice: 'refer' } }, actions: ['applyPreset', { type: 'echo', params: { key: 'conversation.choices.refer' } }], target: 'screening' },
              { guard: { type: 'startsWith', params: { choice: 'find' } }, actions: ['applyPreset', { type: 'echo', params: { key: 'conversation.choices.find' } }], target: 'finding' },
              { actions: 'applyPreset' },
            ],
            'menu.choose': [
              { guard: { type: 'chose', params: { choice: 'learn' } }, actions: 'echoMenu', target: 'explaining' },
              { guard: { type: 'chose', params: { choice: 'check' } }, actions: 'echoMenu', target: 'screening' },
              { guard: { type: 'chose', params: { choice: 'refer' } }, actions: 'echoMenu', target: 'screening' },
              { guard: { type: 'chose', params: { choice: 'find' } }, actions: 'echoMenu', target: 'finding' },
            ],
          },
        },
        menu: {
          // Back at the menu after a phase: the same choices, asked again.
          entry: 'sayMenu',
          always: 'start',
        },
        explaining: {
          invoke: {
            id: 'phase',
            src: 'explain',
            input: ({ context }) => ({ nextId: context.nextId }),
            onDone: [
              { guard: 'wantsCheck', actions: 'takeLog', target: 'screening' },
              { actions: 'takeLog', target: 'menu' },
            ],
          },
        },
        finding: {
          invoke: {
            id: 'phase',
            src: 'screen',
            input: ({ context }) => ({ ...screenInput(context), scope: 'place' as const }),
            onDone: [
              { guard: 'wentBack', actions: 'takePhase', target: 'menu' },
              { actions: 'takePhase', target: 'loadingService' },
            ],
          },
        },
        loadingService: {
          invoke: {
            id: 'area',
            src: 'loadArea',
            input: ({ context }) => ({ code: context.answers.area ?? '' }),
            onDone: { actions: ['recordArea', 'sayService'], target: 'service' },
            onError: { actions: ['forgetArea', 'sayAreaUnavailable'], target: 'service' },
          },
        },
        service: {
          meta: { step: 'service' },
          on: {
            'menu.choose': [
              { guard: { type: 'chose', params: { choice: 'check' } }, actions: 'echoMenu', target: 'screening' },
              { guard: { type: 'chose', params: { choice: 'refer' } }, actions: 'echoMenu', target: 'screening' },
            ],
            'menu.open': { actions: { type: 'echo', params: { key: 'common.backToMenu' } }, target: 'menu' },
            'nav.back': { actions: { type: 'echo', params: { key: 'common.back' } }, target: 'finding' },
          },
        },
        screening: {
          invoke: {
            id: 'phase',
            src: 'screen',
            input: ({ context }) => screenInput(context),
            onDone: [
              { guard: 'wentBack', actions: 'takePhase', target: 'menu' },
              { actions: 'takePhase', target: 'assessing' },
            ],
          },
        },
        resuming: {
          // Back from the outcome: the last screening question again.
          invoke: {
            id: 'phase',
            src: 'screen',
            input: ({ context }) => ({ ...screenInput(context), startAt: 'askerUnder18' as ScreenStep }),
            onDone: [
              { guard: 'wentBack', actions: 'takePhase', target: 'menu' },
              { actions: 'takePhase', target: 'assessing' },
            ],
          },
        },
        assessing: {
          invoke: {
            id: 'area',
            src: 'loadArea',
            input: ({ context }) => ({ code: context.answers.area ?? '' }),
            onDone: { actions: ['recordArea', 'sayOutcome'], target: 'outcome' },
            onError: { actions: ['forgetArea', 'reassess', 'sayAreaUnavailable', 'sayOutcome'], target: 'outcome' },
          },
        },
        outcome: {
          meta: { step: 'outcome' },
          on: {
            'referral.start': { guard: 'canRefer', actions: { type: 'echo', params: { key: 'outcome.choices.refer' } }, target: 'details' },
            'nav.back': { actions: { type: 'echo', params: { key: 'common.back' } }, target: 'resuming' },
            'menu.open': { actions: { type: 'echo', params: { key: 'common.backToMenu' } }, target: 'menu' },
          },
        },
        details: {
          invoke: {
            id: 'phase',
            src: 'details',
            input: ({ context }) => ({ ...detailsInput(context), answers: { language: 'English', ...context.answers } }),
            onDone: [
              { guard: 'wentBack', actions: ['takePhase', 'sayOutcome'], target: 'outcome' },
              { actions: ['takePhase', 'newKey'], target: 'checking' },
            ],
          },
        },
        lastDetail: {
          // Back from check your answers: the last details question again.
          invoke: {
            id: 'phase',
            src: 'details',
            input: ({ context }) => ({ ...detailsInput(context), startAt: 'consent' as DetailsStep }),
            onDone: { actions: ['takePhase', 'newKey'], target: 'checking' },
          },
        },
        checking: {
          invoke: {
            id: 'phase',
            src: 'send',
            input: ({ context }) => ({
              referral: toReferral(context.answers, { idempotencyKey: context.idempotencyKey }),
              providerName: context.area?.provider?.name ?? '',
              nextId: context.nextId,
            }),
            onDone: [
              { guard: 'sent', actions: 'takeSent', target: 'sent' },
              { guard: 'changeInScreen', actions: 'takeChange', target: 'changingScreen' },
              { guard: 'changeInDetails', actions: 'takeChange', target: 'changingDetails' },
              { actions: 'takeLog', target: 'lastDetail' },
            ],
          },
        },
        changingScreen: {
          invoke: {
            id: 'phase',
            src: 'screen',
            input: ({ context }) => ({ ...screenInput(context), presetAreaName: undefined, mode: 'change' as const, startAt: context.change as ScreenStep }),
            onDone: { actions: ['takePhase', 'newKey'], target: 'reassessing' },
          },
        },
        reassessing: {
          invoke: {
            id: 'area',
            src: 'loadArea',
            input: ({ context }) => ({ code: context.answers.area ?? '' }),
            onDone: [
              { actions: 'recordArea', target: 'afterReassessing' },
            ],
            onError: { actions: ['forgetArea', 'reassess', 'sayAreaUnavailable', 'sayOutcome'], target: 'outcome' },
          },
        },
        afterReassessing: {
          // A changed answer can mean a referral is no longer possible here: then say why.
          always: [{ guard: 'canRefer', target: 'checking' }, { actions: 'sayOutcome', target: 'outcome' }],
        },
        changingDetails: {
          invoke: {
            id: 'phase',
            src: 'details',
            input: ({ context }) => ({ ...detailsInput(context), mode: 'change' as const, startAt: context.change as DetailsStep }),
            onDone: { actions: ['takePhase', 'newKey'], target: 'checking' },
          },
        },
        sent: { meta: { step: 'sent' } },
      },
    },
  },
});

function toScreening(answers: Answers) {
  return {
    harm: answers.harm ?? 'prefer-not-to-say',
    reported: answers.reported ?? 'not-sure',
    responsibleKnown: answers.responsibleKnown ?? 'not-sure',
    admitted: answers.admitted ?? 'not-sure',
    stage: answers.stage ?? 'not-sure',
    responsibleUnder18: answers.responsibleUnder18 ?? 'not-sure',
    askerUnder18: answers.askerUnder18 ?? 'prefer-not-to-say',
  } as const;
}
