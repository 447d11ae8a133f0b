// The answer types the referral schema defines, re-exported so charts depend on one place.
export type { Asker, Harm, HeardFrom, Way } from '../functions/referral/options.ts';
export type Admitted = 'admitted' | 'found-guilty' | 'denies' | 'not-sure';
