import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './test/support/summary-line-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', new SummaryLineReporter()],
    // CLI tests spawn the built binary; give them room on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
