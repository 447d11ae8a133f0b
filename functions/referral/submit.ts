import { createHmac } from 'node:crypto';
import { referralBlock, type ReferralBlock } from '../../referral/rules.ts';
import { validateReferral, type FieldIssue } from '../../referral/schema.ts';
import type { Words } from '../../src/lib/words.ts';
import { composeReferralEmail } from './compose.ts';
import { DeliveryError, type Transport } from './deliver.ts';
import { canonicalJson, sha256 } from './hash.ts';
import { referenceFor } from './reference.ts';
import { routeReferral } from './route.ts';
import type { Pace } from './pace.ts';
import type { Settings } from './settings.ts';
import type { Store } from './store/index.ts';
import { checkToken } from './token.ts';
import { servicePolicy } from '../../src/lib/area-routing.ts';

/** What the function needs from the outside world; tests supply their own. */
export type Dependencies = {
  settings: Settings;
  transport: Transport;
  store: Store;
  /** Signs tokens and derives references (settings.secret, or the generated local one). */
  secret: string;
  now: () => Date;
  /** The words of the email (and of the pages and issues), in the provider's language. */
  words: Words;
  /** How long real deliveries take: caught bots are answered after as long, so timing does not give it away. */
  pace: Pace;
};

/** Who sent it, as far as limits are concerned: the client key (an IPv4 address or an IPv6 /64). */
export type Sender = { clientKey: string };

export type SubmitResult =
  /** Accepted by the SMTP server (`confirmed`), or handed over with the answer lost (`unconfirmed`); or a bot answered like success. */
  | { kind: 'accepted'; reference: string; area?: string; outcome: 'delivered' | 'replayed' | 'unconfirmed' | 'bot'; delivery: 'confirmed' | 'unconfirmed'; reason?: string }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'refused'; code: 'CONSENT_REQUIRED' | 'UNKNOWN_AREA' | 'AREA_NOT_ACCEPTING_ONLINE_REFERRALS' | 'IDEMPOTENCY_KEY_REUSED'; area?: string }
  /** The rules say this site must not send it itself (the person is shown who to contact instead). */
  | { kind: 'not-offered'; block: ReferralBlock; area: string }
  /** Over the area's or this sender's budget of referrals per hour: nothing was sent. */
  | { kind: 'limited'; area: string; retryAfterSeconds: number }
  | { kind: 'unavailable'; reference: string; area: string; error: string };

/**
 * One referral, from a parsed body to a delivered email: validate; screen out bots (the hidden field,
 * the signed time-trap token, a token used for another referral); check consent; route from our own
 * area data; claim the idempotency key in the shared store; keep to the send budgets; compose; deliver.
 * No HTTP here.
 */
export async function submitReferral(body: unknown, deps: Dependencies, sender: Sender): Promise<SubmitResult> {
  const validation = validateReferral(body);
  if (!validation.ok) return { kind: 'invalid', issues: validation.issues };
  const referral = validation.referral;
  const { settings, store } = deps;
  const now = deps.now();
  const reference = referenceFor(referral.idempotencyKey, deps.secret);
  const keyHash = sha256(`idempotency:${referral.idempotencyKey}`);

  const bot = async (reason: string): Promise<SubmitResult> => {
    await deps.pace.wait();
    return { kind: 'accepted', reference, outcome: 'bot', delivery: 'confirmed', reason };
  };
  if (referral.website && referral.website.trim() !== '') return bot('hidden-field');
  if (settings.minFillMs > 0) {
    const token = checkToken(referral.token, deps.secret, now.getTime(), { minAgeMs: settings.minFillMs, maxAgeMs: settings.tokenMaxAgeMs });
    if (!token.ok) return bot(`token-${token.reason}`);
  }
  const area = String(referral.answers.area);
  if (referral.answers.consent !== true) return { kind: 'refused', code: 'CONSENT_REQUIRED', area };

  const route = routeReferral(area, { redirectTo: settings.redirectTo, nationalRoute: settings.nationalRoute });
  if (!route.ok) return { kind: 'refused', code: route.code, area };
  const block = referralBlock(referral.answers, servicePolicy(route.area));
  if (block) return { kind: 'not-offered', block, area };

  if (settings.minFillMs > 0 && referral.token) {
    const expiresAt = new Date(now.getTime() + settings.tokenMaxAgeMs);
    if (!(await store.tokens.use({ tokenHash: sha256(`token:${referral.token}`), keyHash, expiresAt }))) return bot('token-replayed');
  }

  const { website: _website, token: _token, ...answers } = referral;
  const budgets = [
    { bucket: `area:${area}`, limit: settings.areaBudget },
    { bucket: `address:${createHmac('sha256', deps.secret).update(`address:${sender.clientKey}`).digest('hex').slice(0, 32)}`, limit: settings.addressBudget },
  ];
  const claim = await store.claims.claim({ keyHash, answersHash: sha256(canonicalJson(answers)), reference, now, budgets });
  switch (claim.kind) {
    case 'conflict':
      return { kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED', area };
    case 'over-budget':
      return { kind: 'limited', area, retryAfterSeconds: claim.retryAfterSeconds };
    case 'replay':
      return { kind: 'accepted', reference, area, outcome: 'replayed', delivery: 'confirmed' };
    case 'unknown':
      return { kind: 'accepted', reference, area, outcome: 'replayed', delivery: 'unconfirmed' };
    case 'busy': {
      // Another request (perhaps on another instance) is sending it now: its outcome is ours.
      const state = await store.claims.waitForSettled(keyHash, 16_000);
      if (state === 'delivered') return { kind: 'accepted', reference, area, outcome: 'replayed', delivery: 'confirmed' };
      if (state === 'unknown') return { kind: 'accepted', reference, area, outcome: 'replayed', delivery: 'unconfirmed' };
      return { kind: 'unavailable', reference, area, error: 'EINFLIGHTFAILED' };
    }
    case 'new':
      break;
  }

  const email = composeReferralEmail({
    referral,
    reference,
    route,
    from: settings.mailFrom,
    receivedAt: now,
    siteOrigin: settings.publicOrigin,
    test: route.test ? 'redirect' : undefined,
    words: deps.words,
  });
  const sendStarted = performance.now();
  try {
    await deps.transport.send(email);
    deps.pace.record(performance.now() - sendStarted);
    await store.claims.settle(keyHash, 'delivered');
    return { kind: 'accepted', reference, area, outcome: 'delivered', delivery: 'confirmed' };
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError('EUNKNOWN');
    await store.claims.settle(keyHash, failure.outcome);
    if (failure.outcome === 'unknown') return { kind: 'accepted', reference, area, outcome: 'unconfirmed', delivery: 'unconfirmed' };
    return { kind: 'unavailable', reference, area, error: failure.code };
  }
}
