import type { Referral } from './schema.ts';

/**
 * Bot protection without a puzzle: a field people never see (`website`) must stay empty, and the
 * form must have been on screen for a few seconds. A tripped check is answered exactly like success.
 */
export function looksAutomated(referral: Referral, now: number, minFillMs: number): boolean {
  if (referral.website && referral.website.trim() !== '') return true;
  if (referral.shownAt !== undefined && now - referral.shownAt < minFillMs) return true;
  return false;
}
