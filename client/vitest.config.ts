import { defineConfig } from 'vitest/config'

// Unit tests of the client's pure modules (layout, ticks, facts, horizons, close codes).
// `pnpm --filter @meridian/client test`; browser behaviour is covered by tests/e2e.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
