/**
 * Every error the referral function can answer with: a stable code, its HTTP status and one line on
 * what it means. Clients and tests rely on the codes, never on message text. The README lists them.
 */
export const errorCodes = {
  BAD_REQUEST: { status: 400, description: 'The request itself is malformed (its address or headers cannot be read).' },
  NOT_FOUND: { status: 404, description: 'Nothing is at this address.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'This address does not accept that method (POST for a referral, GET for a token).' },
  LENGTH_REQUIRED: { status: 411, description: 'A referral must say its length (Content-Length); bodies of unknown length are not read.' },
  FORBIDDEN_ORIGIN: { status: 403, description: 'The request came from a page on another site.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The body must be application/json (or a form post from the no-JavaScript page).' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The body is over 16 KB (refused by its declared length before it is read).' },
  INVALID_JSON: { status: 400, description: 'The body is not valid JSON.' },
  INVALID_REFERRAL: { status: 400, description: 'One or more answers are missing or not valid; `issues` lists each field.' },
  CONSENT_REQUIRED: { status: 422, description: 'The person did not agree to share their answers with the provider.' },
  UNKNOWN_AREA: { status: 422, description: 'The area code is well formed but is not one of our 43 areas.' },
  AREA_NOT_ACCEPTING_ONLINE_REFERRALS: { status: 422, description: 'The area has no inbox for online referrals; show its contacts instead.' },
  REFERRAL_NOT_OFFERED: { status: 422, description: 'The answers mean this site must not send the referral itself (`reason`: responsible-case, service-responsible or adults-only); show who to contact instead.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, description: 'This idempotency key was already used for a different referral.' },
  RATE_LIMITED: { status: 429, description: 'Too many requests from this address; try again after Retry-After seconds.' },
  REFERRAL_BUDGET_REACHED: { status: 429, description: 'This area, or this address, has sent as many referrals as it may this hour; nothing was sent. Try again after Retry-After seconds, or contact the provider directly.' },
  DELIVERY_UNAVAILABLE: { status: 503, description: 'The email could not be delivered now; nothing was lost, try again after Retry-After seconds.' },
  INTERNAL_ERROR: { status: 500, description: 'Something unexpected went wrong; nothing was sent.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof errorCodes;
