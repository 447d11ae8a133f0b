import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Where the browser tests' server runs, and the settings it starts with. */
const port = Number(process.env.TEST_PORT ?? 4329);

export const testServer = {
  port,
  baseURL: `http://localhost:${port}`,
  /** The embedded SMTP receiver writes each referral here; journeys read what a provider would get. */
  outboxDir: join(tmpdir(), `rj-outbox-${port}`),
  get env(): Record<string, string> {
    return { PORT: String(port), HOST: 'localhost', OUTBOX_DIR: this.outboxDir };
  },
};
