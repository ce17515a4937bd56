import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@meridian/source'] },
  ssr: { resolve: { conditions: ['@meridian/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
