import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from '../support/server-process.ts';

/**
 * A rebuild under a running server removes files it listed at start. Asking for one must not end the
 * process: the answer is the site's 404, and everything else is still served.
 */
let server: ServerProcess;
let dist: string;

beforeAll(async () => {
  if (!existsSync('dist/_headers')) throw new Error('Build the site first (npm run build)');
  dist = join(tempDir('rj-dist-'), 'dist');
  cpSync('dist', dist, { recursive: true });
  server = await startServerProcess({ DIST_DIR: dist, DATA_DIR: tempDir('rj-data-') });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('a file removed while the server runs', () => {
  it('answers 404 for it and keeps serving the rest', async () => {
    rmSync(join(dist, 'about', 'index.html'));
    rmSync(join(dist, 'favicon.svg'));
    for (const path of ['/about/', '/favicon.svg']) {
      const response = await fetch(`${server.origin}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, path).toBe(404);
      await response.text();
    }
    expect((await fetch(`${server.origin}/`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });
});
