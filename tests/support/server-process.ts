import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSecret } from '../fixtures/referrals.ts';
import { unusedPort } from './smtp.ts';

/** A local server (`src/server/start.ts`) in its own process, as `npm start` runs it after the build. */
export type ServerProcess = { origin: string; port: number; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listenPort = port ?? (await unusedPort());
  const origin = `http://localhost:${listenPort}`;
  const child = spawn(process.execPath, ['--experimental-strip-types', 'src/server/start.ts'], {
    env: {
      ...process.env,
      PORT: String(listenPort),
      HOST: 'localhost',
      SITE_URL: origin,
      REFERRAL_SECRET: testSecret,
      MAIL_FROM: 'Restorative Justice Guide <referrals@rj.example.org>',
      REFERRAL_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Up to 45 seconds: a loaded machine starting PGlite and stripping types can be slow.
  for (let i = 0; i < 900; i += 1) {
    if (output.includes(`${origin}/`)) break;
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!output.includes(`${origin}/`)) {
    // Never leave a half-started server behind.
    child.kill('SIGKILL');
    throw new Error(`the server did not start: ${output}`);
  }
  return {
    origin,
    port: listenPort,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
