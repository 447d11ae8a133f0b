import { conversationMachine } from '../../../machines/conversation.ts';
import type { Phases } from './phases.ts';

/**
 * The conversation with the browser's side effects plugged in. The question and send charts (and the
 * panels that show them) come in a second file, fetched just after the page; `loadPhases` gets it, and
 * a choice that needs it waits for it. A failed load can be tried again.
 */
let phases: Phases | undefined;
let loading: Promise<Phases> | undefined;

export function loadPhases(): Promise<Phases> {
  loading ??= import('./phases.ts').then(
    (module) => (phases = module.phases),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The loaded phases (the panel only shows a question once they are loaded). */
export function loadedPhases(): Phases | undefined {
  return phases;
}

/** A stand-in for a chart, forwarding to it once loaded (the island waits for the load before it is needed). */
function loadedLater<K extends 'questions' | 'send'>(key: K): Phases[K] {
  return new Proxy({} as Phases[K], {
    get(_target, property) {
      if (!phases) throw new Error('the conversation has not finished loading');
      return Reflect.get(phases[key], property);
    },
  });
}

export function browserConversation() {
  return conversationMachine.provide({ actors: { questions: loadedLater('questions'), send: loadedLater('send') } });
}
