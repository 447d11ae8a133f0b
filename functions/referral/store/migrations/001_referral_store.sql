-- What the referral function keeps, and nothing more: never a referral, a name or anything typed.

-- One row per idempotency key (hashed): the hash of the answers, the reference and the state of delivery.
CREATE TABLE IF NOT EXISTS referral_claim (
  key_hash     text PRIMARY KEY,
  answers_hash text NOT NULL,
  reference    text NOT NULL,
  -- sending: an instance holds it until lease_until; delivered: the SMTP server accepted it;
  -- failed: it was not sent (a retry may send it); unknown: it may or may not have reached the provider.
  state        text NOT NULL CHECK (state IN ('sending', 'delivered', 'failed', 'unknown')),
  lease_until  timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS referral_claim_expires_at ON referral_claim (expires_at);

-- Referrals sent per bucket ("area:<code>" or "address:<keyed hash>") in each window.
CREATE TABLE IF NOT EXISTS send_budget (
  bucket       text NOT NULL,
  window_start timestamptz NOT NULL,
  used         integer NOT NULL,
  expires_at   timestamptz NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX IF NOT EXISTS send_budget_expires_at ON send_budget (expires_at);

-- Time-trap tokens already used, each with the (hashed) key it was used for: a token may be
-- used again only for the same referral (a retry), never for another.
CREATE TABLE IF NOT EXISTS used_token (
  token_hash text PRIMARY KEY,
  key_hash   text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS used_token_expires_at ON used_token (expires_at);
