import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The dev server forwards the API and the WebSocket to a running Meridian server,
// so `pnpm dev` behaves like production (one origin for page, API and sync).
const server = process.env.MERIDIAN_SERVER ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/ws': { target: server.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The initial chunk holds React, Yjs and the shell; the editor (Tiptap) and the
    // planning views arrive through dynamic import() when first opened.
    chunkSizeWarningLimit: 700,
  },
})
