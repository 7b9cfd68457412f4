import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Every test fails on a payload that breaks a documented platform rule (Slack: test/support/violations.ts;
    // Teams: the strict Bot Connector and invoke answers, test/support/conformance-setup.ts).
    setupFiles: ['test/support/strict-setup.ts', 'test/support/conformance-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
