import type { Answer } from '../referral/conditions.ts';

/**
 * One line of the transcript. Bot lines name their words by key (content/locales/<locale>/…); a
 * person's line is the option they chose (by key), the options they ticked, or what they typed. Ids
 * only grow, so a line never changes once shown.
 */
export type Line =
  | { id: number; from: 'bot'; key: string; vars?: Record<string, string>; variant?: string }
  | { id: number; from: 'person'; key?: string; keys?: string[]; text?: string; vars?: Record<string, string>; variant?: string };

/** Everything the person has answered so far, keyed by catalogue field (referral/catalogue.ts). */
export type Answers = Record<string, Answer | undefined>;

/** What is wrong with the last answer, per field: an issue code (referral/answer-rules.ts) or a words key. */
export type Problem = { field: string; code?: string; key?: string };
