/**
 * In-process, per-IP rate limiting for the Node server: at most `limit` requests per window. (On
 * Netlify the platform's own `rateLimit` rule in the function's config does this job.)
 */
export type RateLimiter = (ip: string) => { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function fixedWindowLimiter(options: { limit: number; windowMs: number; now?: () => number; maxTracked?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const maxTracked = options.maxTracked ?? 50_000;
  const windows = new Map<string, { start: number; count: number }>();
  return (ip) => {
    const time = now();
    let window = windows.get(ip);
    if (!window || time - window.start >= options.windowMs) {
      if (windows.size >= maxTracked) windows.clear();
      window = { start: time, count: 0 };
      windows.set(ip, window);
    }
    window.count += 1;
    if (window.count <= options.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000)) };
  };
}
