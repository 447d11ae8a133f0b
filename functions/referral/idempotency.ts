import { createHash } from 'node:crypto';

/**
 * Exactly once: a referral's idempotency key maps to one outcome. Only a hash of the key, a hash of
 * the payload and the outcome are kept, for a bounded time; never the referral itself.
 *
 * The same key with the same payload gets the stored outcome (or waits for the one in progress);
 * the same key with a different payload is refused. A failed delivery is forgotten, so the person's
 * retry sends it, under the same reference.
 */
export type Outcome = { reference: string };

type Entry = {
  payloadHash: string;
  reference: string;
  /** Settled once delivery has been accepted; pending while it is under way. */
  done: Promise<Outcome>;
  settled: boolean;
  expiresAt: number;
};

export type Claim =
  /** First time (or a retry after a failure): the caller must deliver, then call `finish`. */
  | { kind: 'new'; reference: string; finish: (delivered: boolean) => void }
  /** Already delivered, or being delivered now: answer with this outcome, send nothing. */
  | { kind: 'replay'; outcome: Promise<Outcome> }
  /** The key was used for a different referral. */
  | { kind: 'conflict' };

export type IdempotencyStore = {
  claim(key: string, payload: unknown, newReference: () => string): Claim;
  /** How many keys are remembered (for tests and the benchmark). */
  size(): number;
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so the same answers always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function memoryIdempotencyStore(options: { ttlMs: number; maxEntries: number; now?: () => number }): IdempotencyStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Failed keys keep their reference (not the referral), so a retry is recognisably the same referral.
  const failedReferences = new Map<string, { reference: string; payloadHash: string; expiresAt: number }>();

  let lastSweep = now();
  // Expired keys are dropped at most once a minute (or when full), not on every request.
  const sweep = (): void => {
    const time = now();
    if (time - lastSweep < 60_000 && entries.size < options.maxEntries) return;
    lastSweep = time;
    for (const [hash, entry] of entries) if (entry.expiresAt <= time && entry.settled) entries.delete(hash);
    for (const [hash, entry] of failedReferences) if (entry.expiresAt <= time) failedReferences.delete(hash);
    while (entries.size >= options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  return {
    claim(key, payload, makeReference) {
      sweep();
      const keyHash = sha256(`idempotency:${key}`);
      const payloadHash = sha256(canonicalJson(payload));
      const existing = entries.get(keyHash);
      if (existing) {
        return existing.payloadHash === payloadHash ? { kind: 'replay', outcome: existing.done } : { kind: 'conflict' };
      }
      const failed = failedReferences.get(keyHash);
      if (failed && failed.payloadHash !== payloadHash) return { kind: 'conflict' };
      const reference = failed?.reference ?? makeReference();
      let resolve: (outcome: Outcome) => void = () => {};
      let reject: (error: Error) => void = () => {};
      const done = new Promise<Outcome>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // A waiting duplicate sees the failure; nobody else needs to handle it.
      done.catch(() => {});
      const entry: Entry = { payloadHash, reference, done, settled: false, expiresAt: now() + options.ttlMs };
      entries.set(keyHash, entry);
      failedReferences.delete(keyHash);
      return {
        kind: 'new',
        reference,
        finish(delivered) {
          entry.settled = true;
          if (delivered) {
            resolve({ reference });
            return;
          }
          entries.delete(keyHash);
          failedReferences.set(keyHash, { reference, payloadHash, expiresAt: now() + options.ttlMs });
          reject(new Error('delivery failed'));
        },
      };
    },
    size: () => entries.size,
  };
}
