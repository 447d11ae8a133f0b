import type { Line } from './types.ts';

/**
 * Transcript helpers shared by every chart: pure functions from a context to its new `log` and
 * `nextId`, used inside `assign`.
 */
type Logged = { log: Line[]; nextId: number };

export function botLine(context: Logged, key: string, vars?: Record<string, string>, variant?: string): Logged {
  return { log: [...context.log, { id: context.nextId, from: 'bot', key, ...(vars ? { vars } : {}), ...(variant ? { variant } : {}) }], nextId: context.nextId + 1 };
}

export function personLine(context: Logged, line: { key?: string; keys?: string[]; text?: string; vars?: Record<string, string>; variant?: string }): Logged {
  return { log: [...context.log, { id: context.nextId, from: 'person', ...line }], nextId: context.nextId + 1 };
}
