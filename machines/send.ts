import { assign, fromPromise, setup } from 'xstate';
import { stepById, stepsAsked } from '../referral/catalogue.ts';
import { answersComplete } from '../referral/complete.ts';
import { noSafeWay } from '../referral/rules.ts';
import type { Referral } from '../referral/schema.ts';
import type { AreaFacts } from './area-facts.ts';
import { botLine, personLine } from './log.ts';
import type { Answers, Line } from './types.ts';

/**
 * Check your answers, then send: the person sees every answer with a Change link; the send button
 * names who receives it; "sending" until the function answers; then the reference, or on failure a
 * calm message, every answer still in memory, and "try again" with the same idempotency key (so a retry
 * can never send twice). The sending itself is the `submitReferral` actor the island provides.
 */
export type SubmitFailure = {
  /** `unavailable`: delivery or the network failed (try again); `not-accepting`: use the contacts; `invalid`: the answers need a change; `busy`: wait and try again. */
  kind: 'unavailable' | 'not-accepting' | 'invalid' | 'busy';
};
export type Submitted = { reference: string; delivery?: 'confirmed' | 'unconfirmed' };

export type SendInput = { answers: Answers; idempotencyKey: string; area: AreaFacts | undefined; nextId: number };
export type SendOutput = { ended: 'sent' | 'change' | 'back'; reference?: string; delivery?: 'confirmed' | 'unconfirmed'; change?: string; log: Line[]; nextId: number };
export type SendEvent = { type: 'referral.send' } | { type: 'referral.retry' } | { type: 'answer.change'; step: string } | { type: 'nav.back' };

type Context = {
  referral: Referral;
  area: AreaFacts | undefined;
  log: Line[];
  nextId: number;
  failure: SubmitFailure['kind'] | undefined;
  problem: string | undefined;
  reference: string | undefined;
  delivery: 'confirmed' | 'unconfirmed' | undefined;
  change: string | undefined;
  ended: SendOutput['ended'];
};

const recipient = (context: Context) => ({ recipient: context.area?.recipient ?? '' });

export const sendMachine = setup({
  types: {
    context: {} as Context,
    events: {} as SendEvent,
    input: {} as SendInput,
    output: {} as SendOutput,
  },
  actors: {
    /** Posts the referral to /api/referral. Provided by the island (no fetch in the charts). */
    submitReferral: fromPromise<Submitted, { referral: Referral }>(async () => {
      throw new Error('submitReferral is provided by the island');
    }),
  },
  guards: {
    referralIsComplete: ({ context }) => answersComplete(context.referral.answers).length === 0,
    /** A Change link goes to a step that was asked. */
    canChange: ({ context, event }) => event.type === 'answer.change' && stepsAsked(context.referral.answers).includes(event.step) && Boolean(stepById(event.step)),
    failedToDeliver: ({ context }) => context.failure === 'unavailable' || context.failure === 'busy',
  },
  actions: {
    // No way is safe: said again, with the service's details, each time the answers are checked
    // (after the questions, after Back, after a change).
    askCheck: assign(({ context }) => {
      const kind = noSafeWay(context.referral.answers) ? botLine(context, 'noSafeWay', recipient(context)) : context;
      return botLine(kind, 'check.prompt', recipient(context));
    }),
    echo: assign(({ context }, params: { key: string }) => personLine(context, { key: params.key })),
    saySending: assign(({ context }) => botLine(context, 'sending.prompt', recipient(context))),
    recordSent: assign(({ context, event }) => {
      const { reference, delivery = 'confirmed' } = (event as unknown as { output: Submitted }).output;
      const key = delivery === 'unconfirmed' ? 'sent.unconfirmed' : 'sent.prompt';
      return { ...botLine(context, key, { reference, ...recipient(context) }), reference, delivery, failure: undefined, ended: 'sent' as const };
    }),
    recordFailure: assign(({ context, event }) => {
      const error = (event as unknown as { error: unknown }).error;
      const kind = (error as Partial<SubmitFailure> | undefined)?.kind ?? 'unavailable';
      return { ...botLine(context, `failed.${kind}`, recipient(context)), failure: kind };
    }),
    recordChange: assign(({ context, event }) => {
      if (event.type !== 'answer.change') return {};
      return { ...personLine(context, { key: `questions.${stepById(event.step)?.fields[0]?.id ?? event.step}.change` }), change: event.step, ended: 'change' as const };
    }),
    setIncomplete: assign({ problem: 'check.errors.incomplete' }),
    endBack: assign({ ended: 'back' as const }),
  },
}).createMachine({
  id: 'send',
  context: ({ input }) => ({
    referral: { answers: input.answers as Referral['answers'], idempotencyKey: input.idempotencyKey },
    area: input.area,
    log: [],
    nextId: input.nextId,
    failure: undefined,
    problem: undefined,
    reference: undefined,
    delivery: undefined,
    change: undefined,
    ended: 'back',
  }),
  initial: 'checking',
  states: {
    checking: {
      meta: { step: 'check' },
      entry: 'askCheck',
      on: {
        'referral.send': [
          { guard: 'referralIsComplete', actions: { type: 'echo', params: { key: 'check.send' } }, target: 'sending' },
          { actions: 'setIncomplete' },
        ],
        'answer.change': { guard: 'canChange', actions: 'recordChange', target: 'finished' },
        'nav.back': { actions: [{ type: 'echo', params: { key: 'common.back' } }, 'endBack'], target: 'finished' },
      },
    },
    sending: {
      meta: { step: 'sending' },
      entry: 'saySending',
      invoke: {
        id: 'submit',
        src: 'submitReferral',
        input: ({ context }) => ({ referral: context.referral }),
        onDone: { actions: 'recordSent', target: 'finished' },
        onError: { actions: 'recordFailure', target: 'failed' },
      },
    },
    failed: {
      meta: { step: 'failed' },
      on: {
        'referral.retry': { guard: 'failedToDeliver', actions: { type: 'echo', params: { key: 'failed.retry' } }, target: 'sending' },
        'answer.change': { guard: 'canChange', actions: 'recordChange', target: 'finished' },
      },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, reference: context.reference, delivery: context.delivery, change: context.change, log: context.log, nextId: context.nextId }),
});
