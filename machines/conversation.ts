import { assign, fromPromise, setup, type AnyActorLogic } from 'xstate';
import { stepById } from '../referral/catalogue.ts';
import { areaVars, siteMaySend } from '../referral/outcome.ts';
import { assess, type Assessment } from '../referral/rules.ts';
import type { CampaignCode } from '../referral/vocabulary.ts';
import type { AreaFacts } from './area-facts.ts';
import { explainMachine, type ExplainOutput } from './explain.ts';
import { botLine, personLine } from './log.ts';
import type { questionsMachine, QuestionsOutput } from './questions.ts';
import type { sendMachine, SendOutput } from './send.ts';
import type { Answers, Line } from './types.ts';

/**
 * The guided conversation. It says what it is and is not, then offers: learn about restorative justice
 * (explain), check whether it could work (the screening questions, then what the answers mean), ask for
 * a referral (the same, then the referral questions, check your answers and send), or find the local
 * service. "I need help now" opens from any step without losing the place; "Start again" asks first.
 *
 * The questions are asked by one chart (questions.ts) that reads the catalogue; a Change link on check
 * your answers runs it again from that step. Side effects are actors the island provides: looking a
 * place up, loading an area's facts, sending the referral. Nothing here touches React, fetch or the window.
 */
export type MenuChoice = 'learn' | 'check' | 'refer' | 'find';

export type ConversationEvent =
  | { type: 'menu.choose'; choice: MenuChoice }
  | { type: 'menu.open' }
  | { type: 'referral.start' }
  | { type: 'nav.back' }
  | { type: 'help.open' }
  | { type: 'help.close' }
  | { type: 'restart.ask' }
  | { type: 'restart.cancel' }
  /** Forgets everything at once (the quick exit, or "Start again" confirmed). */
  | { type: 'conversation.restart' }
  /** What the page address says: the area the person came from, a campaign code, where to start. */
  | { type: 'conversation.preset'; area?: { code: string; name: string }; campaign?: CampaignCode; start?: MenuChoice };

type Context = {
  answers: Answers;
  transcript: Line[];
  nextId: number;
  presetArea: { code: string; name: string } | undefined;
  area: AreaFacts | undefined;
  assessment: Assessment | undefined;
  /** The last screening step asked (Back from what the answers mean goes to it). */
  lastScreenStep: string | undefined;
  /** The last referral step asked (Back from check your answers goes to it). */
  lastDetailsStep: string | undefined;
  idempotencyKey: string;
  reference: string | undefined;
  delivery: 'confirmed' | 'unconfirmed' | undefined;
  /** The step a Change link asks again. */
  change: string | undefined;
};

function fresh(): Context {
  return {
    answers: {},
    transcript: [
      { id: 0, from: 'bot', key: 'conversation.intro' },
      { id: 1, from: 'bot', key: 'conversation.menu' },
    ],
    nextId: 2,
    presetArea: undefined,
    area: undefined,
    assessment: undefined,
    lastScreenStep: undefined,
    lastDetailsStep: undefined,
    idempotencyKey: '',
    reference: undefined,
    delivery: undefined,
    change: undefined,
  };
}

type Say = Pick<Context, 'transcript' | 'nextId'>;
function bot(context: Say, key: string, vars?: Record<string, string>): Say {
  const next = botLine({ log: context.transcript, nextId: context.nextId }, key, vars);
  return { transcript: next.log, nextId: next.nextId };
}
function person(context: Say, key: string): Say {
  const next = personLine({ log: context.transcript, nextId: context.nextId }, { key });
  return { transcript: next.log, nextId: next.nextId };
}

const output = <T>(event: unknown) => (event as { output: T }).output;

/**
 * Stands in for a chart supplied with `.provide()`: the island loads the question and send charts just
 * after the page (they are not needed to show the menu), so the first download stays small. Tests
 * provide them directly.
 */
function providedLater<T extends AnyActorLogic>(name: string): T {
  return fromPromise(async () => {
    throw new Error(`the ${name} chart is provided with .provide()`);
  }) as unknown as T;
}



export const conversationMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ConversationEvent,
  },
  actors: {
    explain: explainMachine,
    questions: providedLater<typeof questionsMachine>('questions'),
    send: providedLater<typeof sendMachine>('send'),
  },
  guards: {
    chose: ({ event }, params: { choice: MenuChoice }) => event.type === 'menu.choose' && event.choice === params.choice,
    startsWith: ({ event }, params: { choice: MenuChoice }) => event.type === 'conversation.preset' && event.start === params.choice,
    wentBack: ({ event }) => output<QuestionsOutput>(event).ended === 'back',
    wantsCheck: ({ event }) => output<ExplainOutput>(event).ended === 'check',
    canRefer: ({ context }) => siteMaySend(context.answers, context.area),
    sent: ({ event }) => output<SendOutput>(event).ended === 'sent',
    changing: ({ event }) => output<SendOutput>(event).ended === 'change',
  },
  actions: {
    echoMenu: assign(({ context, event }) => (event.type === 'menu.choose' ? person(context, `conversation.choices.${event.choice}`) : {})),
    echo: assign(({ context }, params: { key: string }) => person(context, params.key)),
    sayMenu: assign(({ context }) => bot(context, 'conversation.menu')),
    applyPreset: assign(({ context, event }) => {
      if (event.type !== 'conversation.preset') return {};
      return {
        answers: { ...context.answers, ...(event.area ? { area: event.area.code } : {}), ...(event.campaign ? { campaign: event.campaign } : {}) },
        presetArea: event.area ?? context.presetArea,
      };
    }),
    takeQuestions: assign(({ context, event }) => {
      const done = output<QuestionsOutput>(event);
      return { answers: done.answers, transcript: [...context.transcript, ...done.log], nextId: done.nextId, area: done.area ?? context.area };
    }),
    rememberLastScreenStep: assign(({ event }) => ({ lastScreenStep: output<QuestionsOutput>(event).lastStep })),
    rememberLastDetailsStep: assign(({ event }) => ({ lastDetailsStep: output<QuestionsOutput>(event).lastStep })),
    takeLog: assign(({ context, event }) => {
      const done = output<{ log: Line[]; nextId: number }>(event);
      return { transcript: [...context.transcript, ...done.log], nextId: done.nextId };
    }),
    sayService: assign(({ context }) => bot(context, 'service.prompt', areaVars(context.area))),
    /**
     * What the answers mean (referral/outcome.ts) is shown under its own heading below the transcript,
     * which records only that it was said; the assessment is kept for the island to show.
     */
    sayOutcome: assign(({ context }) => ({ ...bot(context, 'outcome.said'), assessment: assess(context.answers) })),
    newKey: assign({ idempotencyKey: () => globalThis.crypto.randomUUID() }),
    takeSent: assign(({ context, event }) => {
      const done = output<SendOutput>(event);
      return { transcript: [...context.transcript, ...done.log], nextId: done.nextId, reference: done.reference, delivery: done.delivery };
    }),
    takeChange: assign(({ context, event }) => {
      const done = output<SendOutput>(event);
      return { transcript: [...context.transcript, ...done.log], nextId: done.nextId, change: done.change };
    }),
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
        closed: { on: { 'help.open': 'open', 'restart.ask': 'confirmingRestart' } },
        open: { meta: { step: 'help' }, on: { 'help.close': 'closed', 'restart.ask': 'confirmingRestart' } },
        // "Start again" clears everything, so it asks first; "no" leaves the conversation as it was.
        confirmingRestart: { meta: { step: 'confirmRestart' }, on: { 'restart.cancel': 'closed', 'help.open': 'open' } },
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
            src: 'questions',
            input: ({ context }) => ({ answers: context.answers, phase: 'screen' as const, nextId: context.nextId, only: ['area'], presetArea: context.presetArea, area: context.area }),
            onDone: [
              { guard: 'wentBack', actions: 'takeQuestions', target: 'menu' },
              { actions: ['takeQuestions', 'sayService'], target: 'service' },
            ],
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
            src: 'questions',
            input: ({ context }) => ({ answers: context.answers, phase: 'screen' as const, nextId: context.nextId, presetArea: context.presetArea, area: context.area }),
            onDone: [
              { guard: 'wentBack', actions: 'takeQuestions', target: 'menu' },
              { actions: ['takeQuestions', 'rememberLastScreenStep', 'sayOutcome'], target: 'outcome' },
            ],
          },
        },
        resuming: {
          // Back from what the answers mean: the last screening question again, then on as before.
          invoke: {
            id: 'phase',
            src: 'questions',
            input: ({ context }) => ({ answers: context.answers, phase: 'screen' as const, nextId: context.nextId, startAt: context.lastScreenStep, area: context.area }),
            onDone: [
              // Back past the first question, as from the first question itself: the menu.
              { guard: 'wentBack', actions: 'takeQuestions', target: 'menu' },
              { actions: ['takeQuestions', 'rememberLastScreenStep', 'sayOutcome'], target: 'outcome' },
            ],
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
            src: 'questions',
            input: ({ context }) => ({ answers: context.answers, phase: 'details' as const, nextId: context.nextId, area: context.area }),
            onDone: [
              { guard: 'wentBack', actions: ['takeQuestions', 'sayOutcome'], target: 'outcome' },
              { actions: ['takeQuestions', 'rememberLastDetailsStep', 'newKey'], target: 'checking' },
            ],
          },
        },
        lastDetails: {
          // Back from check your answers: the last referral question again, then on as before.
          invoke: {
            id: 'phase',
            src: 'questions',
            input: ({ context }) => ({ answers: context.answers, phase: 'details' as const, nextId: context.nextId, startAt: context.lastDetailsStep, area: context.area }),
            onDone: [
              // Back past the first referral question, as from that question itself: what the answers mean.
              { guard: 'wentBack', actions: ['takeQuestions', 'sayOutcome'], target: 'outcome' },
              { actions: ['takeQuestions', 'rememberLastDetailsStep', 'newKey'], target: 'checking' },
            ],
          },
        },
        checking: {
          invoke: {
            id: 'phase',
            src: 'send',
            input: ({ context }) => ({ answers: context.answers, idempotencyKey: context.idempotencyKey, area: context.area, nextId: context.nextId }),
            onDone: [
              { guard: 'sent', actions: 'takeSent', target: 'sent' },
              { guard: 'changing', actions: 'takeChange', target: 'changing' },
              { actions: 'takeLog', target: 'lastDetails' },
            ],
          },
        },
        changing: {
          invoke: {
            id: 'phase',
            src: 'questions',
            input: ({ context }) => ({
              answers: context.answers,
              phase: stepById(context.change ?? '')?.phase ?? 'details',
              nextId: context.nextId,
              mode: 'change' as const,
              startAt: context.change,
              area: context.area,
            }),
            onDone: { actions: ['takeQuestions', 'newKey'], target: 'afterChange' },
          },
        },
        afterChange: {
          // A changed answer can mean this site may no longer send it: then say why.
          always: [{ guard: 'canRefer', target: 'checking' }, { actions: 'sayOutcome', target: 'outcome' }],
        },
        sent: { meta: { step: 'sent' } },
      },
    },
  },
});
