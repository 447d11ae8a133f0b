import { assign, fromPromise, setup } from 'xstate';
import type { ReferralInput } from '../functions/referral/schema.ts';
import { validateReferral } from '../functions/referral/validate.ts';
import { botLine, personLine } from './log.ts';
import type { Line, Problem } from './types.ts';

/**
 * Check your answers, then send: the person sees every answer with a Change link; the send button
 * says what it does; "sending" until the function answers; then the reference, or on failure a calm
 * message, every answer still in memory, and "try again" with the same idempotency key (so a retry
 * can never send twice). The sending itself is the `submitReferral` actor the island provides.
 */
export type SubmitFailure = {
  /** `unavailable`: delivery or the network failed (try again); `not-accepting`: use the contacts; `invalid`: the answers need a change; `busy`: wait and try again. */
  kind: 'unavailable' | 'not-accepting' | 'invalid' | 'busy';
};

/** Answers the Change links on check your answers can go back to. */
export const changeableFields = [
  'asker', 'place', 'harm', 'reported', 'responsibleKnown', 'admitted', 'stage', 'responsibleUnder18', 'askerUnder18',
  'name', 'contactMethods', 'language', 'accessNeeds', 'ways', 'crimeReference', 'message', 'heardFrom', 'consent',
] as const;
export type ChangeableField = (typeof changeableFields)[number];

export type SendInput = { referral: ReferralInput; providerName: string; nextId: number };
export type SendOutput = { ended: 'sent' | 'change' | 'back'; reference?: string; change?: ChangeableField; log: Line[]; nextId: number };
export type SendEvent = { type: 'referral.send' } | { type: 'referral.retry' } | { type: 'answer.change'; field: string } | { type: 'nav.back' };

type Context = {
  referral: ReferralInput;
  providerName: string;
  log: Line[];
  nextId: number;
  failure: SubmitFailure['kind'] | undefined;
  error: Problem | undefined;
  reference: string | undefined;
  change: ChangeableField | undefined;
  ended: SendOutput['ended'];
};

const isChangeable = (value: string): value is ChangeableField => (changeableFields as readonly string[]).includes(value);

export const sendMachine = setup({
  types: {
    context: {} as Context,
    events: {} as SendEvent,
    input: {} as SendInput,
    output: {} as SendOutput,
  },
  actors: {
    /** Posts the referral to /api/referral. Provided by the island (no fetch in the charts). */
    submitReferral: fromPromise<{ reference: string }, { referral: ReferralInput }>(async () => {
      throw new Error('submitReferral is provided by the island');
    }),
  },
  guards: {
    referralIsComplete: ({ context }) => validateReferral(context.referral).ok,
    canChange: ({ event }) => event.type === 'answer.change' && isChangeable(event.field),
    failedToDeliver: ({ context }) => context.failure === 'unavailable' || context.failure === 'busy',
  },
  actions: {
    askCheck: assign(({ context }) => botLine(context, 'check.prompt', { provider: context.providerName })),
    echo: assign(({ context }, params: { key: string }) => personLine(context, { key: params.key })),
    saySending: assign(({ context }) => botLine(context, 'sending.prompt', { provider: context.providerName })),
    recordSent: assign(({ context, event }) => {
      const { reference } = (event as unknown as { output: { reference: string } }).output;
      return { ...botLine(context, 'sent.prompt', { reference, provider: context.providerName }), reference, failure: undefined };
    }),
    recordFailure: assign(({ context, event }) => {
      const error = (event as unknown as { error: unknown }).error;
      const kind = (error as Partial<SubmitFailure> | undefined)?.kind ?? 'unavailable';
      return { ...botLine(context, `failed.${kind}`, { provider: context.providerName }), failure: kind };
    }),
    recordChange: assign(({ context, event }) => {
      if (event.type !== 'answer.change' || !isChangeable(event.field)) return {};
      return { ...personLine(context, { key: `check.change.${event.field}` }), change: event.field, ended: 'change' as const };
    }),
    setIncomplete: assign({ error: { key: 'check.errors.incomplete' } }),
    endBack: assign({ ended: 'back' as const }),
    endSent: assign({ ended: 'sent' as const }),
  },
}).createMachine({
  id: 'send',
  context: ({ input }) => ({
    referral: input.referral,
    providerName: input.providerName,
    log: [],
    nextId: input.nextId,
    failure: undefined,
    error: undefined,
    reference: undefined,
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
        onDone: { actions: ['recordSent', 'endSent'], target: 'sent' },
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
    sent: { type: 'final' },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, reference: context.reference, change: context.change, log: context.log, nextId: context.nextId }),
});
