import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/referral/**/*.test.ts', 'tests/functions/**/*.test.ts', 'tests/machines/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // Many tests wait on sockets, timers and child servers rather than the processor, so more files run
    // at once than there are cores (the default is one fewer than the cores: one, on a two-core machine).
    maxWorkers: 4,
    // Safety nets for a loaded machine, not speed targets (those are in npm run bench).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
