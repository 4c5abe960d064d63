import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Integration and e2e files each own a database and a server; run files in parallel, tests in order.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
