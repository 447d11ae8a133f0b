import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium, noChromiumMessage } from './tests/support/chromium.ts';
import { testServer } from './tests/support/test-server.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(noChromiumMessage);
  process.exit(1);
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: testServer.baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  },
  webServer: [
    {
      command: 'node --experimental-strip-types tests/support/smtp-fixture.ts',
      url: `${testServer.smtpControl}/`,
      env: testServer.smtpEnv,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node --experimental-strip-types src/server/start.ts',
      url: `${testServer.baseURL}/`,
      env: testServer.env,
      // The server's log lines (outcomes, never content) in the test output, when asked for.
      stdout: process.env.SHOW_SERVER_LOG ? 'pipe' : 'ignore',
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
