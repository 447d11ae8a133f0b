import { assign, setup } from 'xstate';
import { botLine, personLine } from './log.ts';
import type { Line } from './types.ts';

/**
 * Explain: each way restorative justice can happen, what a facilitator does, what preparation
 * involves, that either side can stop at any time, and the evidence in one line each with its
 * source. The person asks about any topic, then another, or goes to check whether it could work for
 * them, or back to the menu.
 */
export const topics = [
  'meeting',
  'letters',
  'recorded',
  'call',
  'shuttle',
  'community',
  'surrogate',
  'facilitator',
  'preparation',
  'stopping',
  'evidence',
] as const;
export type Topic = (typeof topics)[number];

/** The evidence lines, by their ids in content/evidence.json. */
export const evidenceIds = ['satisfied', 'recommend', 'cost-saving', 'reoffending', 'ptss', 'social-value'] as const;

export type ExplainInput = { nextId: number };
export type ExplainOutput = { ended: 'back' | 'check'; log: Line[]; nextId: number };
export type ExplainEvent = { type: 'topic.choose'; topic: string } | { type: 'explain.check' } | { type: 'nav.back' };

type Context = { log: Line[]; nextId: number; topic: Topic | undefined; ended: 'back' | 'check' };

const isTopic = (value: string): value is Topic => (topics as readonly string[]).includes(value);

export const explainMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ExplainEvent,
    input: {} as ExplainInput,
    output: {} as ExplainOutput,
  },
  guards: {
    isTopic: ({ event }) => event.type === 'topic.choose' && isTopic(event.topic),
  },
  actions: {
    askTopic: assign(({ context }) => botLine(context, 'explain.prompt')),
    tell: assign(({ context, event }) => {
      if (event.type !== 'topic.choose' || !isTopic(event.topic)) return {};
      const asked = personLine(context, { key: `explain.topics.${event.topic}.label` });
      let told = botLine(asked, `explain.topics.${event.topic}.text`);
      if (event.topic === 'evidence') for (const id of evidenceIds) told = botLine(told, `evidence.${id}`);
      return { ...told, topic: event.topic };
    }),
    echo: assign(({ context }, params: { key: string }) => personLine(context, { key: params.key })),
    end: assign((_, params: { ended: 'back' | 'check' }) => ({ ended: params.ended })),
  },
}).createMachine({
  id: 'explain',
  context: ({ input }) => ({ log: [], nextId: input.nextId, topic: undefined, ended: 'back' }),
  initial: 'topics',
  states: {
    topics: {
      meta: { step: 'explainTopics' },
      entry: 'askTopic',
      on: {
        'topic.choose': { guard: 'isTopic', actions: 'tell', target: 'telling' },
        'explain.check': { target: 'finished', actions: [{ type: 'echo', params: { key: 'explain.check' } }, { type: 'end', params: { ended: 'check' } }] },
        'nav.back': { target: 'finished', actions: [{ type: 'echo', params: { key: 'common.backToMenu' } }, { type: 'end', params: { ended: 'back' } }] },
      },
    },
    telling: {
      meta: { step: 'explainMore' },
      on: {
        'topic.choose': { guard: 'isTopic', actions: 'tell' },
        'explain.check': { target: 'finished', actions: [{ type: 'echo', params: { key: 'explain.check' } }, { type: 'end', params: { ended: 'check' } }] },
        'nav.back': { target: 'finished', actions: [{ type: 'echo', params: { key: 'common.backToMenu' } }, { type: 'end', params: { ended: 'back' } }] },
      },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ ended: context.ended, log: context.log, nextId: context.nextId }),
});
