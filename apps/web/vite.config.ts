import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

// The API server serves dist/ at / and the API at /api; in development, `vite` proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': process.env.MERIDIAN_API ?? 'http://127.0.0.1:4455' } },
})
