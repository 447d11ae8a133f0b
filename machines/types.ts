import type { Admitted, Asker, AskerUnder18, Harm, HeardFrom, Stage, Way, YesNoNotSure } from '../functions/referral/options.ts';

/**
 * One line of the transcript. Bot lines name their words by key (content/chat/…); a person's line is
 * the option they chose (by key) or what they typed. Ids only grow, so a line never changes once shown.
 */
export type Line =
  | { id: number; from: 'bot'; key: string; vars?: Record<string, string> }
  | { id: number; from: 'person'; key?: string; keys?: string[]; text?: string };

/** Everything the person has answered so far; all optional until they answer. */
export type Answers = {
  asker?: Asker;
  /** ONS code of the police force area. */
  area?: string;
  harm?: Harm;
  reported?: YesNoNotSure;
  responsibleKnown?: YesNoNotSure;
  admitted?: Admitted;
  stage?: Stage;
  responsibleUnder18?: YesNoNotSure;
  askerUnder18?: AskerUnder18;
  name?: string;
  contactMethods?: ('phone' | 'email')[];
  phone?: string;
  phoneSafety?: ('call' | 'text' | 'voicemail' | 'name')[];
  bestTimes?: string;
  email?: string;
  emailSafety?: ('email' | 'name')[];
  language?: string;
  interpreter?: 'yes' | 'no';
  accessNeeds?: string;
  ways?: Way[];
  crimeReference?: string;
  message?: string;
  heardFrom?: HeardFrom;
  consent?: boolean;
};

/** The events the person's actions send, shared by every chart. */
export type AnswerEvent =
  /** A button: one option (with its visible words, for the transcript, where options are not fixed). */
  | { type: 'answer.choose'; value: string; label?: string }
  /** Text typed, or the options ticked. */
  | { type: 'answer.submit'; value: string | string[] }
  /** "Skip" on an optional question. */
  | { type: 'answer.skip' }
  | { type: 'nav.back' };

/** What a question chart hands back: its answers, its part of the transcript, and how it ended. */
export type StepOutput = { ended: 'done' | 'back'; answers: Answers; log: Line[]; nextId: number };

/** What is wrong with the last answer: words from content/chat (`key`), or the referral schema's own message (`text`). */
export type Problem = { key: string } | { text: string };
