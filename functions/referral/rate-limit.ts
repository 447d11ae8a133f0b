/**
 * Per-client request limit for the Node server: at most `limit` requests per window per client key.
 * Memory is bounded by evicting the least recently seen clients, never by forgetting everyone, so a
 * flood of new addresses cannot unblock an address that is over its limit. (On Netlify the platform's
 * own `rateLimit` rule in the function's config does this job first.)
 */
export type RateLimiter = (key: string) => { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function fixedWindowLimiter(options: { limit: number; windowMs: number; now?: () => number; maxTracked?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const maxTracked = options.maxTracked ?? 100_000;
  // A Map iterates in insertion order: re-inserting on every use keeps the least recent first.
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const time = now();
    let window = windows.get(key);
    if (window) windows.delete(key);
    if (!window || time - window.start >= options.windowMs) window = { start: time, count: 0 };
    windows.set(key, window);
    while (windows.size > maxTracked) {
      const oldest = windows.keys().next().value;
      if (oldest === undefined) break;
      windows.delete(oldest);
    }
    window.count += 1;
    if (window.count <= options.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000)) };
  };
}
