import { composeReferralEmail } from './compose.ts';
import { DeliveryError, type Transport } from './deliver.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { looksAutomated } from './protect.ts';
import { newReference } from './reference.ts';
import { routeReferral } from './route.ts';
import type { Settings } from './settings.ts';
import { validateReferral, type FieldIssue } from './validate.ts';

/** What the function needs from the outside world; tests supply their own. */
export type Dependencies = {
  settings: Settings;
  transport: Transport;
  store: IdempotencyStore;
  now: () => Date;
};

export type SubmitResult =
  /** The SMTP server accepted the message (or it was already sent, or a bot was answered like success). */
  | { kind: 'accepted'; reference: string; area?: string; outcome: 'delivered' | 'replayed' | 'bot' }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'refused'; code: 'CONSENT_REQUIRED' | 'UNKNOWN_AREA' | 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' | 'IDEMPOTENCY_KEY_REUSED'; area?: string }
  | { kind: 'unavailable'; reference: string; area: string; error: string };

/**
 * One referral, from a parsed body to a delivered email: validate, screen out bots, check consent,
 * route from our own area data, claim the idempotency key, compose, deliver. No HTTP here.
 */
export async function submitReferral(body: unknown, deps: Dependencies): Promise<SubmitResult> {
  const validation = validateReferral(body);
  if (!validation.ok) return { kind: 'invalid', issues: validation.issues };
  const referral = validation.referral;
  const now = deps.now();

  if (looksAutomated(referral, now.getTime(), deps.settings.minFillMs)) {
    return { kind: 'accepted', reference: newReference(), outcome: 'bot' };
  }
  if (!referral.consent) return { kind: 'refused', code: 'CONSENT_REQUIRED', area: referral.area };

  const route = routeReferral(referral.area, deps.settings.redirectTo);
  if (!route.ok) return { kind: 'refused', code: route.code, area: referral.area };

  const { website: _website, shownAt: _shownAt, ...answers } = referral;
  const claim = deps.store.claim(referral.idempotencyKey, answers, newReference);
  if (claim.kind === 'conflict') return { kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED', area: referral.area };
  if (claim.kind === 'replay') {
    try {
      const { reference } = await claim.outcome;
      return { kind: 'accepted', reference, area: referral.area, outcome: 'replayed' };
    } catch {
      return { kind: 'unavailable', reference: '', area: referral.area, error: 'EINFLIGHTFAILED' };
    }
  }

  const email = composeReferralEmail({
    referral,
    reference: claim.reference,
    areaName: route.area.name,
    providerName: route.provider.name,
    to: route.to,
    from: deps.settings.mailFrom,
    receivedAt: now,
    test: route.test ? { intendedFor: route.area.referralEmail?.address ?? '' } : undefined,
  });
  try {
    await deps.transport.send(email);
    claim.finish(true);
    return { kind: 'accepted', reference: claim.reference, area: referral.area, outcome: 'delivered' };
  } catch (error) {
    claim.finish(false);
    const code = error instanceof DeliveryError ? error.code : 'EUNKNOWN';
    return { kind: 'unavailable', reference: claim.reference, area: referral.area, error: code };
  }
}
