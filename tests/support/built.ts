import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

/** The built site the unit tests read (`npm test` builds it first with `npm run build:test`). */
export const dist = process.env.DIST_DIR ?? 'dist';

/**
 * A group of tests that read the built site. With no build they fail, saying what to run, rather than
 * being skipped: a skipped check is a check that did not happen.
 */
export function describeBuilt(name: string, body: () => void): void {
  describe(name, () => {
    if (!existsSync(join(dist, 'index.html'))) {
      it('needs the built site', () => {
        throw new Error(`no built site in ${dist}/: run "npm run build:test" first (npm test does)`);
      });
      return;
    }
    body();
  });
}
